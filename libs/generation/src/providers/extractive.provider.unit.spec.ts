import type { GeneratedItem, GenerationMode } from '@compileo/domain';
import type { GenerationRequest } from '../model-provider.port';
import { splitSentences } from '../text/sentences';
import { ExtractiveProvider, extractItems } from './extractive.provider';
import { chunkRequest } from './testing/generation-request.fixture';

const TEXT = `## Diabetes

Diabetes is a chronic condition in which blood glucose levels stay too high. Insulin is a hormone made by the pancreas that lets cells absorb glucose.
Type 1 diabetes is an autoimmune disease that destroys insulin-producing beta cells. Patients with type 2 diabetes are often overweight and show insulin resistance.
- Common symptoms include frequent urination, excessive thirst and unexplained weight loss.
- Long-term complications affect the eyes, kidneys, nerves and cardiovascular system.

Treatment combines lifestyle changes, oral medication such as metformin, and insulin therapy when needed.`;

const request = (overrides: Partial<GenerationRequest> = {}): GenerationRequest => chunkRequest(TEXT, overrides);

const sources = (item: GeneratedItem): string[] => item.metadata?.source_sentences as string[];

/** Every answer must be made of chunk sentences: each source sentence is in the chunk and they join to the answer. */
const expectGrounded = (item: GeneratedItem, chunk = TEXT): void => {
  const answer = item.output ?? item.answer;
  expect(answer).not.toBeNull();
  sources(item).forEach((s) => expect(chunk).toContain(s));
  expect(answer).toBe(sources(item).join(' '));
  splitSentences(answer ?? '').forEach((s) => expect(chunk).toContain(s.text));
};

describe('ExtractiveProvider', () => {
  const provider = new ExtractiveProvider();

  it('is named extractive and reports the model', async () => {
    const result = await provider.generate(request());
    expect(provider.name).toBe('extractive');
    expect(result.model).toBe('extractive');
    expect(result.items).toHaveLength(3);
  });

  it('is deterministic', () => {
    expect(extractItems(request({ count: 5 }))).toEqual(extractItems(request({ count: 5 })));
  });

  it.each(['default', 'qa_pairs', 'answer', 'summarization', 'instruction'] as GenerationMode[])(
    'returns exactly count distinct grounded items in %s mode',
    (mode) => {
      const items = extractItems(request({ mode, count: 4 }));
      expect(items).toHaveLength(4);
      items.forEach((i) => expectGrounded(i));
      expect(new Set(items.map((i) => i.question)).size).toBe(4);
      expect(new Set(items.map((i) => i.answer)).size).toBe(4);
      items.forEach((i) => expect(['beginner', 'intermediate', 'advanced', 'expert']).toContain(i.difficulty));
    },
  );

  it('turns definitional sentences into "What is X?" questions', () => {
    const [first, second] = extractItems(request());
    expect(first).toMatchObject({
      question: 'What is diabetes?',
      answer: 'Diabetes is a chronic condition in which blood glucose levels stay too high.',
    });
    expect(second.question).toBe('What is insulin?');
  });

  it('asks questions only in question mode', () => {
    const items = extractItems(request({ mode: 'question', count: 5 }));
    expect(items).toHaveLength(5);
    items.forEach((i) => {
      expect(i.answer).toBeNull();
      expect(i.question).toMatch(/\?$/);
      sources(i).forEach((s) => expect(TEXT).toContain(s));
    });
  });

  it('gives multi-sentence answers in answer mode', () => {
    extractItems(request({ mode: 'answer' })).forEach((i) => expect(sources(i).length).toBeGreaterThanOrEqual(2));
  });

  it('summarises the section with key points in summarization mode', () => {
    const [item] = extractItems(request({ mode: 'summarization', count: 1 }));
    expect(item.question).toBe("Summarize the section 'Diabetes'.");
    expect(item.metadata?.key_points).toEqual(sources(item));
    const positions = item.metadata?.sentence_indexes as number[];
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const [doc] = extractItems(request({ mode: 'summarization', count: 1, chunk: { ...request().chunk, heading: null } }));
    expect(doc.question).toBe("Summarize the document 'medicine.md'.");
  });

  it('fills instruction, input and output in instruction mode', () => {
    extractItems(request({ mode: 'instruction' })).forEach((i) => {
      expect(i.question).toBe(i.instruction);
      expect(i.answer).toBe(i.output);
      expect(i.input).toContain(i.output);
      expect(TEXT).toContain(i.input?.split(' ').slice(0, 4).join(' '));
    });
  });

  it('varies the question template by question_style', () => {
    const q = (style: string): string | null => extractItems(request({ count: 1, parameters: { question_style: style } }))[0].question;
    expect(q('analytical')).toMatch(/^How does the section on "Diabetes" explain/);
    expect(q('case_based')).toMatch(/^In a case involving/);
    expect(q('factual')).toBe('What is diabetes?');
  });

  it('picks categories from the taxonomy, falling back to Other', () => {
    const items = extractItems(request({ count: 4, categories: ['Endocrinology', 'Diabetes care', 'Oncology'] }));
    items.forEach((i) => expect(i.category).toBe('Diabetes care'));
    expect(extractItems(request({ categories: ['Astronomy', 'Geology'] }))[0].category).toBe('Other');
  });

  it('uses the heading, else General, as category without a taxonomy', () => {
    expect(extractItems(request())[0].category).toBe('Diabetes');
    expect(extractItems(request({ chunk: { ...request().chunk, heading: null } }))[0].category).toBe('General');
  });

  it('avoids earlier texts and varies with the variant', () => {
    const first = extractItems(request({ count: 1 }))[0];
    const avoided = extractItems(request({ count: 1, avoid: [first.question ?? '', first.answer ?? ''] }))[0];
    expect(avoided.question).not.toBe(first.question);
    expect(avoided.answer).not.toBe(first.answer);
    const regenerated = extractItems(request({ count: 1, variant: 1 }))[0];
    expect(regenerated.answer).not.toBe(first.answer);
    expectGrounded(regenerated);
  });

  it('returns fewer items only when the chunk is too short, and none for no prose', () => {
    const short = { id: 'c', text: 'Aspirin is a common pain reliever.', heading: null, documentName: 'a.txt' };
    expect(extractItems(request({ chunk: short, count: 3 }))).toHaveLength(1);
    expect(extractItems(request({ chunk: { ...short, text: '# Only a heading' } }))).toEqual([]);
  });

  it('honours an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(provider.generate(request({ signal: controller.signal }))).rejects.toBeDefined();
  });
});
