import { hash53 } from '../text/seeded-hash';

/**
 * MinHash signatures banded for locality-sensitive hashing. Two shingle sets with Jaccard s share a band's
 * key with probability s^ROWS, so they share at least one of BANDS keys with 1 − (1 − s^ROWS)^BANDS:
 * with 21 bands × 6 rows that is 1 − 1.2e-7 at s = 0.9, 1 − 4.8e-5 at 0.85 and 0.28 at 0.5, while pairs at
 * s ≤ 0.2 (unrelated texts) collide with probability ≤ 0.00135, so a lookup visits a handful of candidates
 * however large the index is. Hashing is seeded and fixed: the same texts give the same keys on every run
 * and platform.
 */
export const LSH_BANDS = 21;
export const LSH_ROWS = 6;
const PERMUTATIONS = LSH_BANDS * LSH_ROWS;

/** MurmurHash3's finaliser: a bijection on 32-bit integers with full avalanche. */
const fmix32 = (value: number): number => {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

/** One fixed seed per permutation (golden-ratio sequence, mixed). */
const SEEDS = Uint32Array.from({ length: PERMUTATIONS }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b9)));

/** The MinHash signature: per permutation, the minimum over the shingles of the shingle's permuted hash. */
export const signature = (shingles: Iterable<string>): Uint32Array => {
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const s of shingles) {
    const x = hash53(s) >>> 0;
    for (let i = 0; i < PERMUTATIONS; i++) {
      const v = fmix32(x ^ SEEDS[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
};

/**
 * One key per band, hashing that band's rows of the signature. Keys are 30-bit so they stay small integers
 * (Smis) in V8: a Map keyed by them allocates nothing per key. A chance collision only adds a candidate.
 */
export const bandKeys = (sig: Uint32Array): Uint32Array => {
  const keys = new Uint32Array(LSH_BANDS);
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = SEEDS[b];
    for (let r = b * LSH_ROWS; r < (b + 1) * LSH_ROWS; r++) h = fmix32(Math.imul(h ^ sig[r], 0x01000193));
    keys[b] = h >>> 2;
  }
  return keys;
};
