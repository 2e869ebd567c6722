import { qualityBand } from '@compileo/domain';

/** The dataset's `quality_summary` (average, band distribution, category counts); the bands are the domain's. */
export { qualityBand, type QualityBand } from '@compileo/domain';

export interface QualitySummary {
  readonly average_score: number;
  readonly distribution: { readonly high: number; readonly medium: number; readonly low: number };
  readonly categories: Readonly<Record<string, number>>;
}

export interface ScoredEntry {
  readonly score: number | null;
  readonly category: string | null;
}

/** Category name counted for an entry without one. */
export const UNCATEGORIZED = 'Other';

/**
 * Incremental tally: `add` as entries arrive, `remove` when one is replaced (regeneration, edit) or
 * rejected, `summary()` at any time. Entries without a score count in categories but not in the average.
 */
export class QualityAccumulator {
  private scoreSum = 0;
  private scored = 0;
  private readonly bands = { high: 0, medium: 0, low: 0 };
  private readonly categories = new Map<string, number>();

  add(entry: ScoredEntry): this {
    return this.apply(entry, 1);
  }

  remove(entry: ScoredEntry): this {
    return this.apply(entry, -1);
  }

  summary(): QualitySummary {
    const categories = [...this.categories.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      average_score: this.scored > 0 ? Math.round((this.scoreSum / this.scored) * 1000) / 1000 : 0,
      distribution: { ...this.bands },
      categories: Object.fromEntries(categories),
    };
  }

  private apply(entry: ScoredEntry, sign: 1 | -1): this {
    const category = entry.category ?? UNCATEGORIZED;
    this.categories.set(category, (this.categories.get(category) ?? 0) + sign);
    if (entry.score !== null) {
      this.scoreSum += sign * entry.score;
      this.scored += sign;
      this.bands[qualityBand(entry.score)] += sign;
    }
    return this;
  }
}

export const summarizeQuality = (entries: readonly ScoredEntry[]): QualitySummary =>
  entries.reduce((acc, e) => acc.add(e), new QualityAccumulator()).summary();
