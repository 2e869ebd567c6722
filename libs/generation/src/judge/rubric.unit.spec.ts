import { combineScores, JUDGE_CRITERIA, JUDGE_WEIGHTS, judgeScore, ratingToScore } from './rubric';

describe('judge rubric', () => {
  it('weights sum to 1 over the four criteria', () => {
    expect(JUDGE_WEIGHTS).toEqual({ question: 0.25, answer: 0.35, relevance: 0.25, consistency: 0.15 });
    expect(JUDGE_CRITERIA.reduce((s, c) => s + JUDGE_WEIGHTS[c], 0)).toBeCloseTo(1, 10);
  });

  it('maps ratings 1-5 to (r-1)/4, rounding and clamping', () => {
    expect([1, 2, 3, 4, 5].map(ratingToScore)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(ratingToScore(0)).toBe(0);
    expect(ratingToScore(7)).toBe(1);
    expect(ratingToScore(3.6)).toBe(0.75);
  });

  it('weights the criteria: ratings 5,5,1,1 → 0.25 + 0.35 = 0.6', () => {
    const scores = { question: ratingToScore(5), answer: ratingToScore(5), relevance: ratingToScore(1), consistency: ratingToScore(1) };
    expect(judgeScore(scores)).toBe(0.6);
    expect(judgeScore({ question: 1, answer: 1, relevance: 1, consistency: 1 })).toBe(1);
    expect(judgeScore({ question: 0, answer: 0, relevance: 1, consistency: 1 })).toBe(0.4);
    expect(judgeScore({ question: 0.5, answer: 0.75, relevance: 0.25, consistency: 0 })).toBe(0.45);
  });

  it('combines heuristic and judge scores', () => {
    expect(combineScores(0.8, 0.6)).toBe(0.7);
    expect(combineScores(0.8, 0.6, 0)).toBe(0.8);
    expect(combineScores(0.8, 0.6, 1)).toBe(0.6);
    expect(combineScores(0.9, 0.5, 0.25)).toBe(0.8);
    expect(combineScores(1.4, -1, 2)).toBe(0);
  });
});
