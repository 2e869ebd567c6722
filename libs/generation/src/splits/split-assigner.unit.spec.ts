import type { Split } from '@compileo/domain';
import { assignSplits, splitForNewEntry } from './split-assigner';

const entries = (n: number, categories: readonly (string | null)[]) =>
  Array.from({ length: n }, (_, i) => ({ id: `entry_${i + 1}`, category: categories[i % categories.length] }));

const count = (splits: Map<string, Split>, ids?: readonly string[]): Record<Split, number> => {
  const out = { train: 0, validation: 0, test: 0 };
  for (const [id, s] of splits) if (!ids || ids.includes(id)) out[s]++;
  return out;
};

describe('assignSplits', () => {
  it('splits 70/15/15 within each category', () => {
    const list = entries(200, ['A', 'B']);
    const splits = assignSplits(list, 'seed');
    expect(splits.size).toBe(200);
    for (const cat of ['A', 'B']) {
      expect(count(splits, list.filter((e) => e.category === cat).map((e) => e.id))).toEqual({ train: 70, validation: 15, test: 15 });
    }
  });

  it('is deterministic, order-independent and seed-dependent', () => {
    const list = entries(50, ['A', 'B', null]);
    const a = assignSplits(list, 's1');
    expect(assignSplits([...list].reverse(), 's1')).toEqual(a);
    expect(assignSplits(list, 's2')).not.toEqual(a);
  });

  it('keeps every split non-empty with many tiny categories', () => {
    for (const n of [3, 4, 5, 7]) {
      const list = Array.from({ length: n }, (_, i) => ({ id: `e${i}`, category: `C${i}` }));
      const c = count(assignSplits(list, 'seed'));
      expect(c.train).toBeGreaterThan(0);
      expect(c.validation).toBeGreaterThan(0);
      expect(c.test).toBeGreaterThan(0);
    }
  });

  it('keeps global proportions close to 70/15/15 across uneven categories', () => {
    const list = entries(100, ['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(count(assignSplits(list, 'x'))).toEqual({ train: 70, validation: 15, test: 15 });
  });

  it('handles empty and single-entry inputs', () => {
    expect(assignSplits([], 's').size).toBe(0);
    expect(assignSplits([{ id: 'a', category: null }], 's').get('a')).toBe('train');
  });
});

describe('splitForNewEntry', () => {
  it('is a stable hash bucket near 70/15/15 that never moves existing entries', () => {
    const existing = assignSplits(entries(30, ['A']), 'seed');
    const snapshot = new Map(existing);
    const added = Array.from({ length: 10000 }, (_, i) => `entry_${i + 31}`);
    const buckets = { train: 0, validation: 0, test: 0 };
    for (const id of added) {
      const split = splitForNewEntry(id, 'seed');
      expect(splitForNewEntry(id, 'seed')).toBe(split);
      existing.set(id, split);
      buckets[split]++;
    }
    for (const [id, split] of snapshot) expect(existing.get(id)).toBe(split);
    expect(buckets.train / 10000).toBeCloseTo(0.7, 1);
    expect(buckets.validation / 10000).toBeCloseTo(0.15, 1);
    expect(buckets.test / 10000).toBeCloseTo(0.15, 1);
  });
});
