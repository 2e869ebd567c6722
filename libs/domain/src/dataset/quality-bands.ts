/** Quality bands of the dataset's `quality_summary`: high ≥ 0.8, medium 0.6–0.8, low < 0.6. */
export type QualityBand = 'high' | 'medium' | 'low';

export const QUALITY_BAND_FLOORS = { high: 0.8, medium: 0.6 } as const;

export const qualityBand = (score: number): QualityBand =>
  score >= QUALITY_BAND_FLOORS.high ? 'high' : score >= QUALITY_BAND_FLOORS.medium ? 'medium' : 'low';

/** Averages are shown to three decimals. */
export const roundScore = (score: number): number => Math.round(score * 1000) / 1000;
