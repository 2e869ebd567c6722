import { SPLITS, type Split } from '@compileo/domain';
import { runInSlices, runToEnd, type Sliced } from '../slicing/sliced';
import { DuplicateIndex } from '../dedup/duplicate-index';
import { normalizeText } from '../dedup/near-duplicate';
import { seededUnit } from '../text/seeded-hash';

/** Train / validation / test shares. */
export const SPLIT_RATIOS: Readonly<Record<Split, number>> = { train: 0.7, validation: 0.15, test: 0.15 };

export interface SplitEntry {
  readonly id: string;
  readonly category: string | null;
  /**
   * The text compared for leakage, normally `dedupText(item)`. Entries that are exact or near duplicates of
   * each other (word-shingle Jaccard ≥ NEAR_DUPLICATE_THRESHOLD) always share a split. Entries without it
   * (or whose text has no words) are never clustered and are split exactly as before texts were considered.
   */
  readonly text?: string;
}

/** An entry that already has its split. */
export interface AssignedEntry {
  readonly id: string;
  readonly split: Split;
  readonly text?: string;
}

/** Two entries in different splits whose texts are exact or near duplicates: `a` < `b`. */
export interface SplitLeak {
  readonly a: string;
  readonly b: string;
  readonly similarity: number;
}

const hasWords = (text: string | undefined): text is string => text !== undefined && normalizeText(text) !== '';

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Entries in seeded order (ties by id); each entry's hash is computed once, one step an entry. */
function* seededOrder<T extends { id: string }>(entries: readonly T[], seed: string): Sliced<T[]> {
  const keyed: { entry: T; unit: number }[] = [];
  for (const entry of entries) {
    yield;
    keyed.push({ entry, unit: seededUnit(seed, entry.id) });
  }
  return keyed.sort((a, b) => a.unit - b.unit || compareIds(a.entry.id, b.entry.id)).map((k) => k.entry);
}

/**
 * An index of entries that already have a split, so that an entry added later that duplicates one of them
 * can join its split instead of leaking into another. Build it once, `add` as entries are assigned.
 */
export class AssignedSplits {
  private readonly index = new DuplicateIndex();
  private readonly splits = new Map<string, Split>();

  constructor(entries: readonly AssignedEntry[] = []) {
    for (const e of [...entries].sort((a, b) => compareIds(a.id, b.id))) this.add(e);
  }

  add(entry: AssignedEntry): void {
    if (this.splits.has(entry.id)) return;
    this.splits.set(entry.id, entry.split);
    if (hasWords(entry.text)) this.index.add(entry.id, entry.text);
  }

  /** The most similar assigned exact/near duplicate of `text` (ties: smallest id), or null. */
  duplicateOf(text: string): { id: string; split: Split; similarity: number } | null {
    if (!hasWords(text)) return null;
    let best: { id: string; split: Split; similarity: number } | null = null;
    for (const m of this.index.findAll(text)) {
      const split = this.splits.get(m.id);
      if (split === undefined) continue;
      if (best === null || m.similarity > best.similarity || (m.similarity === best.similarity && m.id < best.id)) {
        best = { id: m.id, split, similarity: m.similarity };
      }
    }
    return best;
  }
}

/**
 * For an entry added after the split was made: a seeded hash bucket, so it never depends on other entries
 * and never moves an existing one. With `leakCheck`, an entry whose text duplicates an already-assigned
 * entry takes that entry's split instead (the most similar one), so the addition cannot cause a leak.
 */
export const splitForNewEntry = (
  id: string,
  seed: string,
  leakCheck?: { readonly text?: string; readonly assigned: AssignedSplits },
): Split => {
  if (leakCheck?.text !== undefined) {
    const dup = leakCheck.assigned.duplicateOf(leakCheck.text);
    if (dup) return dup.split;
  }
  const u = seededUnit(seed, id);
  return u < SPLIT_RATIOS.train ? 'train' : u < SPLIT_RATIOS.train + SPLIT_RATIOS.validation ? 'validation' : 'test';
};

/** A near-duplicate cluster, members in seeded order; `members[0]` is the representative. */
interface Unit {
  readonly members: readonly SplitEntry[];
  readonly category: string;
}

/**
 * Groups entries (already in seeded order) into near-duplicate clusters: union-find over every exact/near
 * match the duplicate index reports, so clustering is transitive and independent of input order.
 */
function* clusterUnits(sorted: readonly SplitEntry[]): Sliced<Unit[]> {
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const index = new DuplicateIndex();
  const position = new Map<string, number>();
  for (const [i, e] of sorted.entries()) {
    yield;
    if (!hasWords(e.text)) continue;
    for (const m of index.findAll(e.text)) {
      const j = position.get(m.id);
      if (j === undefined) continue;
      const [ri, rj] = [find(i), find(j)];
      // The root is the earliest in seeded order, i.e. the representative.
      if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
    }
    if (!position.has(e.id)) {
      index.add(e.id, e.text);
      position.set(e.id, i);
    }
  }
  const byRoot = new Map<number, SplitEntry[]>();
  sorted.forEach((e, i) => {
    const root = find(i);
    const members = byRoot.get(root);
    if (members) members.push(e);
    else byRoot.set(root, [e]);
  });
  return [...byRoot.keys()]
    .sort((a, b) => a - b)
    .map((root) => {
      const members = byRoot.get(root) ?? [];
      return { members, category: members[0].category ?? '' };
    });
}

