import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIFFICULTIES, type GeneratedItem } from '@compileo/domain';
import { chunkDocument } from '../../chunking/markdown-chunker';
import type { GenerationRequest } from '../../model-provider.port';
import { completenessScore, proseScore } from '../../quality/answer-shape';
import { questionGrammarScore } from '../../quality/question-checks';
import { scoreItem } from '../../quality/quality-scorer';
import { ExtractiveProvider, extractItems } from '../extractive.provider';
import { chunkRequest } from '../testing/generation-request.fixture';
import { estimateTokens } from './prompt-fields';

const FIXTURES = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures');
const TEXT = `## Diabetes
Diabetes is a chronic condition in which blood glucose levels stay too high. Type 1 diabetes results from the loss of beta cells in the pancreas.
Treatment combines lifestyle changes, oral medication such as metformin, and insulin therapy when needed. Type 2 diabetes is diagnosed by testing the level of glucose in the blood.
Insulin injections are needed in type 1 diabetes because the pancreas no longer makes insulin.
Common symptoms include frequent urination, excessive thirst and unexplained weight loss.`;

const request = (overrides: Partial<GenerationRequest> = {}): GenerationRequest => chunkRequest(TEXT, { count: 4, ...overrides });

const documentItems = (file: string): { item: GeneratedItem; chunk: string }[] =>
  chunkDocument(readFileSync(join(FIXTURES, file), 'utf8'), file).flatMap((c) =>
    extractItems(request({ count: 3, chunk: { id: `c${c.index}`, text: c.text, heading: c.heading, documentName: file } })).map((item) => ({
      item,
      chunk: c.text,
    })),
  );

describe('extractive questions and answers', () => {
  it('builds questions from the sentence structure', () => {
    const questions = extractItems(request({ count: 6 })).map((i) => i.question);
    expect(questions).toEqual(
      expect.arrayContaining([
        'What is diabetes?',
        'What does type 1 diabetes result from?',
        'What does treatment combine?',
        'How is type 2 diabetes diagnosed?',
      ]),
    );
  });

  it('asks "Why" of a sentence that gives its reason, in the analytical style', () => {
    const questions = extractItems(request({ count: 6, parameters: { question_style: 'analytical' } })).map((i) => i.question);
    expect(questions).toContain('Why are insulin injections needed in type 1 diabetes?');
  });

  it.each(['diabetes.md', 'logger-docs.md'])('writes grammatical questions and prose answers for %s, scoring ≥ 0.7', (file) => {
    const items = documentItems(file);
    expect(items.length).toBeGreaterThan(10);
    for (const { item, chunk } of items) {
      expect(questionGrammarScore(item.question)).toBe(1);
      expect(item.answer).not.toMatch(/(?:like|following|are):$/);
      expect(proseScore(item.answer ?? '')).toBeGreaterThanOrEqual(0.9);
      expect(completenessScore(item.answer ?? '')).toBeGreaterThanOrEqual(0.85);
      expect(scoreItem(item, chunk, { targetDifficulty: 'intermediate', duplicate: false }).score).toBeGreaterThanOrEqual(0.7);
    }
  });
});

describe('extractive prompt fields', () => {
  const sentences = (item: GeneratedItem): number => (item.metadata?.source_sentences as string[]).length;

  it('answer_style: concise answers with one sentence, comprehensive with more, step_by_step in steps', () => {
    extractItems(request({ parameters: { answer_style: 'concise' } })).forEach((i) => expect(sentences(i)).toBe(1));
    const comprehensive = extractItems(request({ parameters: { answer_style: 'comprehensive' } }));
    expect(comprehensive.filter((i) => sentences(i) >= 2).length).toBeGreaterThanOrEqual(3);
    const steps = extractItems(request({ parameters: { answer_style: 'step_by_step' } }));
    steps.forEach((i) => expect(i.answer).toMatch(/^First, .+ (Then|Finally), /));
  });

  it('max_tokens caps every answer, by whole sentences', () => {
    for (const cap of [20, 40, 80]) {
      const items = extractItems(request({ count: 6, maxTokens: cap, parameters: { answer_style: 'comprehensive' } }));
      expect(items.length).toBeGreaterThan(0);
      items.forEach((i) => expect(estimateTokens(i.answer ?? '')).toBeLessThanOrEqual(cap));
    }
    expect(extractItems(request({ maxTokens: 3 }))).toEqual([]);
  });

  it('complexity_level puts sentences near the target difficulty first', () => {
    const rank = (level: string): number =>
      DIFFICULTIES.indexOf(extractItems(request({ count: 1, parameters: { complexity_level: level } }))[0].difficulty ?? 'beginner');
    expect(rank('expert')).toBeGreaterThan(rank('beginner'));
  });

  it('temperature: seeded variety, the same for the same seed', () => {
    const at = (temperature: number, variant = 0): string[] =>
      extractItems(request({ count: 5, temperature, variant })).map((i) => i.question ?? '');
    expect(at(1)).toEqual(at(1));
    expect(at(1)).not.toEqual(at(0));
    expect(at(1, 1)).not.toEqual(at(1, 0));
    expect(at(0)).toEqual(extractItems(request({ count: 5 })).map((i) => i.question));
  });

  it('records the fields it used and the ones it cannot apply, and never claims a custom prompt', async () => {
    const result = await new ExtractiveProvider().generate(
      request({
        promptName: 'custom',
        temperature: 0.5,
        maxTokens: 200,
        parameters: {
          question_style: 'analytical',
          answer_style: 'concise',
          complexity_level: 'advanced',
          purpose: 'exams',
          audience: 'students',
        },
      }),
    );
    expect(result.promptName).toBe('qa_pairs');
    for (const item of result.items) {
      expect(item.metadata?.prompt_fields_used).toEqual([
        'answer_style',
        'complexity_level',
        'question_style',
        'max_tokens',
        'temperature',
      ]);
      expect(item.metadata?.prompt_fields_ignored).toEqual(['purpose', 'audience', 'custom_prompt']);
    }
    const plain = extractItems(request());
    plain.forEach((i) => expect(i.metadata).toMatchObject({ prompt_fields_used: [], prompt_fields_ignored: [] }));
  });
});
