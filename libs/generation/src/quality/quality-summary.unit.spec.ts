import { QualityAccumulator, qualityBand, summarizeQuality } from './quality-summary';

describe('quality summary', () => {
  it('bands scores at 0.8 and 0.6', () => {
    expect([0.8, 0.79, 0.6, 0.59, 1, 0].map(qualityBand)).toEqual(['high', 'medium', 'medium', 'low', 'high', 'low']);
  });

  it('summarises average, distribution and categories', () => {
    expect(
      summarizeQuality([
        { score: 0.9, category: 'A' },
        { score: 0.7, category: 'B' },
        { score: 0.5, category: 'A' },
        { score: null, category: null },
      ]),
    ).toEqual({ average_score: 0.7, distribution: { high: 1, medium: 1, low: 1 }, categories: { A: 2, B: 1, Other: 1 } });
  });

  it('supports removal for replaced entries', () => {
    const acc = new QualityAccumulator().add({ score: 0.9, category: 'A' }).add({ score: 0.3, category: 'B' });
    acc.remove({ score: 0.3, category: 'B' });
    expect(acc.summary()).toEqual({ average_score: 0.9, distribution: { high: 1, medium: 0, low: 0 }, categories: { A: 1 } });
  });

  it('is zero when empty', () => {
    expect(summarizeQuality([]).average_score).toBe(0);
  });
});
