import type { Sliced } from '../slicing/sliced';
import { sentenceSpans } from '../text/sentences';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Index of the first of the sorted `points` greater than `value` (binary search: each cut costs log n, not n). */
const firstAbove = (points: readonly number[], value: number): number => {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** The last of the sorted `points` in (lo, hi]. */
const lastBefore = (points: readonly number[], lo: number, hi: number): number | undefined => {
  const p = points[firstAbove(points, hi) - 1];
  return p !== undefined && p > lo ? p : undefined;
};

/** The first of the sorted `points` in [lo, hi). */
const firstFrom = (points: readonly number[], lo: number, hi: number): number | undefined => {
  const p = points[firstAbove(points, lo - 1)];
  return p !== undefined && p < hi ? p : undefined;
};

/**
 * Cuts text[start, end) into spans (one sentence or span a step) of at most `size` characters. A cut prefers, in order, a paragraph break,
 * a sentence end, then whitespace in the second half of the window (so spans stay well filled), and only
 * then a hard cut. The next span starts up to `overlap` characters before the cut, snapped forward to a
 * sentence start (or else a word start) so overlaps never begin mid-word.
 */
export function* splitLongText(text: string, start: number, end: number, size: number, overlap: number): Sliced<Span[]> {
  const body = text.slice(start, end);
  const sentences = (yield* sentenceSpans(body)).map((s) => ({ start: s.start + start, end: s.end + start }));
  const sentenceEnds = sentences.map((s) => s.end);
  const sentenceStarts = sentences.map((s) => s.start);
  const paragraphEnds = [...body.matchAll(/\n[ \t]*\n/g)].map((m) => start + (m.index ?? 0));
  const spans: Span[] = [];
  let pos = start;
  while (pos < end) {
    yield;
    const limit = pos + size;
    if (limit >= end) {
      spans.push({ start: pos, end });
      break;
    }
    const half = pos + Math.floor(size / 2);
    const cut =
      lastBefore(paragraphEnds, half, limit) ?? lastBefore(sentenceEnds, half, limit) ?? lastWhitespace(text, pos, limit) ?? limit;
    spans.push({ start: pos, end: cut });
    pos = nextStart(text, cut, overlap, sentenceStarts, pos);
  }
  return spans;
}

const lastWhitespace = (text: string, lo: number, hi: number): number | undefined => {
  for (let i = hi; i > lo + 1; i--) if (/\s/.test(text[i - 1]) && !/\s/.test(text[i - 2])) return i - 1;
  return undefined;
};

const nextStart = (text: string, cut: number, overlap: number, starts: readonly number[], prev: number): number => {
  if (overlap === 0) return cut;
  const from = Math.max(cut - overlap, prev + 1);
  const sentence = firstFrom(starts, from, cut);
  if (sentence !== undefined) return sentence;
  for (let i = from; i < cut; i++) if (!/\s/.test(text[i]) && (i === 0 || /\s/.test(text[i - 1]))) return i;
  return cut;
};
