import { summarizeQuality } from './quality-summary';

describe('quality summary categories', () => {
  it('lists categories by name', () => {
    const summary = summarizeQuality([
      { score: 0.9, category: 'Symptoms' },
      { score: 0.9, category: 'Diagnosis' },
      { score: 0.9, category: 'Treatment' },
      { score: 0.9, category: 'Causes' },
      { score: 0.9, category: 'Diagnosis' },
    ]);
    expect(Object.keys(summary.categories)).toEqual(['Causes', 'Diagnosis', 'Symptoms', 'Treatment']);
  });
});
