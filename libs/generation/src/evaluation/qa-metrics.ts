/**
 * SQuAD-style answer metrics (the official SQuAD v1.1/v2.0 evaluation script, ported): both texts are
 * normalised, then compared whole (exact match) or as bags of tokens (F1).
 */

/** Punctuation and symbols: ASCII `string.punctuation` as in SQuAD, plus their Unicode kin (curly quotes, dashes). */
const PUNCTUATION = /[\p{P}\p{S}]/gu;
const ARTICLES = /\b(?:a|an|the)\b/g;

/** Lower-case, strip punctuation, drop the articles a/an/the, collapse whitespace (SQuAD's `normalize_answer`). */
export const normalizeAnswer = (text: string): string =>
  text
    .toLowerCase()
    .replace(PUNCTUATION, '')
    .replace(ARTICLES, ' ')
    .split(/\s+/)
    .filter((t) => t !== '')
    .join(' ');

const answerTokens = (text: string): string[] => {
  const normalized = normalizeAnswer(text);
  return normalized === '' ? [] : normalized.split(' ');
};

/** 1 when the normalised texts are identical, else 0. */
export const exactMatch = (prediction: string, reference: string): 0 | 1 =>
  normalizeAnswer(prediction) === normalizeAnswer(reference) ? 1 : 0;

/**
 * Token-overlap F1 of the normalised texts: precision = shared tokens / prediction tokens, recall = shared
 * tokens / reference tokens (shared counted with multiplicity). Both empty → 1; exactly one empty → 0.
 */
export const tokenF1 = (prediction: string, reference: string): number => {
  const predicted = answerTokens(prediction);
  const expected = answerTokens(reference);
  if (predicted.length === 0 || expected.length === 0) return predicted.length === expected.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const t of expected) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of predicted) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(t, left - 1);
    }
  }
  if (shared === 0) return 0;
  const precision = shared / predicted.length;
  const recall = shared / expected.length;
  return (2 * precision * recall) / (precision + recall);
};
