import { DuplicateIndex } from './duplicate-index';
import { exactKey, jaccard, NEAR_DUPLICATE_THRESHOLD, shingles } from './near-duplicate';

/** mulberry32: a seeded PRNG, so the corpus is the same on every run. */
const prng = (seed: number): (() => number) => {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const random = prng(7);
const pick = (n: number): number => Math.floor(random() * n);
const VOCABULARY = Array.from({ length: 3000 }, (_, i) => `w${i}`);
const word = (): string => VOCABULARY[pick(VOCABULARY.length)];
const words = (n: number): string[] => Array.from({ length: n }, word);

/** A variant of `base` by one of a few edits whose Jaccard spreads over about 0.6–1. */
const variant = (base: readonly string[]): string[] => {
  const out = [...base];
  const m = 1 + pick(4);
  switch (pick(4)) {
    case 0: // append m words
      return out.concat(words(m));
    case 1: // replace the last m words
      return out.slice(0, out.length - m).concat(words(m));
    case 2: // replace one word in the middle
      out[1 + pick(out.length - 2)] = word();
      return out;
    default: // drop the first m words
      return out.slice(m);
  }
};

/** 300 base texts of 20–80 words, each with 0–3 variants (some of variants); a few exact copies. */
const corpus = (): string[] => {
  const texts: string[] = [];
  for (let i = 0; i < 300; i++) {
    const base = words(20 + pick(61));
    texts.push(base.join(' '));
    let last = base;
    for (let v = pick(4); v > 0; v--) {
      last = random() < 0.3 ? variant(last) : variant(base);
      texts.push(last.join(' '));
    }
    if (random() < 0.05) texts.push(base.join(' ').toUpperCase());
  }
  return texts;
};

describe('DuplicateIndex (MinHash LSH) against exact Jaccard', () => {
  const texts = corpus();
  const sets = texts.map((t) => shingles(t));
  const keys = texts.map(exactKey);
  const n = texts.length;
  /** Brute force: the exact Jaccard of every pair, computed once. */
  const similarity = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) similarity[i * n + j] = similarity[j * n + i] = jaccard(sets[i], sets[j]);
  const sim = (i: number, j: number): number => similarity[i * n + j];
  const index = new DuplicateIndex();
  texts.forEach((t, i) => index.add(`e${i}`, t));

  /** Brute force: every other entry at Jaccard ≥ threshold that is not an exact copy. */
  const exactNear = (i: number): Map<string, number> => {
    const out = new Map<string, number>();
    for (let j = 0; j < n; j++) if (j !== i && keys[j] !== keys[i] && sim(i, j) >= NEAR_DUPLICATE_THRESHOLD) out.set(`e${j}`, sim(i, j));
    return out;
  };

  it('covers pairs on both sides of the threshold', () => {
    const levels = { atLeast90: 0, from80to90: 0, from60to80: 0 };
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const s = sim(i, j);
        if (s >= 0.9 && s < 1) levels.atLeast90++;
        else if (s >= 0.8 && s < 0.9) levels.from80to90++;
        else if (s >= 0.6 && s < 0.8) levels.from60to80++;
      }
    expect(levels.atLeast90).toBeGreaterThan(100);
    expect(levels.from80to90).toBeGreaterThan(50);
    expect(levels.from60to80).toBeGreaterThan(50);
  });

  it('finds every pair at Jaccard ≥ 0.9 and reports nothing below it, with the exact similarity', () => {
    let expected = 0;
    let found = 0;
    texts.forEach((text, i) => {
      const truth = exactNear(i);
      const near = index.findAll(text).filter((m) => !m.exact && m.id !== `e${i}`);
      for (const m of near) {
        expect(truth.get(m.id)).toBe(m.similarity); // no false positive, similarity exact
        found++;
      }
      expected += truth.size;
    });
    expect(expected).toBeGreaterThan(200);
    expect(found / expected).toBe(1);
  });

  it('picks the most similar entry (earliest on ties) as the brute force does', () => {
    const probe = new DuplicateIndex();
    texts.forEach((text, i) => {
      const sameKey = keys.slice(0, i).indexOf(keys[i]);
      let best: { id: string; similarity: number; exact: boolean } | null =
        sameKey >= 0 ? { id: `e${sameKey}`, similarity: 1, exact: true } : null;
      for (let j = 0; best?.exact !== true && j < i; j++)
        if (sim(i, j) >= NEAR_DUPLICATE_THRESHOLD && (best === null || sim(i, j) > best.similarity))
          best = { id: `e${j}`, similarity: sim(i, j), exact: false };
      expect(probe.findDuplicate(text)).toEqual(best);
      probe.add(`e${i}`, text);
    });
  });

  it('answers a looser threshold exactly too (by a scan)', () => {
    for (let i = 0; i < 50; i++) {
      const truth = texts.flatMap((_, j) => (j !== i && keys[j] !== keys[i] && sim(i, j) >= 0.5 ? [`e${j}`] : []));
      const near = index.findAll(texts[i], 0.5).filter((m) => !m.exact);
      expect(near.map((m) => m.id).sort()).toEqual(truth.sort());
    }
  });
});
