import type { DatasetState } from './dataset.state';
import { qualityBand, roundScore } from './quality-bands';

export interface DatasetQualitySummary {
  /** Over the accepted entries that have a score; null when none has. */
  readonly average_score: number | null;
  readonly distribution: { readonly high: number; readonly medium: number; readonly low: number };
  /** Accepted entries per category. */
  readonly categories: Readonly<Record<string, number>>;
}

/** The dataset's quality summary, from the fold: what the read models aggregate in SQL by the same bands. */
export const summarizeDataset = (state: DatasetState): DatasetQualitySummary => {
  const distribution = { high: 0, medium: 0, low: 0 };
  const categories: Record<string, number> = {};
  let sum = 0;
  let scored = 0;
  for (const { content } of state.entries.values()) {
    categories[content.category] = (categories[content.category] ?? 0) + 1;
    if (content.qualityScore === null) continue;
    sum += content.qualityScore;
    scored++;
    distribution[qualityBand(content.qualityScore)]++;
  }
  return { average_score: scored ? roundScore(sum / scored) : null, distribution, categories };
};
