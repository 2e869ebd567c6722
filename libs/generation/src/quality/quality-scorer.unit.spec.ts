import type { GeneratedItem, GenerationMode } from '@compileo/domain';
import { extractItems } from '../providers/extractive.provider';
import { QUALITY_WEIGHTS, scoreItem } from './quality-scorer';

const CHUNK = `Diabetes is a chronic condition in which blood glucose levels stay too high. Insulin is a hormone made by
the pancreas that lets cells absorb glucose. Type 1 diabetes is an autoimmune disease that destroys insulin-producing
beta cells. Treatment combines lifestyle changes, oral medication such as metformin, and insulin therapy when needed.`;

const opts = { targetDifficulty: 'intermediate' as const, duplicate: false };
const generate = (mode: GenerationMode): readonly GeneratedItem[] =>
  extractItems({
    chunk: { id: 'c', text: CHUNK, heading: 'Diabetes', documentName: 'd.md' },
    mode,
    count: 3,
    prompt: '',
    promptName: '',
    categories: null,
    parameters: {},
    variant: 0,
    avoid: [],
  });

describe('scoreItem', () => {
  it('documents weights that sum to 1', () => {
    expect(Object.values(QUALITY_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it.each(['default', 'question', 'answer', 'summarization', 'instruction'] as GenerationMode[])(
    'scores good extractive %s items at or above the 0.7 default threshold',
    (mode) => {
      for (const item of generate(mode)) {
        const { score, components } = scoreItem(item, CHUNK, opts);
        expect(score).toBeGreaterThanOrEqual(0.7);
        expect(components.grounding).toBe(1);
        Object.values(components).forEach((c) => {
          expect(c).toBeGreaterThanOrEqual(0);
          expect(c).toBeLessThanOrEqual(1);
        });
      }
    },
  );

  it('scores garbage low', () => {
    const garbage = { question: 'banana telescope', answer: 'Yes', category: null, difficulty: 'expert' as const };
    const { score, components } = scoreItem(garbage, CHUNK, opts);
    expect(score).toBeLessThan(0.4);
    expect(components).toMatchObject({ grounding: 0, question_form: 0, uniqueness: 1 });
    expect(components.answer_adequacy).toBeLessThanOrEqual(0.1);
  });

  it('treats a missing answer in question mode as not applicable', () => {
    const item = { question: 'What is insulin?', answer: null, category: null };
    expect(scoreItem(item, CHUNK, opts).components.answer_adequacy).toBe(1);
  });

  it('penalises duplicates and difficulty far from the target', () => {
    const [item] = generate('default');
    const base = scoreItem(item, CHUNK, opts);
    expect(scoreItem(item, CHUNK, { ...opts, duplicate: true }).score).toBeCloseTo(base.score - QUALITY_WEIGHTS.uniqueness, 3);
    const far = scoreItem({ ...item, difficulty: 'beginner' }, CHUNK, { ...opts, targetDifficulty: 'expert' });
    expect(far.components.difficulty_fit).toBe(0);
  });

  it('judges an ungrounded but well-formed answer on grounding', () => {
    const item = {
      question: 'What is insulin?',
      answer: 'Quantum chromodynamics describes strong interactions between quarks.',
      category: null,
    };
    const { score, components } = scoreItem(item, CHUNK, opts);
    expect(components.grounding).toBe(0);
    expect(score).toBeLessThan(0.7);
  });

  it('rounds the score to 3 decimals', () => {
    const { score } = scoreItem(generate('default')[0], CHUNK, opts);
    expect(Math.round(score * 1000) / 1000).toBe(score);
  });
});
