/**
 * Near-duplicate detection by word shingles and Jaccard similarity. Text is normalised first (NFKC, case,
 * punctuation, whitespace) so trivial edits do not hide a copy.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.9;
export const SHINGLE_SIZE = 3;

export const normalizeText = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The text an item is compared by: question and answer (instruction items: instruction and output). The
 * input excerpt is context, not content: neighbouring items legitimately share most of it.
 */
export const dedupText = (item: {
  readonly question: string | null;
  readonly answer: string | null;
  readonly instruction?: string;
  /** Accepted so any item can be passed; deliberately not compared. */
  readonly input?: string;
  readonly output?: string;
}): string => [item.instruction ?? item.question ?? '', item.output ?? item.answer ?? ''].filter((s) => s !== '').join(' \n ');

/** Key for exact duplicates: equal after normalisation. */
export const exactKey = (text: string): string => normalizeText(text);

/** Word k-shingles of the normalised text; a text shorter than k words is a single shingle. */
export const shingles = (text: string, k = SHINGLE_SIZE): Set<string> => normalizedShingles(normalizeText(text), k);

/** `shingles` of a text already normalised (by `normalizeText`), e.g. an `exactKey` kept by an index. */
export const normalizedShingles = (normalized: string, k = SHINGLE_SIZE): Set<string> => {
  const words = normalized.split(' ').filter((w) => w !== '');
  if (words.length === 0) return new Set();
  if (words.length <= k) return new Set([words.join(' ')]);
  const out = new Set<string>();
  for (let i = 0; i + k <= words.length; i++) out.add(words.slice(i, i + k).join(' '));
  return out;
};

/** |A∩B| / |A∪B|; two empty sets are identical (1). */
export const jaccard = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
};

export const isNearDuplicate = (a: string, b: string, threshold = NEAR_DUPLICATE_THRESHOLD): boolean =>
  exactKey(a) === exactKey(b) || jaccard(shingles(a), shingles(b)) >= threshold;
