import { splitSentences } from '../../text/sentences';
import { contentTokens, termFrequency } from '../../text/keywords';
import { completenessScore, proseScore } from '../../quality/answer-shape';

/** A chunk sentence usable as grounded answer material. `text` is always a substring of the chunk. */
export interface Candidate {
  /** Order among the chunk's candidates (original reading order). */
  readonly position: number;
  readonly text: string;
  readonly start: number;
  /** Importance: how much of the chunk's vocabulary the sentence carries. */
  readonly score: number;
}

const MARKER = /^(?:[-*+>]\s+|\d+[.)]\s+)+/;
const NOT_PROSE = /^(?:#|\||```|~~~|<)/;

/**
 * The chunk's prose sentences: headings, table rows, code fences and fragments under four words are not
 * answer material, nor is a sentence that is not finished prose by the quality scorer's own tests: one that
 * leads into a list or a code block ("…configure a transport like:"), ends dangling, or is mostly code. List
 * and quote markers are skipped (the remainder is still a substring of the chunk).
 */
export const candidateSentences = (chunkText: string): Candidate[] => {
  const tf = termFrequency(chunkText);
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const span of splitSentences(chunkText)) {
    if (NOT_PROSE.test(span.text)) continue;
    const marker = MARKER.exec(span.text)?.[0].length ?? 0;
    const text = span.text.slice(marker);
    const tokens = contentTokens(text);
    if (text.split(/\s+/).length < 4 || text.length < 20 || tokens.length === 0 || seen.has(text)) continue;
    if (completenessScore(text) < 0.85 || proseScore(text) < 0.9) continue;
    seen.add(text);
    const weight = tokens.reduce((sum, t) => sum + (tf.get(t) ?? 0), 0);
    out.push({ position: out.length, text, start: span.start + marker, score: weight / Math.sqrt(tokens.length + 1) });
  }
  return out;
};
