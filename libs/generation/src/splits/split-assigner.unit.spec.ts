import type { Split } from '@compileo/domain';
import { AssignedSplits, assignSplits, assignSplitsSteps, findSplitLeaks, splitForNewEntry } from './split-assigner';

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
      expect(
        count(
          splits,
          list.filter((e) => e.category === cat).map((e) => e.id),
        ),
      ).toEqual({ train: 70, validation: 15, test: 15 });
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

/** 30 words unique to entry `n`: no two base texts share a shingle. */
const base = (n: number): string => Array.from({ length: 30 }, (_, k) => `w${n}x${k}`).join(' ');
/** A near duplicate of base(n): one word appended (28 of 29 shingles shared, Jaccard ≈ 0.97). */
const near = (n: number): string => `${base(n)} extra`;

describe('assignSplits with texts (leakage)', () => {
  const CATS = ['A', 'B', 'C', 'D', 'E'];
  /** 1000 entries: 820 unique, 60 near-duplicate pairs, 20 exact triples (one member in another category). */
  const synthetic = () => {
    const list: { id: string; category: string; text: string }[] = [];
    let i = 0;
    const push = (text: string, category = CATS[i % CATS.length]) => list.push({ id: `e${String(i++).padStart(4, '0')}`, category, text });
    for (let n = 0; n < 820; n++) push(base(n));
    const groups: string[][] = [];
    for (let n = 1000; n < 1060; n++) {
      push(base(n));
      push(near(n));
      groups.push(list.slice(-2).map((e) => e.id));
    }
    for (let n = 2000; n < 2020; n++) {
      push(base(n), 'A');
      push(base(n).toUpperCase(), 'B');
      push(`${base(n)}!`, 'C');
      groups.push(list.slice(-3).map((e) => e.id));
    }
    return { list, groups };
  };

  it('puts planted near-duplicate clusters in one split and leaks nothing', () => {
    const { list, groups } = synthetic();
    expect(list).toHaveLength(1000);
    const splits = assignSplits(list, 'seed');
    expect(splits.size).toBe(1000);
    for (const ids of groups) expect(new Set(ids.map((id) => splits.get(id))).size).toBe(1);
    expect(findSplitLeaks(list.map((e) => ({ ...e, split: splits.get(e.id) as Split })))).toEqual([]);
  });

  it('keeps proportions close to 70/15/15 globally and per category', () => {
    const { list } = synthetic();
    const splits = assignSplits(list, 'seed');
    const c = count(splits);
    expect(Math.abs(c.train - 700)).toBeLessThanOrEqual(5);
    expect(Math.abs(c.validation - 150)).toBeLessThanOrEqual(5);
    expect(Math.abs(c.test - 150)).toBeLessThanOrEqual(5);
    for (const cat of CATS) {
      const ids = list.filter((e) => e.category === cat).map((e) => e.id);
      const k = count(splits, ids);
      expect(k.train / ids.length).toBeCloseTo(0.7, 1);
      expect(k.validation / ids.length).toBeCloseTo(0.15, 1);
      expect(k.test / ids.length).toBeCloseTo(0.15, 1);
    }
  });

  it('is deterministic and independent of input order with texts', () => {
    const { list } = synthetic();
    const a = assignSplits(list, 's1');
    const shuffled = [...list].sort((x, y) => (x.text.length % 7) - (y.text.length % 7) || (x.id < y.id ? 1 : -1));
    expect(assignSplits(shuffled, 's1')).toEqual(a);
    expect(assignSplits([...list].reverse(), 's1')).toEqual(a);
  });

  it('gives the plain stratified split when no texts are duplicates', () => {
    const list = entries(137, ['A', 'B', 'C', null]);
    const withTexts = list.map((e, i) => ({ ...e, text: base(i) }));
    expect(assignSplits(withTexts, 'k')).toEqual(assignSplits(list, 'k'));
    const empty = list.map((e) => ({ ...e, text: '  ?! ' }));
    expect(assignSplits(empty, 'k')).toEqual(assignSplits(list, 'k'));
  });

  it('clusters transitively (a~b, b~c, a≁c) and still fills every split', () => {
    const words = Array.from({ length: 20 }, (_, k) => `t${k}`);
    const a = words.join(' ');
    const b = [...words, 'u1', 'u2'].join(' ');
    const c = [...words, 'u1', 'u2', 'u3', 'u4'].join(' ');
    expect(
      findSplitLeaks([
        { id: 'a', split: 'train', text: a },
        { id: 'c', split: 'test', text: c },
      ]),
    ).toEqual([]);
    const list = [
      { id: 'a', category: 'X', text: a },
      { id: 'b', category: 'Y', text: b },
      { id: 'c', category: 'Z', text: c },
      { id: 'd', category: 'X', text: base(1) },
      { id: 'e', category: 'Y', text: base(2) },
    ];
    const splits = assignSplits(list, 'seed');
    expect(new Set(['a', 'b', 'c'].map((id) => splits.get(id))).size).toBe(1);
    expect(new Set(splits.values()).size).toBe(3);
    // One cluster only: nothing to spread.
    expect(new Set(assignSplits(list.slice(0, 3), 'seed').values()).size).toBe(1);
  });
});

