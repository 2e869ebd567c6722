/** Figures that say how well a score separates labelled good entries from bad ones. */

export interface ScoredLabel {
  readonly score: number;
  readonly good: boolean;
  /** The failure kind of a bad entry (null for a good one). */
  readonly failure: string | null;
}

/**
 * ROC AUC: the probability that a random good entry scores above a random bad one (ties count half), by the
 * Mann-Whitney rank statistic. 0.5 is chance, 1 a perfect separation.
 */
export const rocAuc = (items: readonly ScoredLabel[]): number => {
  const good = items.filter((i) => i.good).map((i) => i.score);
  const bad = items.filter((i) => !i.good).map((i) => i.score);
  if (good.length === 0 || bad.length === 0) return Number.NaN;
  let wins = 0;
  for (const g of good) for (const b of bad) wins += g > b ? 1 : g === b ? 0.5 : 0;
  return wins / (good.length * bad.length);
};

export interface CalibrationFigures {
  readonly auc: number;
  /** Share of good entries scoring at or above the threshold. */
  readonly keepRateGood: number;
  /** Share of bad entries scoring below the threshold. */
  readonly rejectRateBad: number;
  /** Per failure kind: the share of its entries rejected, and how many there are. */
  readonly rejectRateByFailure: Readonly<Record<string, { readonly rate: number; readonly n: number }>>;
}

const share = (part: number, whole: number): number => (whole === 0 ? Number.NaN : part / whole);

export const calibrationFigures = (items: readonly ScoredLabel[], threshold: number): CalibrationFigures => {
  const good = items.filter((i) => i.good);
  const bad = items.filter((i) => !i.good);
  const kinds = [...new Set(bad.map((i) => i.failure ?? 'unspecified'))].sort();
  return {
    auc: rocAuc(items),
    keepRateGood: share(good.filter((i) => i.score >= threshold).length, good.length),
    rejectRateBad: share(bad.filter((i) => i.score < threshold).length, bad.length),
    rejectRateByFailure: Object.fromEntries(
      kinds.map((kind) => {
        const of = bad.filter((i) => (i.failure ?? 'unspecified') === kind);
        return [kind, { rate: share(of.filter((i) => i.score < threshold).length, of.length), n: of.length }];
      }),
    ),
  };
};
