import { generateDataset, projectWithDocuments } from './support/api-flow';
import { storeDigest } from './support/store-digest';
import { startTestApp, testBackends, type TestApp } from './support/test-app';

const PRICES = { extractive: { input_per_million: 1.5, output_per_million: 6 } };

describe.each(testBackends())('POST /generate with dry_run on %s', (backend) => {
  let t: TestApp;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp(backend, { COMPILEO_PRICE_TABLE: JSON.stringify(PRICES) });
    projectId = await projectWithDocuments(t, 'diabetes.md');
  });
  afterAll(() => t.close());

  const dryRun = (body: Record<string, unknown>) =>
    t.http.post('/api/v1/datasets/generate').send({ classification_model: 'extractive', dry_run: true, ...body });

  it('returns the chunks, calls, tokens, cost and duration, and writes nothing (log position unchanged)', async () => {
    const digest = await storeDigest(t);
    const before = await digest();
    const res = await dryRun({ project_id: projectId, datasets_per_chunk: 2, concurrency: 2, dataset_name: 'planned' }).expect(200);
    expect(await digest()).toEqual(before);

    const chunks = (await t.http.get(`/api/v1/chunks/project/${projectId}`).expect(200)).body.chunks;
    const e = res.body;
    expect(e).toMatchObject({ dry_run: true, project_id: projectId, model: 'extractive', version: '1.0.0', chunk_count: 5 });
    expect(e.job_id).toBeUndefined();
    expect(e.chunks.map((c: { id: string }) => c.id)).toEqual(chunks.map((c: { id: string }) => c.id));
    for (const c of e.chunks) expect(c.prompt_tokens).toBeGreaterThan(Math.ceil(c.char_count / 4)); // the template around the text
    expect(e.entries_requested).toBe(10);
    expect(e.model_calls).toEqual({ generation: 5, judge: 0, benchmark: 0, total: 5 });
    const promptTokens = e.chunks.reduce((n: number, c: { prompt_tokens: number }) => n + c.prompt_tokens, 0);
    expect(e.estimated_tokens).toEqual({ input: promptTokens, output: 10 * 120, total: promptTokens + 1200 });
    expect(e.estimated_cost_usd).toBeCloseTo((promptTokens * 1.5 + 1200 * 6) / 1e6, 5);
    expect(e.estimated_duration).toEqual({ seconds: 0, latency_ms_per_call: 5, basis: 'default', observed_jobs: 0, concurrency: 2 });
    expect((await t.http.get('/api/v1/jobs').query({ project_id: projectId }).expect(200)).body.total).toBe(0);
  });

  it('a bad request is the same 4xx with and without dry_run, and nothing is written', async () => {
    const empty = await projectWithDocuments(t);
    const digest = await storeDigest(t);
    const before = await digest();
    const bodies: Record<string, unknown>[] = [
      { project_id: projectId, concurrency: 0, datasets_per_chunk: 51, generation_mode: 'poetry' },
      { project_id: 'no-such-project' },
      { project_id: projectId, taxonomy_name: 'missing' },
      { project_id: projectId, run_benchmarks: true, benchmark_suite: 'glue' },
      { project_id: projectId, classification_model: 'gemini' },
      { project_id: empty },
    ];
    for (const body of bodies) {
      const real = await t.http.post('/api/v1/datasets/generate').send({ classification_model: 'extractive', ...body });
      const dry = await dryRun(body);
      expect(real.status).toBeGreaterThanOrEqual(400);
      expect({ status: dry.status, body: dry.body }).toEqual({ status: real.status, body: real.body });
    }
    expect((await dryRun({ project_id: projectId, dry_run: 'yes' }).expect(400)).body.details).toEqual([
      { field: 'dry_run', message: 'Expected boolean, received string' },
    ]);
    expect(await digest()).toEqual(before);
  });

  it('duration from the model’s observed latency once jobs have run on it; the version a named dataset would get', async () => {
    await generateDataset(t, { project_id: projectId, dataset_name: 'planned', enable_versioning: true });
    const res = await dryRun({ project_id: projectId, dataset_name: 'planned', enable_versioning: true }).expect(200);
    expect(res.body.version).toBe('1.1.0');
    expect(res.body.estimated_duration).toMatchObject({ basis: 'observed', observed_jobs: 1 });
    expect(res.body.estimated_duration.latency_ms_per_call).toBeGreaterThan(0);
    // /generate-evaluation takes dry_run too
    const evaluation = await t.http
      .post('/api/v1/datasets/generate-evaluation')
      .send({ project_id: projectId, classification_model: 'extractive', dry_run: true })
      .expect(200);
    expect(evaluation.body).toMatchObject({ dry_run: true, chunk_count: 5 });
  });
});
