import type { GeneratedItem, GenerationMode } from '@compileo/domain';
import { NEGATIVE_ANSWER } from '../negatives/negative-answer';
import { extractItems } from '../providers/extractive.provider';
import { scoreItem } from './quality-scorer';

const CHUNK = `Diabetes is a chronic condition in which blood glucose levels stay too high. Insulin is a hormone made by
the pancreas that lets cells absorb glucose. Type 1 diabetes is an autoimmune disease that destroys insulin-producing
beta cells. Treatment combines lifestyle changes, oral medication such as metformin, and insulin therapy when needed.`;

const opts = { targetDifficulty: 'intermediate' as const, duplicate: false };
const negativesFor = (mode: GenerationMode): GeneratedItem[] =>
  extractItems({
    chunk: { id: 'c', text: CHUNK, heading: 'Diabetes', documentName: 'd.md' },
    mode,
    count: 4,
    prompt: '',
    promptName: '',
    categories: null,
    parameters: { negativity_ratio: 0.5 },
    variant: 0,
    avoid: [],
  }).filter((i) => i.metadata?.negative === true);

describe('scoreItem on negative items', () => {
  it.each(['default', 'question', 'answer', 'instruction'] as GenerationMode[])(
    'scores extractive %s negatives ≥ 0.7, grounded',
    (mode) => {
      const items = negativesFor(mode);
      expect(items).toHaveLength(2);
      for (const item of items) {
        const { score, components } = scoreItem(item, CHUNK, opts);
        expect(score).toBeGreaterThanOrEqual(0.7);
        expect(components.grounding).toBe(1);
        expect(components.answer_adequacy).toBe(1);
      }
    },
  );

  it('scores a remote-style negative (no metadata, answer in another case) like a marked one', () => {
    const item = {
      question: 'How much does metformin cost?',
      answer: 'the text does not say',
      category: null,
      difficulty: 'intermediate' as const,
    };
    expect(scoreItem(item, CHUNK, opts).score).toBeGreaterThanOrEqual(0.9);
  });

  it('scores low when the chunk does answer the question', () => {
    const item = {
      question: 'What is insulin?',
      answer: NEGATIVE_ANSWER,
      category: null,
      difficulty: 'intermediate' as const,
      metadata: { negative: true },
    };
    const { score, components } = scoreItem(item, CHUNK, opts);
    expect(components.grounding).toBe(0);
    expect(components.answer_adequacy).toBe(0.3);
    expect(score).toBeLessThan(0.6);
  });

  it('scores an item marked negative that carries a real answer as ungrounded', () => {
    const item = {
      question: 'How much does metformin cost?',
      answer: 'It costs ten dollars a month.',
      category: null,
      metadata: { negative: true },
    };
    expect(scoreItem(item, CHUNK, opts).components.grounding).toBe(0);
  });
});
