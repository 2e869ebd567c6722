/** ICU sentence segments of a text, produced window by window so cost stays linear in the text's length. */
export interface Segment {
  readonly segment: string;
  readonly index: number;
}

const SEGMENTER = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Characters segmented at a time. V8's segmenter costs time proportional to the input for every segment it
 * yields, and spreading all of a long text's segments holds memory proportional to length × count; a few KB
 * per window keeps both linear in the text.
 */
export const SEGMENT_WINDOW = 8192;

/**
 * Yields the segments of `text` with offsets into `text`. Each window ends at a text boundary or before the
 * window's last segment, which may be cut short; the next window starts at that segment, so every yielded
 * segment is the one ICU finds in the whole text. A single sentence longer than the window is cut at the
 * window's last whitespace (or its end, if it has none).
 */
export function* sentenceSegments(text: string, window = SEGMENT_WINDOW): Generator<Segment> {
  let pos = 0;
  while (pos < text.length) {
    const end = Math.min(text.length, pos + window);
    const slice = text.slice(pos, end);
    let pending: Segment | undefined;
    for (const seg of SEGMENTER.segment(slice)) {
      if (pending) yield { segment: pending.segment, index: pos + pending.index };
      pending = { segment: seg.segment, index: seg.index };
    }
    if (!pending) return;
    if (end === text.length) {
      yield { segment: pending.segment, index: pos + pending.index };
      return;
    }
    if (pending.index > 0) {
      pos += pending.index; // re-segment the possibly cut last segment with what follows it
      continue;
    }
    const cut = forcedCut(slice);
    yield { segment: slice.slice(0, cut), index: pos };
    pos += cut;
  }
}

/** Just after the last whitespace run of `slice` that ends before its end, else its end (never inside a surrogate pair). */
const forcedCut = (slice: string): number => {
  for (let i = slice.length - 1; i > 0; i--) if (/\s/.test(slice[i - 1]) && !/\s/.test(slice[i])) return i;
  const last = slice.charCodeAt(slice.length - 1);
  return last >= 0xd800 && last <= 0xdbff && slice.length > 1 ? slice.length - 1 : slice.length;
};
