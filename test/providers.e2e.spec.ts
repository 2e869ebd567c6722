import {
  startFakeGemini,
  startFakeOllama,
  startFakeOpenAI,
  type FakeReply,
  type FakeServer,
  type RecordedRequest,
} from '../libs/generation/src/providers/testing';
import { projectWithDocuments, waitForJob } from './support/api-flow';
import { startTestApp, type TestApp } from './support/test-app';

/** Two grounded items whose questions are unique to this call, as a model would answer. */
const items = (tag: string | number) => [
  {
    question: `What does section ${tag} say about diabetes?`,
    answer: 'Diabetes is diagnosed by testing the level of glucose in the blood.',
    category: 'Diagnosis',
    difficulty: 'medium',
  },
  {
    question: `Which treatment does section ${tag} recommend first?`,
    answer: 'Metformin is generally recommended as the first-line treatment for type 2 diabetes.',
    category: 'Treatment',
    difficulty: 'hard',
  },
];

const complete = (text: string): FakeReply => ({ kind: 'complete', text, inputTokens: 100, outputTokens: 40 });

describe('generation with Gemini through the whole service (a local server speaking the Gemini API)', () => {
  let gemini: FakeServer;
  let t: TestApp;
  let projectId: string;

  beforeAll(async () => {
    gemini = await startFakeGemini(
      (request: RecordedRequest, index: number): FakeReply => {
        if (request.rawBody.includes('Complications')) return { kind: 'error', status: 400, message: 'request blocked' };
        if (index === 0) return { kind: 'error', status: 429, retryAfter: '1' };
        if (index === 1) return { kind: 'error', status: 503 };
        if (index === 2) return complete('```json\n' + JSON.stringify({ items: [items(index)[0], { question: 42 }] }) + '\n```');
        if (index === 3) return complete(JSON.stringify([items(index)[1]]).slice(0, -3));
        return complete(JSON.stringify({ items: items(index) }));
      },
      { apiKey: 'test-key' },
    );
    t = await startTestApp('pglite', {
      GEMINI_API_KEY: 'test-key',
      GEMINI_BASE_URL: gemini.url,
      COMPILEO_PRICE_TABLE: JSON.stringify({ 'gemini-2.5-flash': { input_per_million: 0.3, output_per_million: 2.5 } }),
    });
    projectId = await projectWithDocuments(t, 'diabetes.md');
  });
  afterAll(async () => {
    await t.close();
    await gemini.close();
  });

  it('retries 429 and 5xx, repairs fenced and truncated JSON, tops up, records invalid items, failures, tokens and cost', async () => {
    const started = await t.http
      .post('/api/v1/datasets/generate')
      .send({ project_id: projectId, classification_model: 'gemini-2.5-flash', datasets_per_chunk: 2, quality_threshold: 0 })
      .expect(200);
    const job = await waitForJob(t, started.body.job_id);
    const chunks = (await t.http.get(`/api/v1/chunks/project/${projectId}`).expect(200)).body.total as number;
    expect(job.status).toBe('completed');
    const status = (await t.http.get(`/api/v1/datasets/generate/${started.body.job_id}/status`).expect(200)).body;
    expect(status.chunk_failures).toEqual([expect.objectContaining({ reason: expect.stringContaining('request blocked') })]);
    expect(status.result).toMatchObject({ chunks_processed: chunks, chunks_failed: 1, entries_count: (chunks - 1) * 2 });
    expect(status.invalid_items).toBeGreaterThanOrEqual(1);
    expect(status.usage.input_tokens).toBeGreaterThan(0);
    expect(status.usage.cost_usd).toBeCloseTo((status.usage.input_tokens * 0.3 + status.usage.output_tokens * 2.5) / 1e6, 9);

    const calls = gemini.requests.filter((r) => !r.rawBody.includes('Complications'));
    expect(calls.length).toBe(chunks - 1 + 2 + 1); // one per chunk, two retries, one top-up
    expect(calls[3].rawBody).toContain('do not repeat');
    const body = calls[0].body as { generationConfig: { responseMimeType: string; responseSchema: unknown } };
    expect(body.generationConfig.responseMimeType).toBe('application/json');
    expect(body.generationConfig.responseSchema).toBeDefined();

    const dataset = (await t.http.get(`/api/v1/datasets/${started.body.dataset_id}`).expect(200)).body;
    expect(dataset.model).toBe('gemini-2.5-flash');
    expect(dataset.usage.input_tokens).toBe(status.usage.input_tokens);
    const entries = (await t.http.get(`/api/v1/datasets/${started.body.dataset_id}/entries?per_page=100`).expect(200)).body.entries;
    expect(entries[0].metadata).toMatchObject({
      model: 'gemini-2.5-flash',
      usage: { input_tokens: expect.any(Number), output_tokens: expect.any(Number) },
    });
    expect(new Set(entries.map((e: { difficulty: string }) => e.difficulty))).toEqual(new Set(['intermediate', 'advanced']));
  });
});

