/**
 * The model judge's rubric. Each criterion is rated 1-5 by the judge model and mapped to 0..1 as (rating-1)/4;
 * the judge score is the weighted sum below (weights sum to 1):
 *  - question (0.25): the question is clear and well-formed.
 *  - answer (0.35): the answer is correct and complete with respect to the source text.
 *  - relevance (0.25): the question and answer are about the source text.
 *  - consistency (0.15): the answer is consistent with the source text and with the question.
 */
export const JUDGE_WEIGHTS = { question: 0.25, answer: 0.35, relevance: 0.25, consistency: 0.15 } as const;

export type JudgeCriterion = keyof typeof JUDGE_WEIGHTS;

export const JUDGE_CRITERIA: readonly JudgeCriterion[] = ['question', 'answer', 'relevance', 'consistency'];

/** The one-line definitions the judge model is given, one per criterion. */
export const JUDGE_DEFINITIONS: Readonly<Record<JudgeCriterion, string>> = {
  question: 'the question is clear and well-formed',
  answer: 'the answer is correct and complete with respect to the source text',
  relevance: 'the question and answer are about the source text',
  consistency: 'the answer is consistent with the source text and with the question',
};

/** Per criterion, 0..1. */
export type JudgeScores = { readonly [K in JudgeCriterion]: number };

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const round = (x: number, places: number): number => Math.round(x * 10 ** places) / 10 ** places;

/** A 1-5 rating as 0..1: (rating - 1) / 4, the rating first rounded and clamped to 1..5. */
export const ratingToScore = (rating: number): number => (Math.min(5, Math.max(1, Math.round(rating))) - 1) / 4;

/** The weighted judge score, 0..1, 4 decimals. Scores 1,1,0,0 (ratings 5,5,1,1) → 0.25 + 0.35 = 0.6. */
export const judgeScore = (scores: JudgeScores): number =>
  round(
    JUDGE_CRITERIA.reduce((sum, c) => sum + JUDGE_WEIGHTS[c] * clamp01(scores[c]), 0),
    4,
  );

/**
 * Blends the heuristic quality score with the judge's: (1 - judgeWeight) × heuristic + judgeWeight × judge,
 * each input clamped to 0..1, rounded to 3 decimals like quality scores. judgeWeight defaults to 0.5 (equal
 * say); 0 keeps the heuristic, 1 takes the judge alone. Use the heuristic alone when the judge failed.
 */
export const combineScores = (heuristic: number, judge: number, judgeWeight = 0.5): number => {
  const w = clamp01(judgeWeight);
  return round((1 - w) * clamp01(heuristic) + w * clamp01(judge), 3);
};
