import type { Candidate } from './candidate-sentences';
import type { PhrasingContext } from './question-phrasing';

/** Everything a mode needs to propose items for one chunk. */
export interface DraftContext extends PhrasingContext {
  /** Candidate sentences in reading order. */
  readonly candidates: readonly Candidate[];
  /** The same sentences starting at a variant-dependent offset, so regenerations pick other sentences first. */
  readonly rotated: readonly Candidate[];
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
