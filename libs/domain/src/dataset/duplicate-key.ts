/** Two entries with the same normalised question and answer are exact duplicates. */
const normalise = (text: string | null | undefined): string =>
  (text ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export const duplicateKey = (content: { readonly question: string | null; readonly answer: string | null }): string =>
  `${normalise(content.question)}\u0000${normalise(content.answer)}`;
