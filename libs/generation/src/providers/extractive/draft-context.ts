import type { Candidate } from './candidate-sentences';
import { estimateTokens, type ExtractiveSettings } from './prompt-fields';
import { decapitalize, type PhrasingContext } from './question-phrasing';

/** Everything a mode needs to propose items for one chunk. */
export interface DraftContext extends PhrasingContext {
  /** Candidate sentences in reading order. */
  readonly candidates: readonly Candidate[];
  /**
   * The order to try sentences in: from a variant-dependent offset (so regenerations pick other sentences
   * first), then by complexity_level and seeded temperature (candidate-order.ts).
   */
  readonly rotated: readonly Candidate[];
  /** The prompt fields the provider honours. */
  readonly settings: ExtractiveSettings;
  /** Used in summary instructions: `the section 'Heading'` or `the document 'name'`. */
  readonly target: string;
  readonly variant: number;
}

/** One proposed item; the provider filters duplicates and `avoid`, then adds category and difficulty. */
export interface Draft {
  readonly question: string;
  readonly answer: string | null;
  /** The chunk sentences the item rests on (the answer, or the question's source sentence). */
  readonly sentences: readonly Candidate[];
  readonly instruction?: string;
  readonly input?: string;
  readonly keyPoints?: readonly string[];
  /** Set on negative drafts: a question the chunk does not answer (the aspect asked about, the question's words absent from the chunk). */
  readonly negative?: { readonly aspect: string; readonly absentTerms: readonly string[] };
}

/** `size` consecutive sentences from `from` in reading order (fewer at the end of the chunk). */
export const windowFrom = (ctx: DraftContext, from: Candidate, size: number): readonly Candidate[] =>
  ctx.candidates.slice(from.position, from.position + size);

export const joinSentences = (sentences: readonly Candidate[]): string => sentences.map((s) => s.text).join(' ');

/** How many consecutive sentences each pass answers with, by answer_style (unset: one, then two, then three). */
export const windowSizes = (ctx: DraftContext): readonly number[] => {
  switch (ctx.settings.answerStyle) {
    case 'concise':
      return [1];
    case 'comprehensive':
      return [2, 3, 1];
    case 'step_by_step':
      return [3, 2];
    default:
      return [1, 2, 3];
  }
};

/**
 * The sentences an answer from `from` may use: `size` consecutive ones, cut to the longest prefix that fits
 * max_tokens (estimated, four characters a token); null when the window is shorter than asked on a later
 * pass, or when not even the first sentence fits.
 */
export const answerWindow = (ctx: DraftContext, from: Candidate, size: number, minimum = 1): readonly Candidate[] | null => {
  const window = windowFrom(ctx, from, size);
  if (window.length < Math.min(size, Math.max(1, minimum))) return null;
  const cap = ctx.settings.maxAnswerTokens;
  if (cap === null) return window;
  let fit = 0;
  while (fit < window.length && estimateTokens(answerText(ctx, window.slice(0, fit + 1))) <= cap) fit++;
  return fit === 0 ? null : window.slice(0, fit);
};

const STEP_WORDS = ['First', 'Then', 'Next', 'After that', 'Finally'];

/**
 * The answer made of `sentences`: joined as they stand, or for answer_style step_by_step as ordered steps
 * in prose ("First, … Then, … Finally, …"), each sentence otherwise unchanged.
 */
export const answerText = (ctx: DraftContext, sentences: readonly Candidate[]): string => {
  if (ctx.settings.answerStyle !== 'step_by_step' || sentences.length < 2) return joinSentences(sentences);
  return sentences
    .map((s, i) => {
      const word = i === sentences.length - 1 ? 'Finally' : STEP_WORDS[Math.min(i, STEP_WORDS.length - 2)];
      const [first, ...rest] = s.text.split(' ');
      return `${word}, ${[decapitalize(first, ctx.chunkText), ...rest].join(' ')}`;
    })
    .join(' ');
};
