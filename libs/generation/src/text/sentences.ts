/** Sentence splitting on top of Intl.Segmenter (ICU), repaired for the two ways ICU over-splits real documents. */
export interface SentenceSpan {
  /** The sentence, trimmed; always equal to `source.slice(start, end)`. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const SEGMENTER = new Intl.Segmenter('en', { granularity: 'sentence' });
const TERMINAL = /[.!?\u2026:;]["'\u201d\u2019)\]]*$/;
const ABBREVIATION = /(?:^|\s)(?:dr|mr|mrs|ms|prof|sr|jr|st|vs|fig|no|vol|approx|cf|inc|ltd|dept)\.$/i;
const BLOCK_START = /^\s*(?:[-*+>|#]|\d+[.)])\s/;

/**
 * ICU breaks after every line feed and after abbreviations such as "Dr.". A soft-wrapped line (single line
 * feed, no terminal punctuation, next line not a list item or heading) continues the sentence, and so does
 * an abbreviation; blank lines and heading lines always end one.
 */
const continuesInto = (body: string, next: string | undefined): boolean => {
  if (next === undefined || next.trim() === '') return false;
  // A heading runs to the end of its line, whatever ICU makes of "## 3. Title".
  if (body.trimStart().startsWith('#')) return !/\n$/.test(body);
  const trimmed = body.trimEnd();
  if (/\n$/.test(body)) return !TERMINAL.test(trimmed) && !BLOCK_START.test(next);
  return ABBREVIATION.test(trimmed) || trimmed.length <= 3;
};

/** Splits `text` into trimmed sentence spans with offsets into `text`; whitespace-only segments are dropped. */
export const splitSentences = (text: string): SentenceSpan[] => {
  const segments = [...SEGMENTER.segment(text)];
  const spans: SentenceSpan[] = [];
  let start = -1;
  segments.forEach((seg, i) => {
    if (seg.segment.trim() === '') return;
    if (start < 0) start = seg.index;
    const end = seg.index + seg.segment.length;
    if (continuesInto(text.slice(start, end), segments[i + 1]?.segment)) return;
    spans.push(trimSpan(text, start, end));
    start = -1;
  });
  return spans.filter((s) => s.text.length > 0);
};

/** Narrows [start, end) of `text` to its non-whitespace core. */
export const trimSpan = (text: string, start: number, end: number): SentenceSpan => {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { text: text.slice(s, e), start: s, end: e };
};
