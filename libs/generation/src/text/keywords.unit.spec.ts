import { contentTokens, termFrequency, tokenize, topKeywords } from './keywords';
import { hash53, seededUnit } from './seeded-hash';

describe('keywords', () => {
  it('tokenises words with inner hyphens and apostrophes, lower-cased', () => {
    expect(tokenize("Type-2 diabetes isn't rare; HbA1c {x}.")).toEqual(['type-2', 'diabetes', "isn't", 'rare', 'hba1c', 'x']);
  });

  it('drops stopwords and single characters', () => {
    expect(contentTokens('The insulin is a hormone of the pancreas, x')).toEqual(['insulin', 'hormone', 'pancreas']);
  });

  it('ranks keywords by frequency, deterministically', () => {
    const text = 'Insulin lowers glucose. Insulin is made by the pancreas. Glucose rises after meals. Insulin again.';
    expect(termFrequency(text).get('insulin')).toBe(3);
    expect(topKeywords(text, 2)).toEqual(['insulin', 'glucose']);
  });
});

describe('seeded hash', () => {
  it('is stable and seed-dependent', () => {
    expect(hash53('abc')).toBe(hash53('abc'));
    expect(seededUnit('s1', 'k')).not.toBe(seededUnit('s2', 'k'));
    expect(seededUnit('s1', 'k')).toBeGreaterThanOrEqual(0);
    expect(seededUnit('s1', 'k')).toBeLessThan(1);
  });
});
