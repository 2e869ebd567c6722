import { exactKey, shingles } from '../../libs/generation/src/dedup/near-duplicate';

/**
 * The near-duplicate index before MinHash LSH (commit 7068183), kept as the bench's baseline: an inverted
 * index from shingle to ids, so a lookup costs O(Σ postings of its shingles), which grows with the dataset
 * because common shingles ("what is the") have posting lists proportional to it. Only the add/findDuplicate
 * path the pipeline uses.
 */
export class InvertedIndex {
  private readonly exact = new Map<string, string>();
  private readonly sizes = new Map<string, number>();
  private readonly postings = new Map<string, string[]>();

  constructor(private readonly threshold = 0.9) {}

  add(id: string, text: string): void {
    if (this.sizes.has(id)) return;
    const key = exactKey(text);
    if (!this.exact.has(key)) this.exact.set(key, id);
    const set = shingles(text);
    this.sizes.set(id, set.size);
    for (const s of set) {
      const ids = this.postings.get(s);
      if (ids) ids.push(id);
      else this.postings.set(s, [id]);
    }
  }

  findDuplicate(text: string): { id: string; similarity: number; exact: boolean } | null {
    const exactId = this.exact.get(exactKey(text));
    if (exactId !== undefined) return { id: exactId, similarity: 1, exact: true };
    const query = shingles(text);
    const shared = new Map<string, number>();
    for (const s of query) for (const id of this.postings.get(s) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    let best: { id: string; similarity: number; exact: boolean } | null = null;
    for (const [id, common] of shared) {
      const similarity = common / (query.size + (this.sizes.get(id) ?? 0) - common);
      if (similarity >= this.threshold && (best === null || similarity > best.similarity)) best = { id, similarity, exact: false };
    }
    return best;
  }
}
