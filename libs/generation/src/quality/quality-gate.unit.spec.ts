import { NEGATIVE_ANSWER } from '../negatives/negative-answer';
import { difficultyFitScore, GATING_COMPONENTS, negativeComponents, QUALITY_WEIGHTS, scoreItem } from './quality-scorer';

const CHUNK = `Insulin is a hormone made by the pancreas. It lets cells absorb glucose from the blood. Metformin is an oral
medication that lowers blood glucose in type 2 diabetes.`;
const opts = { targetDifficulty: 'intermediate' as const, duplicate: false };
const GOOD = {
  question: 'What does insulin let cells do?',
  answer: 'It lets cells absorb glucose from the blood.',
  category: null,
  difficulty: 'intermediate' as const,
};

describe('scoreItem: the weighted sum, gated by the weakest check', () => {
  it('is the weighted sum of the components times the lowest gating component, rounded to 3 decimals', () => {
    for (const item of [
      GOOD,
      { ...GOOD, answer: 'It lets cells absorb glucose from the blood, and' },
      { ...GOOD, question: 'insulin cells' },
      { ...GOOD, difficulty: 'expert' as const },
    ]) {
      const { score, components } = scoreItem(item, CHUNK, opts);
      const weighted = (Object.keys(QUALITY_WEIGHTS) as (keyof typeof QUALITY_WEIGHTS)[]).reduce(
        (sum, k) => sum + QUALITY_WEIGHTS[k] * components[k],
        0,
      );
      const gate = Math.min(...GATING_COMPONENTS.map((k) => components[k]));
      expect(score).toBe(Math.round(weighted * gate * 1000) / 1000);
    }
  });

  it('gates on the seven checks, not on uniqueness or difficulty fit', () => {
    expect([...GATING_COMPONENTS].sort()).toEqual(
      [
        'answer_adequacy',
        'answer_completeness',
        'answer_prose',
        'answer_relevance',
        'grounding',
        'question_form',
        'question_grammar',
      ].sort(),
    );
    const good = scoreItem(GOOD, CHUNK, opts);
    expect(good.score).toBeGreaterThanOrEqual(0.9);
    // A duplicate loses its uniqueness weight only, not the whole score.
    const duplicate = scoreItem(GOOD, CHUNK, { ...opts, duplicate: true });
    expect(duplicate.score).toBeCloseTo(good.score - QUALITY_WEIGHTS.uniqueness, 3);
  });

  it('takes a clean entry under the 0.7 threshold when a single check fails', () => {
    const truncated = scoreItem({ ...GOOD, answer: 'It lets cells absorb glucose from the blood, and' }, CHUNK, opts);
    expect(truncated.components.answer_completeness).toBeLessThan(0.7);
    expect(truncated.score).toBeLessThan(0.7);
    const notAQuestion = scoreItem({ ...GOOD, question: 'insulin cells glucose' }, CHUNK, opts);
    expect(notAQuestion.components.question_form).toBe(0);
    expect(notAQuestion.score).toBe(0);
  });

  it("judges the instruction and output of an instruction item, and a question-only item's question", () => {
    const instruction = scoreItem(
      { question: null, answer: null, category: null, instruction: 'Explain what insulin lets cells do.', output: GOOD.answer },
      CHUNK,
      opts,
    );
    expect(instruction.components).toMatchObject({ grounding: 1, question_form: 1 });
    const questionOnly = scoreItem({ question: 'What does insulin let cells absorb?', answer: null, category: null }, CHUNK, opts);
    expect(questionOnly.components).toMatchObject({
      grounding: 1,
      answer_relevance: 1,
      answer_adequacy: 1,
      answer_completeness: 1,
      answer_prose: 1,
    });
    const nothing = scoreItem({ question: null, answer: null, category: null }, CHUNK, opts);
    expect(nothing.components.answer_adequacy).toBe(0);
    expect(nothing.score).toBe(0);
  });

  it('estimates the difficulty when the item gives none', () => {
    const { difficulty, ...withoutDifficulty } = GOOD;
    expect(difficulty).toBe('intermediate');
    const fit = scoreItem(withoutDifficulty, CHUNK, opts).components.difficulty_fit;
    expect([0, 1 / 3, 2 / 3, 1].map((x) => Math.round(x * 1000) / 1000)).toContain(fit);
  });
});

describe('difficultyFitScore', () => {
  it('is 1 on target and loses a third per level away, either way', () => {
    expect(difficultyFitScore('intermediate', 'intermediate')).toBe(1);
    expect(difficultyFitScore('beginner', 'intermediate')).toBeCloseTo(2 / 3, 10);
    expect(difficultyFitScore('advanced', 'intermediate')).toBeCloseTo(2 / 3, 10);
    expect(difficultyFitScore('expert', 'intermediate')).toBeCloseTo(1 / 3, 10);
    expect(difficultyFitScore('beginner', 'expert')).toBe(0);
    expect(difficultyFitScore('expert', 'beginner')).toBe(0);
  });
});

describe('negativeComponents', () => {
  const absent = 'How much does metformin cost?';
  const answered = 'What does insulin let cells absorb?';

  it('grounds a refusal of a question about something the chunk lacks', () => {
    expect(negativeComponents(absent, NEGATIVE_ANSWER, CHUNK)).toEqual({ grounding: 1, adequacy: 1 });
    expect(negativeComponents(absent, null, CHUNK)).toEqual({ grounding: 1, adequacy: null });
    expect(negativeComponents(absent, undefined, CHUNK)).toEqual({ grounding: 1, adequacy: null });
  });

  it('does not ground a refusal of a question the chunk answers, nor a negative carrying a real answer', () => {
    expect(negativeComponents(answered, NEGATIVE_ANSWER, CHUNK)).toEqual({ grounding: 0, adequacy: 0.3 });
    expect(negativeComponents(absent, 'It costs ten dollars.', CHUNK)).toEqual({ grounding: 0, adequacy: null });
    expect(negativeComponents('   ', NEGATIVE_ANSWER, CHUNK)).toEqual({ grounding: 0, adequacy: 0.3 });
  });

  it('scores a refusal of an answered question low through scoreItem, and a proper one high', () => {
    const refusal = { answer: NEGATIVE_ANSWER, category: null, difficulty: 'intermediate' as const, metadata: { negative: true } };
    expect(scoreItem({ ...refusal, question: answered }, CHUNK, opts).score).toBe(0);
    const proper = scoreItem({ ...refusal, question: absent }, CHUNK, opts);
    expect(proper.score).toBeGreaterThanOrEqual(0.9);
    expect(proper.components).toMatchObject({ grounding: 1, answer_adequacy: 1, answer_relevance: 1, answer_completeness: 1 });
    const unpunctuated = scoreItem({ ...refusal, question: absent, answer: 'the text does not say' }, CHUNK, opts);
    expect(unpunctuated.components.answer_completeness).toBe(1);
  });
});
