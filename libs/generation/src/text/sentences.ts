/** Sentence splitting on top of Intl.Segmenter (ICU), repaired for the two ways ICU over-splits real documents. */
import { runToEnd, type Sliced } from '../slicing/sliced';
import { sentenceSegments, type Segment } from './sentence-segments';

export interface SentenceSpan {
  /** The sentence, trimmed; always equal to `source.slice(start, end)`. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const TERMINAL = /[.!?\u2026:;]["'\u201d\u2019)\]]*$/;
const ABBREVIATION = /(?:^|\s)(?:dr|mr|mrs|ms|prof|sr|jr|st|vs|fig|no|vol|approx|cf|inc|ltd|dept)\.$/i;
const BLOCK_START = /^\s*(?:[-*+>|#]|\d+[.)])\s/;

/** Enough of a sentence's end for the terminal-punctuation and abbreviation tests (the longest is 7 characters). */
const TAIL = 64;

/**
 * ICU breaks after every line feed and after abbreviations such as "Dr.". A soft-wrapped line (single line
 * feed, no terminal punctuation, next line not a list item or heading) continues the sentence, and so does
 * an abbreviation; blank lines and heading lines always end one. Only the sentence's first character and its
 * last few are read, so a long run of joined lines costs no more per line than a short one.
 */
const continuesInto = (text: string, start: number, end: number, next: string | undefined): boolean => {
  if (next === undefined || next.trim() === '') return false;
  const endsLine = text[end - 1] === '\n';
  let first = start;
  while (first < end && /\s/.test(text[first])) first++;
  // A heading runs to the end of its line, whatever ICU makes of "## 3. Title".
  if (text[first] === '#') return !endsLine;
  let last = end;
  while (last > start && /\s/.test(text[last - 1])) last--;
  const tail = text.slice(Math.max(start, last - TAIL), last);
  if (endsLine) return !TERMINAL.test(tail) && !BLOCK_START.test(next);
  return ABBREVIATION.test(tail) || last - start <= 3;
};

/** Splits `text` into trimmed sentence spans with offsets into `text`; whitespace-only segments are dropped. */
export const splitSentences = (text: string): SentenceSpan[] => runToEnd(sentenceSpans(text));

/** `splitSentences` one ICU segment a step, for a text long enough to be split in slices (a whole upload). */
export function* sentenceSpans(text: string): Sliced<SentenceSpan[]> {
  const spans: SentenceSpan[] = [];
  let start = -1;
  const iterator = sentenceSegments(text);
  const pull = (): Segment | undefined => {
    const step = iterator.next();
    return step.done ? undefined : step.value;
  };
  let seg = pull();
  while (seg) {
    yield;
    const next = pull();
    if (seg.segment.trim() !== '') {
      if (start < 0) start = seg.index;
      const end = seg.index + seg.segment.length;
      if (!continuesInto(text, start, end, next?.segment)) {
        spans.push(trimSpan(text, start, end));
        start = -1;
      }
    }
    seg = next;
  }
  return spans.filter((s) => s.text.length > 0);
}

/** Narrows [start, end) of `text` to its non-whitespace core. */
export const trimSpan = (text: string, start: number, end: number): SentenceSpan => {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { text: text.slice(s, e), start: s, end: e };
};
