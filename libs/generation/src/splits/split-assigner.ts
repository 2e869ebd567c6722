import { SPLITS, type Split } from '@compileo/domain';
import { seededUnit } from '../text/seeded-hash';

/** Train / validation / test shares. */
export const SPLIT_RATIOS: Readonly<Record<Split, number>> = { train: 0.7, validation: 0.15, test: 0.15 };

export interface SplitEntry {
  readonly id: string;
  readonly category: string | null;
}

/** For an entry added after the split was made: a seeded hash bucket, so it never depends on other entries. */
export const splitForNewEntry = (id: string, seed: string): Split => {
  const u = seededUnit(seed, id);
  return u < SPLIT_RATIOS.train ? 'train' : u < SPLIT_RATIOS.train + SPLIT_RATIOS.validation ? 'validation' : 'test';
};

const byHash = (seed: string) => (a: SplitEntry, b: SplitEntry): number =>
  seededUnit(seed, a.id) - seededUnit(seed, b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Seeded, category-stratified 70/15/15 split, independent of input order. Within a category entries are
 * ordered by a seeded hash of their id; each split gets the floor of its quota and the category's leftover
 * entries go to whichever split is furthest behind its global quota so far. With ≥ 3 entries no split is
 * left empty: one entry moves over from the largest split (its last in hash order).
 */
export const assignSplits = (entries: readonly SplitEntry[], seed: string): Map<string, Split> => {
  const groups = new Map<string, SplitEntry[]>();
  for (const e of entries) {
    const group = groups.get(e.category ?? '');
    if (group) group.push(e);
    else groups.set(e.category ?? '', [e]);
  }
  const result = new Map<string, Split>();
  const totals: Record<Split, number> = { train: 0, validation: 0, test: 0 };
  let seen = 0;
  for (const key of [...groups.keys()].sort()) {
    const group = [...(groups.get(key) ?? [])].sort(byHash(seed));
    seen += group.length;
    const counts = SPLITS.map((s) => Math.floor(group.length * SPLIT_RATIOS[s]));
    for (let left = group.length - counts.reduce((a, b) => a + b, 0); left > 0; left--) {
      const deficit = SPLITS.map((s, i) => seen * SPLIT_RATIOS[s] - totals[s] - counts[i]);
      counts[deficit.indexOf(Math.max(...deficit))]++;
    }
    let next = 0;
    SPLITS.forEach((split, i) => {
      for (const e of group.slice(next, next + counts[i])) result.set(e.id, split);
      next += counts[i];
      totals[split] += counts[i];
    });
  }
  if (entries.length >= 3) fillEmptySplits(result, seed);
  return result;
};

const fillEmptySplits = (result: Map<string, Split>, seed: string): void => {
  for (const empty of SPLITS) {
    const members = (s: Split): string[] => [...result].filter(([, v]) => v === s).map(([id]) => id);
    if (members(empty).length > 0) continue;
    const largest = [...SPLITS].sort((a, b) => members(b).length - members(a).length)[0];
    const donor = members(largest).sort((a, b) => seededUnit(seed, b) - seededUnit(seed, a) || (a < b ? -1 : 1))[0];
    result.set(donor, empty);
  }
};
