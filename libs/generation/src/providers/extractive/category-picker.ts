import { contentTokens, tokenize } from '../../text/keywords';

export const FALLBACK_CATEGORY = 'Other';
export const DEFAULT_CATEGORY = 'General';

/** Exact token match counts 1; a shared 5-letter stem ("cardiology" / "cardiac") counts half. */
const matchWeight = (term: string, vocabulary: ReadonlyMap<string, number>): number => {
  const exact = vocabulary.get(term) ?? 0;
  if (exact > 0 || term.length < 5) return exact;
  let partial = 0;
  for (const [word, n] of vocabulary) if (word.length >= 5 && word.slice(0, 5) === term.slice(0, 5)) partial += n / 2;
  return partial;
};

const vocabularyOf = (text: string): Map<string, number> => {
  const vocabulary = new Map<string, number>();
  for (const t of contentTokens(text)) vocabulary.set(t, (vocabulary.get(t) ?? 0) + 1);
  return vocabulary;
};

/**
 * With a taxonomy, the category whose words best overlap the item (weighted double) and its chunk; ties go
 * to the earlier category, no overlap to "Other". Without one, the chunk heading, else "General".
 */
export const pickCategory = (categories: readonly string[] | null, chunkText: string, itemText: string, heading: string | null): string => {
  if (categories === null) return heading?.trim() || DEFAULT_CATEGORY;
  const chunkVocabulary = vocabularyOf(chunkText);
  const itemVocabulary = vocabularyOf(itemText);
  let best = { category: FALLBACK_CATEGORY, score: 0 };
  for (const category of categories) {
    const terms = [...new Set(tokenize(category).filter((t) => t.length > 1))];
    if (terms.length === 0) continue;
    const raw = terms.reduce((s, t) => s + 2 * matchWeight(t, itemVocabulary) + matchWeight(t, chunkVocabulary), 0);
    // Normalised by term count so long category names do not win by size alone.
    const score = raw / Math.sqrt(terms.length);
    if (score > best.score) best = { category, score };
  }
  return best.category;
};
