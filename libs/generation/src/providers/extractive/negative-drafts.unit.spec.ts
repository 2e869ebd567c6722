import type { GeneratedItem, GenerationMode } from '@compileo/domain';
import type { GenerationRequest } from '../../model-provider.port';
import { NEGATIVE_ANSWER, absentQuestionTerms } from '../../negatives/negative-answer';
import { tokenize } from '../../text/keywords';
import { extractItems } from '../extractive.provider';
import { NEGATIVE_ASPECTS } from './negative-drafts';

const TEXT = `## Diabetes

Diabetes is a chronic condition in which blood glucose levels stay too high. Insulin is a hormone made by the pancreas that lets cells absorb glucose.
Type 1 diabetes is an autoimmune disease that destroys insulin-producing beta cells. Patients with type 2 diabetes are often overweight and show insulin resistance.
- Common symptoms include frequent urination, excessive thirst and unexplained weight loss.
- Long-term complications affect the eyes, kidneys, nerves and cardiovascular system.

Treatment combines lifestyle changes, oral medication such as metformin, and insulin therapy when needed.`;

const request = (overrides: Partial<GenerationRequest> = {}): GenerationRequest => ({
  chunk: { id: 'chunk-1', text: TEXT, heading: 'Diabetes', documentName: 'medicine.md' },
  mode: 'default',
  count: 10,
  prompt: 'ignored',
  promptName: 'qa_pairs',
  categories: null,
  parameters: { negativity_ratio: 0.3 },
  variant: 0,
  avoid: [],
  ...overrides,
});

const negatives = (items: readonly GeneratedItem[]): GeneratedItem[] => items.filter((i) => i.metadata?.negative === true);
const chunkWords = new Set(tokenize(TEXT));

describe('extractive negatives (negativity_ratio)', () => {
  it.each([
    [10, 0.3, 3],
    [5, 0.1, 1],
    [3, 0.1, 0],
    [4, 0.5, 2],
    [6, 1, 6],
    [5, 0, 0],
  ])('makes round(%i × %f) = %i of the items negative', (count, ratio, expected) => {
    const items = extractItems(request({ count, parameters: { negativity_ratio: ratio } }));
    expect(items).toHaveLength(count);
    expect(negatives(items)).toHaveLength(expected);
  });

  it('asks about an aspect the chunk lacks and answers NEGATIVE_ANSWER', () => {
    const found = negatives(extractItems(request()));
    expect(found).toHaveLength(3);
    for (const item of found) {
      expect(item.answer).toBe(NEGATIVE_ANSWER);
      expect(item.question).toMatch(/\?$/);
      const aspect = NEGATIVE_ASPECTS.find((a) => a.name === item.metadata?.negative_aspect);
      expect(aspect).toBeDefined();
      // The question uses one of the aspect's terms, and none of the aspect's terms occurs in the chunk.
      const words = tokenize(item.question ?? '');
      expect(aspect?.terms.some((t) => words.includes(t))).toBe(true);
      aspect?.terms.forEach((t) => expect(chunkWords.has(t)).toBe(false));
      expect(absentQuestionTerms(item.question ?? '', TEXT).length).toBeGreaterThan(0);
      (item.metadata?.absent_terms as string[]).forEach((t) => expect(chunkWords.has(t)).toBe(false));
    }
  });

  it('never asks about an aspect the chunk covers', () => {
    const text = `${TEXT}\nThe cost of insulin is high and prices keep rising; many countries regulate it by law.`;
    const items = negatives(
      extractItems(request({ count: 20, parameters: { negativity_ratio: 0.5 }, chunk: { ...request().chunk, text } })),
    );
    expect(items.length).toBeGreaterThan(0);
    items.forEach((i) => expect(['cost', 'geography', 'law']).not.toContain(i.metadata?.negative_aspect));
  });

  it('is deterministic and spreads negatives among grounded items', () => {
    const a = extractItems(request());
    expect(a).toEqual(extractItems(request()));
    expect(a.map((i) => (i.metadata?.negative ? 'N' : 'P')).join('')).toMatch(/^P+N.*P.*N.*P.*N/);
    a.filter((i) => !i.metadata?.negative).forEach((i) => expect(TEXT).toContain(i.answer?.split(' ').slice(0, 5).join(' ')));
  });

  it('asks about other aspects on regeneration and honours avoid', () => {
    const first = negatives(extractItems(request({ count: 2, parameters: { negativity_ratio: 0.5 } })))[0];
    const next = negatives(extractItems(request({ count: 2, variant: 1, parameters: { negativity_ratio: 0.5 } })))[0];
    expect(next.question).not.toBe(first.question);
    const avoided = negatives(extractItems(request({ count: 2, avoid: [first.question ?? ''], parameters: { negativity_ratio: 0.5 } })))[0];
    expect(avoided.question).not.toBe(first.question);
  });

  it.each([
    ['question', (i: GeneratedItem) => expect(i.answer).toBeNull()],
    ['answer', (i: GeneratedItem) => expect(i.answer).toBe(NEGATIVE_ANSWER)],
    ['qa_pairs', (i: GeneratedItem) => expect(i.answer).toBe(NEGATIVE_ANSWER)],
    [
      'instruction',
      (i: GeneratedItem) => {
        expect(i.output).toBe(NEGATIVE_ANSWER);
        expect(i.answer).toBe(NEGATIVE_ANSWER);
        expect(i.question).toBe(i.instruction);
        expect(TEXT).toContain(i.input?.split(' ').slice(0, 4).join(' '));
      },
    ],
  ] as [GenerationMode, (i: GeneratedItem) => void][])('shapes negatives for %s mode', (mode, check) => {
    const found = negatives(extractItems(request({ mode, count: 4, parameters: { negativity_ratio: 0.5 } })));
    expect(found).toHaveLength(2);
    found.forEach(check);
  });

  it('makes no negatives in summarization mode', () => {
    expect(negatives(extractItems(request({ mode: 'summarization', count: 4, parameters: { negativity_ratio: 1 } })))).toEqual([]);
  });

  it('gives negatives the requested difficulty', () => {
    negatives(extractItems(request({ parameters: { negativity_ratio: 0.3, complexity_level: 'expert' } }))).forEach((i) =>
      expect(i.difficulty).toBe('expert'),
    );
  });
});
