import { dedupText, findSplitLeaks } from '@compileo/generation';
import { startFakeGemini, type FakeServer } from '../libs/generation/src/providers/testing';
import { generateDataset, projectWithDocuments, waitForJob } from './support/api-flow';
import { startTestApp, type TestApp } from './support/test-app';

interface Entry {
  readonly id: string;
  readonly question: string | null;
  readonly answer: string | null;
  readonly split: 'train' | 'validation' | 'test';
  readonly metadata: { readonly quality_components?: Record<string, number> };
}

const allEntries = async (t: TestApp, datasetId: string): Promise<Entry[]> =>
  (await t.http.get(`/api/v1/datasets/${datasetId}/entries?per_page=1000`).expect(200)).body.entries;

describe('quality report, leak-free splits and the qa benchmark', () => {
  let t: TestApp;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    projectId = await projectWithDocuments(t, 'diabetes.md', 'cardiology.md', 'notes.txt');
  });
  afterAll(() => t.close());

  it('runs the qa suite on the test split and shows it with the report', async () => {
    const { datasetId, job } = await generateDataset(t, {
      project_id: projectId,
      include_evaluation_sets: true,
      run_benchmarks: true,
      benchmark_suite: 'qa',
      quality_threshold: 0,
    });
    expect(job.status).toBe('completed');
    const dataset = (await t.http.get(`/api/v1/datasets/${datasetId}`).expect(200)).body;
    expect(dataset.benchmarks).toHaveLength(1);
    const [bench] = dataset.benchmarks;
    const testCount = dataset.splits.test as number;
    expect(bench).toMatchObject({ suite: 'qa', model: 'extractive', split: 'test', failures: 0 });
    expect(bench.n).toBeGreaterThan(0);
    expect(bench.n).toBeLessThanOrEqual(testCount);
    // The offline model knows nothing closed-book, and finds the answer sentence in its source chunk.
    expect(bench.closed_book).toEqual({ exact_match: 0, f1: 0 });
    expect(bench.with_context.f1).toBeGreaterThan(0.5);

    expect(dataset.quality_report).toMatchObject({
      entries: dataset.total_entries,
      diversity: { distinct_1: expect.any(Number), distinct_2: expect.any(Number), mean_nearest_similarity: expect.any(Number) },
      category_balance: { categories: Object.keys(dataset.quality_summary.categories).length },
      difficulty_spread: expect.objectContaining({ normalized_entropy: expect.any(Number) }),
    });

    const entries = await allEntries(t, datasetId);
    expect(findSplitLeaks(entries.map((e) => ({ id: e.id, split: e.split, text: dedupText(e) })))).toEqual([]);
  });

  it('422 for a suite without data, naming the available ones, and for qa without splits', async () => {
    const glue = await t.http
      .post('/api/v1/datasets/generate')
      .send({ project_id: projectId, classification_model: 'extractive', run_benchmarks: true })
      .expect(422);
    expect(glue.body.message).toContain('available suites: qa');
    const noSplits = await t.http
      .post('/api/v1/datasets/generate')
      .send({ project_id: projectId, classification_model: 'extractive', run_benchmarks: true, benchmark_suite: 'qa' })
      .expect(422);
    expect(noSplits.body.message).toContain('include_evaluation_sets');
    await t.http
      .post('/api/v1/datasets/generate-evaluation')
      .send({ project_id: projectId, classification_model: 'extractive', run_benchmarks: true, benchmark_suite: 'qa' })
      .expect(200);
  });
});

describe('the rubric judge (a local server speaking the Gemini API)', () => {
  let gemini: FakeServer;
  let t: TestApp;
  beforeAll(async () => {
    // Ratings question 5, answer 4, relevance 5, consistency 3 → 0.25 + 0.35·0.75 + 0.25 + 0.15·0.5 = 0.8375.
    gemini = await startFakeGemini({ kind: 'complete', text: JSON.stringify({ question: 5, answer: 4, relevance: 5, consistency: 3 }) });
    t = await startTestApp('pglite', { GEMINI_API_KEY: 'k', GEMINI_BASE_URL: gemini.url, COMPILEO_JUDGE_MODEL: 'gemini-2.5-flash' });
  });
  afterAll(async () => {
    await t.close();
    await gemini.close();
  });

  it('scores each entry with the weighted rubric beside the heuristic components', async () => {
    const projectId = await projectWithDocuments(t, 'notes.txt');
    const { datasetId } = await generateDataset(t, { project_id: projectId, quality_threshold: 0 });
    const entries = await allEntries(t, datasetId);
    expect(gemini.requests.length).toBe(entries.length);
    for (const e of entries) {
      const c = e.metadata.quality_components!;
      expect(c).toMatchObject({ judge: 0.8375, judge_question: 1, judge_answer: 0.75, judge_relevance: 1, judge_consistency: 0.5 });
      expect(c.grounding).toEqual(expect.any(Number));
    }
  });

  it('scores a regenerated entry with the same judge, so improve_quality compares like with like', async () => {
    const projectId = await projectWithDocuments(t, 'notes.txt');
    const { datasetId } = await generateDataset(t, { project_id: projectId, quality_threshold: 0 });
    const before = gemini.requests.length;
    const regen = await t.http
      .post(`/api/v1/datasets/${datasetId}/regenerate`)
      .send({ entry_ids: ['entry_1'], regeneration_config: { model: 'extractive', improve_quality: true } })
      .expect(200);
    expect((await waitForJob(t, regen.body.job_id)).status).toBe('completed');
    expect(gemini.requests.length).toBeGreaterThan(before);
    const entry = (await allEntries(t, datasetId)).find((e) => e.id === 'entry_1')!;
    expect(entry.metadata.quality_components).toMatchObject({ judge: 0.8375, judge_answer: 0.75 });
  });
});