/**
 * Seeded, category-stratified 70/15/15 split, independent of input order and leak-free.
 *
 * Entries are first grouped into near-duplicate clusters (exact, or word-shingle Jaccard ≥ 0.9 of `text`);
 * a cluster is assigned as a unit, so no duplicate pair straddles two splits. Its representative is its
 * first member in seeded-hash order; the cluster counts towards the representative's category and sits at
 * the representative's place in that order. Within a category each split gets the floor of its quota
 * (in entries) and the category's leftover entries go to whichever split is furthest behind its global
 * quota so far; walking the units in seeded order, a unit goes to the split whose quota range contains the
 * unit's midpoint, so a cluster larger than one entry shifts a boundary by at most half its size. With ≥ 3
 * units no split is left empty: the smallest unit (latest in hash order) of the largest split that has
 * more than one unit moves over. Without texts (every unit a single entry) this is exactly the plain
 * stratified split.
 */
export const assignSplits = (entries: readonly SplitEntry[], seed: string): Map<string, Split> =>
  runToEnd(assignSplitsSteps(entries, seed));

/** `assignSplits` in slices, so a large dataset's completion does not hold the event loop. */
export const assignSplitsSliced = (entries: readonly SplitEntry[], seed: string): Promise<Map<string, Split>> =>
  runInSlices(assignSplitsSteps(entries, seed));

export function* assignSplitsSteps(entries: readonly SplitEntry[], seed: string): Sliced<Map<string, Split>> {
  const units = yield* clusterUnits(yield* seededOrder(entries, seed));
  const groups = new Map<string, number[]>();
  units.forEach((u, i) => {
    const group = groups.get(u.category);
    if (group) group.push(i);
    else groups.set(u.category, [i]);
  });
  const unitSplit: Split[] = units.map(() => 'train');
  const totals: Record<Split, number> = { train: 0, validation: 0, test: 0 };
  let seen = 0;
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key) ?? [];
    const size = group.reduce((n, i) => n + units[i].members.length, 0);
    seen += size;
    const counts = SPLITS.map((s) => Math.floor(size * SPLIT_RATIOS[s]));
    for (let left = size - counts.reduce((a, b) => a + b, 0); left > 0; left--) {
      const deficit = SPLITS.map((s, i) => seen * SPLIT_RATIOS[s] - totals[s] - counts[i]);
      counts[deficit.indexOf(Math.max(...deficit))]++;
    }
    const ends = [counts[0], counts[0] + counts[1]];
    let position = 0;
    for (const i of group) {
      const weight = units[i].members.length;
      const middle = position + weight / 2;
      const split = middle < ends[0] ? 'train' : middle < ends[1] ? 'validation' : 'test';
      unitSplit[i] = split;
      totals[split] += weight;
      position += weight;
    }
  }
  if (units.length >= 3) fillEmptySplits(units, unitSplit, seed);
  const result = new Map<string, Split>();
  units.forEach((u, i) => {
    for (const e of u.members) result.set(e.id, unitSplit[i]);
  });
  return result;
}

const fillEmptySplits = (units: readonly Unit[], unitSplit: Split[], seed: string): void => {
  const indices = units.map((_, i) => i);
  for (const empty of SPLITS) {
    const members = (s: Split): number[] => indices.filter((i) => unitSplit[i] === s);
    if (members(empty).length > 0) continue;
    const weight = (s: Split): number => members(s).reduce((n, i) => n + units[i].members.length, 0);
    const largest = SPLITS.filter((s) => members(s).length > 1).sort((a, b) => weight(b) - weight(a))[0];
    if (largest === undefined) continue;
    const rep = (i: number): string => units[i].members[0].id;
    const donor = members(largest).sort(
      (a, b) =>
        units[a].members.length - units[b].members.length ||
        seededUnit(seed, rep(b)) - seededUnit(seed, rep(a)) ||
        (rep(a) < rep(b) ? -1 : 1),
    )[0];
    unitSplit[donor] = empty;
  }
};

/**
 * Every pair of entries in different splits whose texts are exact or near duplicates (word-shingle Jaccard
 * ≥ NEAR_DUPLICATE_THRESHOLD), found through the duplicate index; sorted by `a`, then `b`. Empty after
 * `assignSplits`. Entries without text (or without words) are not compared.
 */
export const findSplitLeaks = (entries: readonly AssignedEntry[]): SplitLeak[] => {
  const index = new DuplicateIndex();
  const splits = new Map<string, Split>();
  const leaks: SplitLeak[] = [];
  for (const e of [...entries].sort((a, b) => compareIds(a.id, b.id))) {
    if (splits.has(e.id) || !hasWords(e.text)) continue;
    for (const m of index.findAll(e.text)) {
      if (splits.get(m.id) !== e.split)
        leaks.push({ a: m.id < e.id ? m.id : e.id, b: m.id < e.id ? e.id : m.id, similarity: m.similarity });
    }
    splits.set(e.id, e.split);
    index.add(e.id, e.text);
  }
  return leaks.sort((x, y) => compareIds(x.a, y.a) || compareIds(x.b, y.b));
};
