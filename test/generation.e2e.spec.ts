import { generateDataset, projectWithDocuments, waitForJob } from './support/api-flow';
import { expectError, expectFieldErrors, expectNotFound, getDataset, ISO_TIME, listEntries, rawJson, UUID } from './support/e2e-http';
import { startTestApp, testBackends, type TestApp } from './support/test-app';

const GENERATE = '/api/v1/datasets/generate';
const EVALUATION = '/api/v1/datasets/generate-evaluation';

describe.each(testBackends())('dataset generation API on %s', (backend) => {
  let t: TestApp;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp(backend);
    projectId = await projectWithDocuments(t, 'cardiology.md');
  });
  afterAll(() => t.close());

  describe('POST /generate', () => {
    it('starts a job whose status reports completion and a result', async () => {
      const res = await t.http
        .post(GENERATE)
        .send({ project_id: projectId, classification_model: 'extractive', datasets_per_chunk: 1 })
        .expect(200);
      expect(res.body).toEqual({
        job_id: expect.stringMatching(UUID),
        message: 'Dataset generation started',
        dataset_id: expect.stringMatching(UUID),
      });
      const job = await waitForJob(t, res.body.job_id);
      expect(job).toMatchObject({
        job_id: res.body.job_id,
        status: 'completed',
        progress: 100,
        current_step: 'Completed 4 of 4 chunks',
        estimated_completion: expect.stringMatching(ISO_TIME),
        error: null,
        result: {
          dataset_id: res.body.dataset_id,
          chunks_processed: 4,
          chunks_failed: 0,
          entries_count: expect.any(Number),
          rejected_count: expect.any(Number),
        },
      });
      const result = job.result as { entries_count: number; rejected_count: number };
      expect(result.entries_count + result.rejected_count).toBe(4);
      const dataset = await getDataset(t, res.body.dataset_id);
      expect(dataset).toMatchObject({
        id: res.body.dataset_id,
        total_entries: result.entries_count,
        rejected_count: result.rejected_count,
        format_type: 'jsonl',
      });
    });

    it('applies the contract defaults and records the model actually used', async () => {
      const { datasetId } = await generateDataset(t, { project_id: projectId });
      const { config } = await getDataset(t, datasetId);
      expect(config).toMatchObject({
        prompt_name: 'qa_pairs',
        generation_mode: 'default',
        format_type: 'jsonl',
        concurrency: 1,
        include_evaluation_sets: false,
        quality_threshold: 0.7,
        analyze_quality: true,
        enable_versioning: false,
        datasets_per_chunk: 3,
        parsing_model: 'gemini',
        chunking_model: 'gemini',
        classification_model: 'extractive',
      });
    });

    it('uses the offline model when classification_model is omitted and no Gemini key is set', async () => {
      const res = await t.http.post(GENERATE).send({ project_id: projectId, datasets_per_chunk: 1 }).expect(200);
      expect((await waitForJob(t, res.body.job_id)).status).toBe('completed');
      expect((await getDataset(t, res.body.dataset_id)).config.classification_model).toBe('extractive');
    });

    it('400 names every bad field in one response', async () => {
      const res = await t.http
        .post(GENERATE)
        .send({ project_id: projectId, concurrency: 0, datasets_per_chunk: 51, quality_threshold: 2, generation_mode: 'bad' });
      expectFieldErrors(res, ['concurrency', 'datasets_per_chunk', 'quality_threshold', 'generation_mode']);
    });

    it('400 at the range limits and on wrong types', async () => {
      expectFieldErrors(
        await t.http.post(GENERATE).send({ project_id: projectId, concurrency: 33, quality_threshold: -0.1, format_type: 'csv' }),
        ['concurrency', 'quality_threshold', 'format_type'],
      );
      expectFieldErrors(await t.http.post(GENERATE).send({ project_id: projectId, analyze_quality: 'yes', datasets_per_chunk: 1.5 }), [
        'analyze_quality',
        'datasets_per_chunk',
      ]);
      expectFieldErrors(await t.http.post(GENERATE).send({}), ['project_id']);
      expectFieldErrors(await t.http.post(GENERATE).send({ project_id: projectId, taxonomy_project: projectId }), ['taxonomy_name']);
    });

    it('400 on an unknown body field and on malformed JSON', async () => {
      expectFieldErrors(await t.http.post(GENERATE).send({ project_id: projectId, temperature: 0.2 }), ['temperature']);
      expectError(await rawJson(t.http.post(GENERATE), '{"project_id": "x",}'), 400);
    });

    it('400 for a model name nobody serves', async () => {
      expectFieldErrors(await t.http.post(GENERATE).send({ project_id: projectId, classification_model: 'gpt-4' }), [
        'classification_model',
      ]);
    });

    it('404 for an unknown project, given as a string or a number', async () => {
      expectNotFound(
        await t.http.post(GENERATE).send({ project_id: 'no-such-project', classification_model: 'extractive' }),
        'project',
        'no-such-project',
      );
      expectNotFound(await t.http.post(GENERATE).send({ project_id: 12345, classification_model: 'extractive' }), 'project', '12345');
    });

    it('404 for an unknown taxonomy_name', async () => {
      expectNotFound(
        await t.http.post(GENERATE).send({ project_id: projectId, classification_model: 'extractive', taxonomy_name: 'Nope' }),
        'taxonomy',
        'Nope',
      );
    });

    it('422 for gemini without GEMINI_API_KEY, naming the setting', async () => {
      const body = expectError(await t.http.post(GENERATE).send({ project_id: projectId, classification_model: 'gemini' }), 422);
      expect(body.message).toContain('GEMINI_API_KEY');
      expectError(await t.http.post(GENERATE).send({ project_id: projectId, classification_model: 'gemini-2.5-flash' }), 422);
    });

    it('422 for a project without chunks', async () => {
      const empty = await projectWithDocuments(t);
      const body = expectError(await t.http.post(GENERATE).send({ project_id: empty, classification_model: 'extractive' }), 422);
      expect(body.message).toContain(empty);
    });

    it('422 for a benchmark suite with no data configured', async () => {
      expectError(
        await t.http.post(GENERATE).send({ project_id: projectId, classification_model: 'extractive', run_benchmarks: true }),
        422,
      );
    });
  });

  describe('GET /generate/:job_id/status', () => {
    it('404 for an unknown job id', async () => {
      expectNotFound(
        await t.http.get('/api/v1/datasets/generate/1f0c6c1e-0000-4000-8000-000000000000/status'),
        'job',
        '1f0c6c1e-0000-4000-8000-000000000000',
      );
      expectNotFound(await t.http.get('/api/v1/datasets/generate/regenerate_nope/status'), 'job', 'regenerate_nope');
    });
  });

  describe('POST /generate-evaluation', () => {
    it('forces evaluation splits on: every entry is in train, validation or test', async () => {
      const res = await t.http
        .post(EVALUATION)
        .send({
          project_id: projectId,
          classification_model: 'extractive',
          include_evaluation_sets: false,
          datasets_per_chunk: 3,
          quality_threshold: 0,
        })
        .expect(200);
      expect(res.body).toEqual({
        job_id: expect.stringMatching(UUID),
        message: 'Evaluation dataset generation started',
        dataset_id: expect.stringMatching(UUID),
      });
      expect((await waitForJob(t, res.body.job_id)).status).toBe('completed');
      const dataset = await getDataset(t, res.body.dataset_id);
      expect(dataset.config.include_evaluation_sets).toBe(true);
      expect(dataset.splits).not.toBeNull();
      const splits = dataset.splits!;
      expect(Object.keys(splits).sort()).toEqual(['test', 'train', 'validation']);
      expect(splits.train + splits.validation + splits.test).toBe(dataset.total_entries);
      expect(splits.train).toBeGreaterThan(splits.test);
      const { entries } = await listEntries(t, res.body.dataset_id);
      for (const e of entries) expect(['train', 'validation', 'test']).toContain(e.split);
      expect(entries.filter((e) => e.split === 'train')).toHaveLength(splits.train);
    });

    it('validates like /generate (400, 404, 422)', async () => {
      expectFieldErrors(await t.http.post(EVALUATION).send({ project_id: projectId, concurrency: 0, bogus: 1 }), ['concurrency', 'bogus']);
      expectNotFound(
        await t.http.post(EVALUATION).send({ project_id: 'missing', classification_model: 'extractive' }),
        'project',
        'missing',
      );
      expectError(await t.http.post(EVALUATION).send({ project_id: projectId, classification_model: 'gemini' }), 422);
    });
  });
});
