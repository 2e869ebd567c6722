import { splitSentences } from './sentences';

describe('splitSentences', () => {
  it('returns trimmed spans that slice back to the source', () => {
    const text = '## Head\n\nDr. Smith treats patients. He works e.g. at noon!\nIs that so?  ';
    const spans = splitSentences(text);
    expect(spans.map((s) => s.text)).toEqual(['## Head', 'Dr. Smith treats patients.', 'He works e.g. at noon!', 'Is that so?']);
    spans.forEach((s) => expect(text.slice(s.start, s.end)).toBe(s.text));
  });

  it('joins soft-wrapped lines but not list items or blank-line paragraphs', () => {
    const text = 'A sentence wrapped\nacross two lines.\n- item one\n- item two\n\nNew paragraph';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'A sentence wrapped\nacross two lines.',
      '- item one',
      '- item two',
      'New paragraph',
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('  \n\n ')).toEqual([]);
  });
});

describe('splitSentences over long text', () => {
  it('finds every sentence of a heading-less text far longer than one segment window', () => {
    const sentence = (i: number): string => `Sentence ${i} says Dr. Who met the team.`;
    const text = Array.from({ length: 5000 }, (_, i) => sentence(i) + (i % 7 === 6 ? '\n\n' : i % 3 === 2 ? '\n' : ' ')).join('');
    const spans = splitSentences(text);
    expect(spans.map((s) => s.text)).toEqual(Array.from({ length: 5000 }, (_, i) => sentence(i)));
  });

  it('joins a long run of soft-wrapped lines into one sentence', () => {
    const text = `${'a line without an end\n'.repeat(2000)}done.`;
    expect(splitSentences(text).map((s) => s.text)).toEqual([text]);
  });
});