describe.each([
  ['ollama', 'ollama:llama3.1', startFakeOllama, (url: string) => ({ OLLAMA_HOST: url })],
  [
    'an OpenAI-compatible server',
    'openai:gpt-4o-mini',
    startFakeOpenAI,
    (url: string) => ({ OPENAI_BASE_URL: `${url}/v1`, OPENAI_API_KEY: 'k' }),
  ],
] as const)('generation with %s through the whole service', (_name, model, start, env) => {
  it(`generates with ${model} and records the model`, async () => {
    const server = await start((_request: RecordedRequest, index: number): FakeReply => complete(JSON.stringify({ items: items(index) })));
    const t = await startTestApp('pglite', env(server.url));
    try {
      const projectId = await projectWithDocuments(t, 'notes.txt');
      const started = await t.http
        .post('/api/v1/datasets/generate')
        .send({ project_id: projectId, classification_model: model, datasets_per_chunk: 2, quality_threshold: 0 })
        .expect(200);
      const job = await waitForJob(t, started.body.job_id);
      expect(job.status).toBe('completed');
      expect(server.requests.length).toBeGreaterThan(0);
      const dataset = (await t.http.get(`/api/v1/datasets/${started.body.dataset_id}`).expect(200)).body;
      expect(dataset.model).toBe(model);
      expect(dataset.total_entries).toBe(2 * (job.result!.chunks_processed as number));
    } finally {
      await t.close();
      await server.close();
    }
  });
});

/** Polls until `check` holds. No deadline: the test's timeout is the hang guard. */
const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
};

describe('cancelling a job or stopping the service aborts model calls in flight', () => {
  it('stopping the service drops the call it was waiting on', async () => {
    const gemini = await startFakeGemini({ kind: 'hang' });
    const t = await startTestApp('pglite', { GEMINI_API_KEY: 'k', GEMINI_BASE_URL: gemini.url, COMPILEO_MODEL_TIMEOUT_MS: '120000' });
    try {
      const projectId = await projectWithDocuments(t, 'notes.txt');
      await t.http.post('/api/v1/datasets/generate').send({ project_id: projectId, classification_model: 'gemini' }).expect(200);
      await until(() => gemini.requests.length > 0); // the model call
    } finally {
      await t.close();
    }
    await until(() => gemini.requests[0].aborted); // the call to be aborted
    await gemini.close();
  });

  it('the request the worker was waiting on is dropped when the job is cancelled', async () => {
    const gemini = await startFakeGemini({ kind: 'hang' });
    const t = await startTestApp('pglite', { GEMINI_API_KEY: 'k', GEMINI_BASE_URL: gemini.url, COMPILEO_MODEL_TIMEOUT_MS: '120000' });
    try {
      const projectId = await projectWithDocuments(t, 'notes.txt');
      const started = await t.http
        .post('/api/v1/datasets/generate')
        .send({ project_id: projectId, classification_model: 'gemini' })
        .expect(200);
      await until(() => gemini.requests.length > 0); // the model call
      expect(gemini.requests[0].aborted).toBe(false);
      await t.http.post(`/api/v1/datasets/generate/${started.body.job_id}/cancel`).expect(200);
      await until(() => gemini.requests[0].aborted); // the call to be aborted
      expect((await waitForJob(t, started.body.job_id)).status).toBe('cancelled');
    } finally {
      await t.close();
      await gemini.close();
    }
  });
});
