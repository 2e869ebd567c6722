import { completenessScore, proseScore } from './answer-shape';

describe('completenessScore, more edges', () => {
  it.each([
    ['Knead the dough with the', 0.1],
    ['Bake the loaf because', 0.1],
    ['The alloy holds lead, tin and.', 0.1],
    ['It rises in about 1.5 hours', 0.85],
    ['The term begins in May.', 1],
    ['(He said "it works.")', 1],
  ])('scores %j as %f', (answer, expected) => expect(completenessScore(answer)).toBe(expected));
});

describe('proseScore, more edges', () => {
  it('is 0 for prose inside a code fence', () =>
    expect(proseScore('```\nThe logger writes every line to standard output, then it flushes the buffer and exits.\n```')).toBe(0));
  it('still reads an answer that is exactly half inline code as prose', () => expect(proseScore('Use `make` now')).toBe(1));
  it('weighs several inline code spans by their own length', () =>
    expect(proseScore('Set `level` and `format` when the logger is created.')).toBe(1));
  it('counts an inline code span as a word at the 2% boundary', () =>
    // 50 visible characters with the span read as "code", one of them "=".
    expect(proseScore('Set `level` = info before the logger starts writing lines today')).toBe(1));
  it('caps an answer holding an HTML tag with attributes', () =>
    expect(proseScore('See <img src="loaf.png" alt="loaf"> for the shape of the loaf, which is long and round and brown.')).toBe(0.2));
});
