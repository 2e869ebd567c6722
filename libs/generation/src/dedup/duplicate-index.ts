import { bandKeys, signature, LSH_BANDS } from './minhash';
import { exactKey, jaccard, NEAR_DUPLICATE_THRESHOLD, normalizedShingles } from './near-duplicate';

export interface DuplicateMatch {
  readonly id: string;
  readonly similarity: number;
  readonly exact: boolean;
}

/**
 * Thresholds at or above this are answered through MinHash LSH (recall ≈ 1, see minhash.ts); a looser
 * threshold falls back to an exact scan of every entry, O(n) per lookup (no pipeline caller uses one).
 */
export const LSH_THRESHOLD = NEAR_DUPLICATE_THRESHOLD;

/**
 * Finds exact and near-duplicates among the texts added so far. Exact matches are a hash-map lookup on the
 * normalised text. Near matches go through MinHash LSH: a text is filed under one key per band, a lookup
 * gathers the texts sharing a band key with it (a handful, not a share of the dataset as with an inverted
 * index, whose common shingles have posting lists proportional to its size) and reports only those whose
 * exact shingle Jaccard reaches the threshold, so what is reported is exact and only recall is
 * probabilistic. Memory per entry: its normalised text plus one bucket slot per band. Ties go to the
 * earliest added id.
 */
export class DuplicateIndex {
  private readonly ids: string[] = [];
  /** Normalised text per position (also the exact key), re-shingled to verify a candidate. */
  private readonly texts: string[] = [];
  private readonly positions = new Map<string, number>();
  /** Every position per exact key, in insertion order. */
  private readonly exactAll = new Map<string, number[]>();
  /** Per band: band key → position, or positions in insertion order when several share it. */
  private readonly buckets = Array.from({ length: LSH_BANDS }, () => new Map<number, number | number[]>());
  /** The last text's band keys: the pipeline looks a text up and then adds it, which hashes it once. */
  private last: { readonly key: string; readonly bands: Uint32Array } | null = null;

  constructor(private readonly threshold = NEAR_DUPLICATE_THRESHOLD) {}

  get size(): number {
    return this.ids.length;
  }

  add(id: string, text: string): void {
    if (this.positions.has(id)) return;
    const key = exactKey(text);
    const at = this.ids.length;
    this.ids.push(id);
    this.texts.push(key);
    this.positions.set(id, at);
    const same = this.exactAll.get(key);
    if (same) same.push(at);
    else this.exactAll.set(key, [at]);
    const set = normalizedShingles(key);
    if (set.size === 0) return;
    const keys = this.bandsOf(key, set);
    for (let b = 0; b < LSH_BANDS; b++) {
      const bucket = this.buckets[b];
      const held = bucket.get(keys[b]);
      if (held === undefined) bucket.set(keys[b], at);
      else if (typeof held === 'number') bucket.set(keys[b], [held, at]);
      else held.push(at);
    }
  }

  findDuplicate(text: string): DuplicateMatch | null {
    const key = exactKey(text);
    const exactAt = this.exactAll.get(key);
    if (exactAt !== undefined) return { id: this.ids[exactAt[0]], similarity: 1, exact: true };
    return this.near(key, this.threshold, new Set())[0] ?? null;
  }

  /**
   * Every added text that is an exact or near duplicate of `text` (similarity ≥ `threshold`, by default the
   * index's own), not only the best one: exact matches first (similarity 1, insertion order), then near
   * matches by descending similarity, ties in insertion order. A text without words matches only other
   * wordless texts, exactly.
   */
  findAll(text: string, threshold = this.threshold): DuplicateMatch[] {
    const key = exactKey(text);
    const exactAt = this.exactAll.get(key) ?? [];
    const out: DuplicateMatch[] = exactAt.map((at) => ({ id: this.ids[at], similarity: 1, exact: true }));
    return out.concat(this.near(key, threshold, new Set(exactAt)));
  }

  /** Near (non-exact) matches of a normalised text, by exact Jaccard, most similar first, then insertion order. */
  private near(key: string, threshold: number, exclude: ReadonlySet<number>): DuplicateMatch[] {
    const query = normalizedShingles(key);
    if (query.size === 0) return [];
    const found: { at: number; similarity: number }[] = [];
    for (const at of threshold >= LSH_THRESHOLD ? this.candidates(this.bandsOf(key, query)) : this.ids.keys()) {
      if (exclude.has(at)) continue;
      const similarity = jaccard(query, normalizedShingles(this.texts[at]));
      if (similarity >= threshold) found.push({ at, similarity });
    }
    found.sort((a, b) => b.similarity - a.similarity || a.at - b.at);
    return found.map(({ at, similarity }) => ({ id: this.ids[at], similarity, exact: false }));
  }

  private bandsOf(key: string, set: ReadonlySet<string>): Uint32Array {
    if (this.last?.key !== key) this.last = { key, bands: bandKeys(signature(set)) };
    return this.last.bands;
  }

  /** Positions filed under at least one of these band keys. */
  private candidates(keys: Uint32Array): Set<number> {
    const out = new Set<number>();
    for (let b = 0; b < LSH_BANDS; b++) {
      const held = this.buckets[b].get(keys[b]);
      if (held === undefined) continue;
      if (typeof held === 'number') out.add(held);
      else for (const at of held) out.add(at);
    }
    return out;
  }
}

/** Re-exported for callers that compare two texts directly. */
export { jaccard };
