import { NEGATIVE_ANSWER, absentQuestionTerms, isNegativeAnswer, isNegativeItem, negativeCount } from './negative-answer';

describe('negative answers', () => {
  it('recognises NEGATIVE_ANSWER case- and punctuation-insensitively', () => {
    expect(NEGATIVE_ANSWER).toBe('The text does not say.');
    [
      'The text does not say.',
      'the text does not say',
      'THE TEXT DOES NOT SAY!',
      ' The text doesn\u2019t say. ',
      "The text doesn't say",
    ].forEach((t) => expect(isNegativeAnswer(t)).toBe(true));
    ['The text does not say much.', 'Not stated.', '', null, undefined].forEach((t) => expect(isNegativeAnswer(t)).toBe(false));
  });

  it('marks items negative by metadata or answer', () => {
    expect(isNegativeItem({ question: 'Q?', answer: null, category: null, metadata: { negative: true } })).toBe(true);
    expect(isNegativeItem({ question: 'Q?', answer: 'the text does not say', category: null })).toBe(true);
    expect(isNegativeItem({ question: 'Q?', answer: 'Yes.', category: null })).toBe(false);
  });

  it('counts round(count × ratio), clamped', () => {
    expect([
      negativeCount(10, 0.25),
      negativeCount(5, 0.1),
      negativeCount(3, 0.1),
      negativeCount(4, 2),
      negativeCount(4, -1),
      negativeCount(4, undefined),
      negativeCount(4, Number.NaN),
    ]).toEqual([3, 1, 0, 4, 0, 0, 0]);
  });

  it('finds question words the chunk does not cover (ignoring quotes, template words and word forms)', () => {
    const chunk = 'Insulin is a hormone made by the pancreas. Diabetic patients take insulin.';
    expect(absentQuestionTerms('What does the section on "Pricing" say about the cost of insulin?', chunk)).toEqual(['cost']);
    expect(absentQuestionTerms('What hormone does the pancreas make?', chunk)).toEqual([]);
    expect(absentQuestionTerms('What is diabetes?', chunk)).toEqual([]);
    expect(absentQuestionTerms('Which hormones do patients need?', chunk)).toEqual([]);
    expect(absentQuestionTerms('How much does insulin cost?', chunk)).toEqual(['cost']);
  });
});
