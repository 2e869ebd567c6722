import { adequacyScore } from './answer-substance';

describe('adequacyScore', () => {
  it('is 0.05 for an answer that adds nothing informative to its question', () => {
    expect(adequacyScore('Yes.', 'Is insulin a hormone?')).toBe(0.05);
    expect(adequacyScore('It depends.', 'What causes asthma?')).toBe(0.05);
    expect(adequacyScore('For various reasons.', 'Why is the sky blue?')).toBe(0.05);
    expect(adequacyScore('Insulin is a hormone.', 'Is insulin a hormone?')).toBe(0.05);
    expect(adequacyScore('', null)).toBe(0.05);
  });

  it('is 0.8 for one new naming word, 0.4 for one new word of another kind', () => {
    expect(adequacyScore('Metformin.', 'Which drug treats type 2 diabetes?')).toBe(0.8);
    expect(adequacyScore('It flushes quickly.', 'What does the logger do?')).toBe(0.4);
  });

  it('is 1 for two or more new informative words, counting repeats once', () => {
    expect(adequacyScore('The pancreas makes insulin.', 'Which organ produces the hormone?')).toBe(1);
    expect(adequacyScore('Metformin, metformin.', 'Which drug treats type 2 diabetes?')).toBe(0.8);
  });

  it('is 0.8 for a rambling answer of over 480 tokens', () => {
    const long = Array.from({ length: 100 }, (_, i) => `Glucose level ${i} rises.`).join(' ');
    expect(adequacyScore(long, 'What happens to blood sugar?')).toBe(0.8);
    const shorter = Array.from({ length: 80 }, (_, i) => `Glucose level ${i} rises.`).join(' ');
    expect(adequacyScore(shorter, 'What happens to blood sugar?')).toBe(1);
  });
});
