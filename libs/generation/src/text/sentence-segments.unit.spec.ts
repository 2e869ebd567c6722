import { sentenceSegments } from './sentence-segments';

const whole = (text: string): { segment: string; index: number }[] =>
  [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)].map((s) => ({ segment: s.segment, index: s.index }));

const prose = [
  'Dr. Smith treats patients. He works e.g. at noon!\nIs that so?  ',
  '## 3. Title\n\nA sentence wrapped\nacross two lines.\n- item one\n- item two\n\nNew paragraph',
  'Quoted "end." Then (a parenthesis.) And \u201ccurly.\u201d \u2026 Emoji \u{1F600} here. \u00c9t\u00e9 caf\u00e9.\r\nNext.',
].join(' ');

describe('sentenceSegments', () => {
  it.each([40, 64, 100, 8192])('yields the whole-text segments with window %p, including ones spanning a boundary', (window) => {
    const text = prose.repeat(5);
    expect([...sentenceSegments(text, window)]).toEqual(whole(text));
  });

  it('cuts a sentence longer than the window at its last whitespace, and the pieces cover the text', () => {
    const text = `${'word '.repeat(40)}end. Next one.`;
    const segments = [...sentenceSegments(text, 32)];
    expect(segments.map((s) => s.segment).join('')).toBe(text);
    segments.forEach((s) => expect(text.slice(s.index, s.index + s.segment.length)).toBe(s.segment));
    expect(segments.slice(0, -2).every((s) => s.segment.length <= 32 && s.segment.endsWith(' '))).toBe(true);
    expect(segments[segments.length - 1].segment).toBe('Next one.');
  });

  it('cuts a window with no whitespace at its end, never inside a surrogate pair', () => {
    const text = '\u{1F600}'.repeat(20);
    const segments = [...sentenceSegments(text, 9)];
    expect(segments.map((s) => s.segment).join('')).toBe(text);
    expect(segments.every((s) => s.segment.length % 2 === 0)).toBe(true);
  });

  it('yields nothing for empty text', () => {
    expect([...sentenceSegments('')]).toEqual([]);
  });
});