describe('findSplitLeaks', () => {
  it('reports duplicate pairs that straddle splits, and only those', () => {
    const leaks = findSplitLeaks([
      { id: 'q2', split: 'test', text: near(1) },
      { id: 'q1', split: 'train', text: base(1) },
      { id: 'q3', split: 'train', text: base(1).toLowerCase() },
      { id: 'q4', split: 'validation', text: base(2) },
      { id: 'q5', split: 'validation', text: near(2) },
      { id: 'q6', split: 'test' },
    ]);
    expect(leaks).toEqual([
      { a: 'q1', b: 'q2', similarity: 28 / 29 },
      { a: 'q2', b: 'q3', similarity: 28 / 29 },
    ]);
  });

  it('finds leaks in a leak-blind assignment that assignSplits avoids', () => {
    const list = Array.from({ length: 200 }, (_, i) => ({ id: `p${i}`, category: 'A', text: i % 2 ? near(i >> 1) : base(i >> 1) }));
    const blind = assignSplits(
      list.map(({ id, category }) => ({ id, category })),
      'seed',
    );
    expect(findSplitLeaks(list.map((e) => ({ ...e, split: blind.get(e.id) as Split }))).length).toBeGreaterThan(0);
    const aware = assignSplits(list, 'seed');
    expect(findSplitLeaks(list.map((e) => ({ ...e, split: aware.get(e.id) as Split })))).toEqual([]);
    expect(count(aware)).toEqual({ train: 140, validation: 30, test: 30 });
  });
});

describe('splitForNewEntry with a leak check', () => {
  it('never moves existing entries and sends a duplicate of an existing entry to its split', () => {
    const list = Array.from({ length: 60 }, (_, i) => ({ id: `e${i}`, category: i % 2 ? 'A' : 'B', text: base(i) }));
    const existing = assignSplits(list, 'seed');
    const snapshot = new Map(existing);
    const assigned = new AssignedSplits(list.map((e) => ({ ...e, split: existing.get(e.id) as Split })));
    const added = [
      ...Array.from({ length: 60 }, (_, i) => ({ id: `n${i}`, text: near(i) })),
      ...Array.from({ length: 40 }, (_, i) => ({ id: `m${i}`, text: base(500 + i) })),
    ];
    for (const e of added) {
      const split = splitForNewEntry(e.id, 'seed', { text: e.text, assigned });
      expect(splitForNewEntry(e.id, 'seed', { text: e.text, assigned })).toBe(split);
      assigned.add({ ...e, split });
      existing.set(e.id, split);
    }
    for (const [id, split] of snapshot) expect(existing.get(id)).toBe(split);
    for (let i = 0; i < 60; i++) expect(existing.get(`n${i}`)).toBe(existing.get(`e${i}`));
    for (let i = 0; i < 40; i++) expect(existing.get(`m${i}`)).toBe(splitForNewEntry(`m${i}`, 'seed'));
    const all = [...list, ...added].map((e) => ({ ...e, split: existing.get(e.id) as Split }));
    expect(findSplitLeaks(all)).toEqual([]);
  });
});

describe('assignSplitsSteps', () => {
  it('yields at least once per entry while ordering and again while clustering, so a slice is never hundreds of entries', () => {
    const input = entries(300, ['a', 'b']).map((e) => ({ ...e, text: `what does ${e.id} say about its own topic` }));
    const steps = assignSplitsSteps(input, 'seed');
    let yields = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(2 * input.length);
  });
});
