import type { DatasetState, GeneratedItem, GenerationConfig } from '@compileo/domain';
import {
  DuplicateIndex,
  dedupText,
  type GenerationRequest,
  type GenerationResult,
  type Judge,
  type ModelProvider,
} from '@compileo/generation';
import { generationConfig } from '@compileo/testing';
import { drawChunk, scoreChunk, type Draft, type DrawnChunk, type PipelineContext } from './chunk-pipeline';

type Request = NonNullable<DatasetState['request']>;

const CHUNK = {
  id: 'chunk-1',
  text: 'Insulin is a hormone made by the pancreas. It lets cells absorb glucose from the blood. Metformin lowers blood glucose.',
  heading: 'Insulin',
  documentName: 'diabetes.md',
  location: { page_start: 2, page_end: 3 },
};

const GOOD: GeneratedItem = {
  question: 'What does insulin let cells do?',
  answer: 'It lets cells absorb glucose from the blood.',
  category: 'Physiology',
  difficulty: 'intermediate',
};
const OTHER: GeneratedItem = {
  question: 'Which organ makes insulin?',
  answer: 'Insulin is a hormone made by the pancreas.',
  category: 'Physiology',
  difficulty: 'intermediate',
};

const request = (config: Partial<GenerationConfig> = {}, overrides: Partial<Request> = {}): Request => ({
  datasetId: 'ds-1',
  jobId: 'job-1',
  projectId: 'p-1',
  name: 'n',
  version: '1.0.0',
  config: generationConfig(config),
  model: 'fake-model',
  taxonomyId: null,
  categories: null,
  chunkIds: [CHUNK.id],
  splitSeed: 's',
  requestedAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

/** A provider that records each request and answers with `result` (or throws `result` when it is not a result). */
const provider = (result: GenerationResult | (() => Promise<GenerationResult>)): ModelProvider & { seen: GenerationRequest[] } => {
  const seen: GenerationRequest[] = [];
  return {
    name: 'fake',
    seen,
    generate: async (req) => {
      seen.push(req);
      return typeof result === 'function' ? result() : result;
    },
  };
};

const rubric = (s: number) => ({ question: s, answer: s, relevance: s, consistency: s });

const judge = (score = 0.5, usage = { inputTokens: 7, outputTokens: 3 }): Judge & { calls: unknown[] } => {
  const calls: unknown[] = [];
  return {
    model: 'judge-model',
    calls,
    judge: async (req) => {
      calls.push(req);
      return { score, scores: rubric(score), usage };
    },
  };
};

const ctx = (overrides: Partial<PipelineContext> = {}, prices: Record<string, number> = {}): PipelineContext => ({
  request: request(),
  provider: provider({ items: [GOOD], model: 'fake-model' }),
  judge: null,
  models: { costOf: (model, usage) => (model in prices ? prices[model] * (usage.inputTokens + usage.outputTokens) : null) },
  datasetId: 'ds-1',
  ...overrides,
});

const draft = (overrides: Partial<Draft> = {}): Draft => ({
  count: 2,
  negatives: 0,
  variant: 0,
  avoid: [],
  signal: new AbortController().signal,
  augment: false,
  ...overrides,
});

describe('drawChunk', () => {
  it('asks the provider for the chunk with the rendered prompt and the draft settings', async () => {
    const p = provider({ items: [GOOD], model: 'fake-model' });
    const signal = new AbortController().signal;
    const parameters = { purpose: 'exam preparation' };
    await drawChunk(
      ctx({ provider: p, request: request({ generation_mode: 'qa_pairs', parameters }, { categories: ['A', 'B'] }) }),
      CHUNK,
      {
        ...draft({ count: 4, variant: 3, avoid: ['old question'], temperature: 0.3, maxTokens: 99, signal }),
      },
    );
    expect(p.seen).toHaveLength(1);
    const seen = p.seen[0];
    expect(seen).toMatchObject({
      chunk: CHUNK,
      mode: 'qa_pairs',
      count: 4,
      categories: ['A', 'B'],
      parameters,
      variant: 3,
      avoid: ['old question'],
      temperature: 0.3,
      maxTokens: 99,
      signal,
    });
    expect(seen.prompt).toContain(CHUNK.text);
    expect(seen.prompt).toContain('exam preparation');
    expect(seen.promptName).toBe('qa_pairs');
  });

  it('returns what the model drew, with its model, prompt name, usage and invalid items', async () => {
    const invalid = [{ raw: { q: 1 }, reason: 'no answer' }];
    const p = provider({
      items: [GOOD],
      model: 'real-model',
      promptName: 'question',
      usage: { inputTokens: 10, outputTokens: 4 },
      invalid,
    });
    const drawn = await drawChunk(ctx({ provider: p }), CHUNK, draft());
    expect(drawn).toEqual({
      chunk: CHUNK,
      drawn: { items: [GOOD], model: 'real-model', promptName: 'question', usage: { inputTokens: 10, outputTokens: 4 }, invalid },
      verdicts: null,
      usage: { inputTokens: 10, outputTokens: 4, costUsd: null },
      failure: null,
    });
  });

  it("keeps the rendered prompt's name and reports no usage when the provider gives neither", async () => {
    const drawn = await drawChunk(ctx({ provider: provider({ items: [GOOD], model: 'm' }) }), CHUNK, draft());
    expect(drawn?.drawn).toMatchObject({ promptName: 'qa_pairs', usage: null, invalid: [] });
    expect(drawn?.usage).toBeNull();
  });

  it('records a chunk without valid items as a failure, saying how many were invalid', async () => {
    const none = await drawChunk(ctx({ provider: provider({ items: [], model: 'm' }) }), CHUNK, draft());
    expect(none?.failure).toBe('the model produced no valid items for this chunk');
    const invalid = [
      { raw: 1, reason: 'x' },
      { raw: 2, reason: 'y' },
    ];
    const some = await drawChunk(ctx({ provider: provider({ items: [], model: 'm', invalid }) }), CHUNK, draft());
    expect(some?.failure).toBe('the model produced no valid items for this chunk (2 invalid)');
  });

  it('records a failed call as the chunk failure, with the request model and prompt name and no items', async () => {
    const failing = provider(() => Promise.reject(new Error('gemini HTTP 500: boom')));
    const drawn = await drawChunk(ctx({ provider: failing }), CHUNK, draft());
    expect(drawn).toEqual({
      chunk: CHUNK,
      drawn: { items: [], model: 'fake-model', promptName: 'default', usage: null, invalid: [] },
      verdicts: null,
      usage: null,
      failure: 'gemini HTTP 500: boom',
    });
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a provider may reject with a non-Error
    const odd = await drawChunk(ctx({ provider: provider(() => Promise.reject('plain text')) }), CHUNK, draft());
    expect(odd?.failure).toBe('plain text');
  });

  it('strips NUL characters from the items and from the failure (the log cannot store them)', async () => {
    const nul = { ...GOOD, answer: 'It lets cells\u0000 absorb glucose.' };
    const drawn = await drawChunk(ctx({ provider: provider({ items: [nul], model: 'm' }) }), CHUNK, draft());
    expect(drawn?.drawn.items[0].answer).toBe('It lets cells absorb glucose.');
    const failed = await drawChunk(ctx({ provider: provider(() => Promise.reject(new Error('bad\u0000 byte'))) }), CHUNK, draft());
    expect(failed?.failure).toBe('bad byte');
  });

  it('returns null when the job is aborted, whether the call failed or succeeded', async () => {
    const controller = new AbortController();
    const abortingFailure = provider(() => {
      controller.abort();
      return Promise.reject(new Error('aborted'));
    });
    expect(await drawChunk(ctx({ provider: abortingFailure }), CHUNK, draft({ signal: controller.signal }))).toBeNull();
    const second = new AbortController();
    const abortingSuccess = provider(async () => {
      second.abort();
      return { items: [GOOD], model: 'm' };
    });
    expect(await drawChunk(ctx({ provider: abortingSuccess }), CHUNK, draft({ signal: second.signal }))).toBeNull();
  });

  it("adds the request's augmentation variants only when the draft asks for them", async () => {
    const req = request({ parameters: { data_augmentation: 'paraphrase' } });
    const p = provider({ items: [GOOD, OTHER], model: 'm' });
    const plain = await drawChunk(ctx({ request: req, provider: p }), CHUNK, draft({ augment: false }));
    expect(plain?.drawn.items).toEqual([GOOD, OTHER]);
    const augmented = await drawChunk(ctx({ request: req, provider: p }), CHUNK, draft({ augment: true }));
    const items = augmented?.drawn.items ?? [];
    expect(items.length).toBeGreaterThan(2);
    expect(items.slice(0, 2)).toEqual([GOOD, OTHER]);
    expect(items.slice(2).every((i) => i.metadata?.augmentation === 'paraphrase')).toBe(true);
    // Seeded by dataset and chunk: the same draw gives the same variants.
    const again = await drawChunk(ctx({ request: req, provider: p }), CHUNK, draft({ augment: true }));
    expect(again?.drawn.items).toEqual(items);
  });

  it('seeds the augmentation variants by dataset and chunk', async () => {
    const req = request({ parameters: { data_augmentation: 'paraphrase' } });
    const p = provider({ items: [GOOD, OTHER, { ...OTHER, question: 'Why do cells need insulin to absorb glucose?' }], model: 'm' });
    const variants = new Set<string>();
    for (const datasetId of Array.from({ length: 12 }, (_, i) => `ds-${i}`)) {
      const drawn = await drawChunk(ctx({ request: req, provider: p, datasetId }), CHUNK, draft({ augment: true }));
      variants.add(JSON.stringify(drawn?.drawn.items.slice(3).map((i) => i.question)));
    }
    expect(variants.size).toBeGreaterThan(1);
  });

  it("prices the judge's tokens only when it reported some", async () => {
    const on = request({ analyze_quality: true });
    const p = provider({ items: [GOOD], model: 'gen', usage: { inputTokens: 10, outputTokens: 0 } });
    const silentJudge: Judge = { model: 'judge-model', judge: async () => ({ score: 1, scores: rubric(1), usage: null }) };
    const drawn = await drawChunk(ctx({ request: on, judge: silentJudge, provider: p }, { gen: 0.5, 'judge-model': 1 }), CHUNK, draft());
    expect(drawn?.usage).toEqual({ inputTokens: 10, outputTokens: 0, costUsd: 5 });
  });

  it('asks the judge about each item only with analyze_quality on, a judge configured and items to judge', async () => {
    const items = [GOOD, OTHER];
    const on = request({ analyze_quality: true });
    const j = judge(0.8);
    const judged = await drawChunk(ctx({ request: on, judge: j, provider: provider({ items, model: 'm' }) }), CHUNK, draft());
    expect(j.calls).toHaveLength(2);
    expect(j.calls[0]).toMatchObject({ question: GOOD.question, answer: GOOD.answer, context: CHUNK.text });
    expect(judged?.verdicts).toEqual([
      { score: 0.8, scores: rubric(0.8), usage: { inputTokens: 7, outputTokens: 3 } },
      { score: 0.8, scores: rubric(0.8), usage: { inputTokens: 7, outputTokens: 3 } },
    ]);

    const off = judge();
    const notAsked = await drawChunk(ctx({ judge: off, provider: provider({ items, model: 'm' }) }), CHUNK, draft());
    expect(off.calls).toHaveLength(0);
    expect(notAsked?.verdicts).toBeNull();

    const empty = judge();
    const nothing = await drawChunk(ctx({ request: on, judge: empty, provider: provider({ items: [], model: 'm' }) }), CHUNK, draft());
    expect(empty.calls).toHaveLength(0);
    expect(nothing?.verdicts).toBeNull();

    const noJudge = await drawChunk(ctx({ request: on, judge: null, provider: provider({ items, model: 'm' }) }), CHUNK, draft());
    expect(noJudge?.verdicts).toBeNull();
  });

  it("sums the model's and the judge's tokens, and prices each with its own model", async () => {
    const on = request({ analyze_quality: true });
    const p = provider({ items: [GOOD, OTHER], model: 'gen', usage: { inputTokens: 100, outputTokens: 50 } });
    const priced = await drawChunk(ctx({ request: on, judge: judge(), provider: p }, { gen: 0.01, 'judge-model': 0.001 }), CHUNK, draft());
    // 2 judge calls of 7 + 3 tokens.
    expect(priced?.usage?.inputTokens).toBe(114);
    expect(priced?.usage?.outputTokens).toBe(56);
    expect(priced?.usage?.costUsd).toBeCloseTo(150 * 0.01 + 20 * 0.001, 10);

    const judgeOnlyPrice = await drawChunk(ctx({ request: on, judge: judge(), provider: p }, { 'judge-model': 0.001 }), CHUNK, draft());
    expect(judgeOnlyPrice?.usage?.costUsd).toBeCloseTo(0.02, 10);

    const unpriced = await drawChunk(ctx({ request: on, judge: judge(), provider: p }), CHUNK, draft());
    expect(unpriced?.usage).toEqual({ inputTokens: 114, outputTokens: 56, costUsd: null });

    const noModelUsage = provider({ items: [GOOD], model: 'gen' });
    const judgeTokens = await drawChunk(ctx({ request: on, judge: judge(), provider: noModelUsage }, { gen: 1 }), CHUNK, draft());
    expect(judgeTokens?.usage).toEqual({ inputTokens: 7, outputTokens: 3, costUsd: null });
  });
});

const drawnChunk = (items: readonly GeneratedItem[], overrides: Partial<DrawnChunk> = {}): DrawnChunk => ({
  chunk: CHUNK,
  drawn: { items, model: 'gen', promptName: 'qa_pairs', usage: null, invalid: [] },
  verdicts: null,
  usage: null,
  failure: null,
  ...overrides,
});

const NOW = '2025-02-02T00:00:00.000Z';

describe('scoreChunk', () => {
  it("turns each item into an entry's content with the chunk's provenance", () => {
    const [entry] = scoreChunk(ctx(), drawnChunk([GOOD]), new DuplicateIndex(), NOW);
    expect(entry).toEqual({
      question: GOOD.question,
      answer: GOOD.answer,
      category: 'Physiology',
      difficulty: 'intermediate',
      qualityScore: null,
      qualityComponents: null,
      metadata: {
        model: 'gen',
        generation_time: NOW,
        chunk_length: CHUNK.text.length,
        mode: 'default',
        prompt_name: 'qa_pairs',
        document: 'diabetes.md',
        heading: 'Insulin',
        page_start: 2,
        page_end: 3,
      },
    });
  });

  it("gives each entry its share of the chunk's tokens, rounded", () => {
    const usage = { inputTokens: 100, outputTokens: 50, costUsd: null };
    const entries = scoreChunk(
      ctx(),
      drawnChunk([GOOD, OTHER, { ...OTHER, question: 'Where is insulin made?' }], { usage }),
      new DuplicateIndex(),
      NOW,
    );
    expect(entries.map((e) => e.metadata.usage)).toEqual([
      { input_tokens: 33, output_tokens: 17 },
      { input_tokens: 33, output_tokens: 17 },
      { input_tokens: 33, output_tokens: 17 },
    ]);
    const [none] = scoreChunk(ctx(), drawnChunk([GOOD]), new DuplicateIndex(), NOW);
    expect(none.metadata).not.toHaveProperty('usage');
  });

  it('marks an item that repeats an entry of the dataset with that entry and its similarity', () => {
    const index = new DuplicateIndex();
    index.add('entry_7', dedupText(GOOD));
    const [dup, fresh] = scoreChunk(ctx(), drawnChunk([GOOD, OTHER]), index, NOW);
    expect(dup).toMatchObject({ duplicateOf: { entryId: 'entry_7', similarity: 1 } });
    expect(fresh).not.toHaveProperty('duplicateOf');
  });

  it('marks an item that repeats an earlier sibling with its batch index, but not a variant of its own origin', () => {
    const variant = { ...GOOD, metadata: { augmentation: 'paraphrase', augmented_from: 0 } };
    const [first, second, third] = scoreChunk(ctx(), drawnChunk([GOOD, OTHER, GOOD]), new DuplicateIndex(), NOW);
    expect(first).not.toHaveProperty('duplicateOf');
    expect(second).not.toHaveProperty('duplicateOf');
    expect(third).toMatchObject({ duplicateOf: { batchIndex: 0, similarity: 1 } });
    const [, own] = scoreChunk(ctx(), drawnChunk([GOOD, variant]), new DuplicateIndex(), NOW);
    expect(own).not.toHaveProperty('duplicateOf');
    const [, , foreign] = scoreChunk(
      ctx(),
      drawnChunk([OTHER, GOOD, { ...variant, metadata: { augmented_from: 0 } }]),
      new DuplicateIndex(),
      NOW,
    );
    expect(foreign).toMatchObject({ duplicateOf: { batchIndex: 1 } });
  });

  it('lets a regenerated entry resemble the entry it replaces, not another one', () => {
    const index = new DuplicateIndex();
    index.add('entry_1', dedupText(GOOD));
    const [self] = scoreChunk(ctx(), drawnChunk([GOOD]), index, NOW, 'entry_1');
    expect(self).not.toHaveProperty('duplicateOf');
    const [other] = scoreChunk(ctx(), drawnChunk([GOOD]), index, NOW, 'entry_2');
    expect(other).toMatchObject({ duplicateOf: { entryId: 'entry_1' } });
  });

  it('scores with analyze_quality on, and a duplicate loses its uniqueness', () => {
    const on = ctx({ request: request({ analyze_quality: true }) });
    const index = new DuplicateIndex();
    index.add('entry_1', dedupText(OTHER));
    const [good, dup] = scoreChunk(on, drawnChunk([GOOD, OTHER]), index, NOW);
    expect(good.qualityScore).toBeGreaterThanOrEqual(0.7);
    expect(good.qualityComponents).toMatchObject({ uniqueness: 1 });
    expect(dup.qualityComponents).toMatchObject({ uniqueness: 0 });
    expect(dup.qualityScore).toBeLessThan(good.qualityScore as number);
  });

  it("blends the judge's verdict into the score, or marks the entry when the judge failed on it", () => {
    const on = ctx({ request: request({ analyze_quality: true }) });
    const [alone] = scoreChunk(on, drawnChunk([GOOD]), new DuplicateIndex(), NOW);
    const verdicts = [{ score: 0, scores: { relevance: 0 }, usage: null }, { error: 'judge-model: HTTP 500' }];
    const [judged, failed] = scoreChunk(on, drawnChunk([GOOD, OTHER], { verdicts }), new DuplicateIndex(), NOW);
    expect(judged.qualityScore).toBeCloseTo((alone.qualityScore as number) / 2, 3);
    expect(judged.qualityComponents).toMatchObject({ judge: 0, judge_relevance: 0 });
    expect(judged.metadata).not.toHaveProperty('judge_error');
    expect(failed.metadata.judge_error).toBe('judge-model: HTTP 500');
    expect(failed.qualityComponents).not.toHaveProperty('judge');
  });
});
