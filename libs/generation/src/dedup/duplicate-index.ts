import { exactKey, jaccard, NEAR_DUPLICATE_THRESHOLD, shingles } from './near-duplicate';

export interface DuplicateMatch {
  readonly id: string;
  readonly similarity: number;
  readonly exact: boolean;
}

/**
 * Finds exact and near-duplicates among the texts added so far. Exact matches are a hash-map lookup (O(1));
 * near matches use an inverted index from shingle to ids, so a query costs O(Σ postings of its shingles)
 * (only texts sharing at least one shingle are touched) instead of a scan of every text. Memory is
 * O(total shingles). Ties go to the earliest added id.
 */
export class DuplicateIndex {
  private readonly exact = new Map<string, string>();
  /** Every id per exact key, in insertion order (`exact` keeps only the first, for findDuplicate). */
  private readonly exactAll = new Map<string, string[]>();
  private readonly sizes = new Map<string, number>();
  /** Insertion position of each id, for stable tie-breaks in findAll. */
  private readonly position = new Map<string, number>();
  private readonly postings = new Map<string, string[]>();

  constructor(private readonly threshold = NEAR_DUPLICATE_THRESHOLD) {}

  get size(): number {
    return this.sizes.size;
  }

  add(id: string, text: string): void {
    if (this.sizes.has(id)) return;
    const key = exactKey(text);
    if (!this.exact.has(key)) this.exact.set(key, id);
    const same = this.exactAll.get(key);
    if (same) same.push(id);
    else this.exactAll.set(key, [id]);
    const set = shingles(text);
    this.sizes.set(id, set.size);
    this.position.set(id, this.position.size);
    for (const s of set) {
      const ids = this.postings.get(s);
      if (ids) ids.push(id);
      else this.postings.set(s, [id]);
    }
  }

  findDuplicate(text: string): DuplicateMatch | null {
    const exactId = this.exact.get(exactKey(text));
    if (exactId !== undefined) return { id: exactId, similarity: 1, exact: true };
    const query = shingles(text);
    const shared = new Map<string, number>();
    for (const s of query) for (const id of this.postings.get(s) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    let best: DuplicateMatch | null = null;
    for (const [id, common] of shared) {
      const similarity = common / (query.size + (this.sizes.get(id) ?? 0) - common);
      if (similarity >= this.threshold && (best === null || similarity > best.similarity)) best = { id, similarity, exact: false };
    }
    return best;
  }

  /**
   * Every added text that is an exact or near duplicate of `text` (similarity ≥ `threshold`, by default the
   * index's own), not only the best one: exact matches first (similarity 1, insertion order), then near
   * matches by descending similarity, ties in insertion order. Same cost as findDuplicate. A text without
   * words matches only other wordless texts, exactly.
   */
  findAll(text: string, threshold = this.threshold): DuplicateMatch[] {
    const exactIds = this.exactAll.get(exactKey(text)) ?? [];
    const out: DuplicateMatch[] = exactIds.map((id) => ({ id, similarity: 1, exact: true }));
    const isExact = new Set(exactIds);
    const query = shingles(text);
    const shared = new Map<string, number>();
    for (const s of query) for (const id of this.postings.get(s) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    const near: DuplicateMatch[] = [];
    for (const [id, common] of shared) {
      if (isExact.has(id)) continue;
      const similarity = common / (query.size + (this.sizes.get(id) ?? 0) - common);
      if (similarity >= threshold) near.push({ id, similarity, exact: false });
    }
    near.sort((a, b) => b.similarity - a.similarity || (this.position.get(a.id) ?? 0) - (this.position.get(b.id) ?? 0));
    return out.concat(near);
  }
}

/** Re-exported for callers that compare two texts directly. */
export { jaccard };
