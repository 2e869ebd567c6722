import { startFakeGemini, type FakeServer } from '../libs/generation/src/providers/testing';
import { generateDataset, projectWithDocuments, waitForJob } from './support/api-flow';
import { getDataset, listEntries } from './support/e2e-http';
import { startTestApp, testBackends, type TestApp } from './support/test-app';

/**
 * Issue 8: failures show. A local server speaking the Gemini API refuses every call (400), so the
 * configured judge rates nothing and a regeneration on `gemini` replaces nothing.
 */
describe.each(testBackends())('failures that show, on %s', (backend) => {
  let gemini: FakeServer;
  let t: TestApp;
  let datasetId: string;
  let generation: Awaited<ReturnType<typeof generateDataset>>['job'];
  beforeAll(async () => {
    gemini = await startFakeGemini({ kind: 'error', status: 400, message: 'request refused by the test server' });
    t = await startTestApp(backend, { GEMINI_API_KEY: 'k', GEMINI_BASE_URL: gemini.url, COMPILEO_JUDGE_MODEL: 'gemini-2.5-flash' });
    const projectId = await projectWithDocuments(t, 'notes.txt');
    ({ datasetId, job: generation } = await generateDataset(t, { project_id: projectId, quality_threshold: 0, datasets_per_chunk: 2 }));
  });
  afterAll(async () => {
    await t?.close();
    await gemini?.close();
  });

  it('judge failures are counted on the job and marked on each entry, which keeps its heuristic score', async () => {
    const { entries } = await listEntries(t, datasetId);
    expect(entries.length).toBeGreaterThan(0);
    expect(gemini.requests.length).toBeGreaterThanOrEqual(entries.length);
    expect(generation.status).toBe('completed');
    expect((generation as unknown as { judge_failures: number }).judge_failures).toBe(entries.length);
    for (const e of entries) {
      expect(e.metadata.judge_error).toEqual(expect.stringContaining('gemini-2.5-flash'));
      expect(e.metadata.quality_components).not.toHaveProperty('judge');
      expect(e.quality_score).toEqual(expect.any(Number));
    }
  });

  it('a regeneration whose every entry fails is failed, with its error, and bumps nothing', async () => {
    const before = await getDataset(t, datasetId);
    const { entries: entriesBefore } = await listEntries(t, datasetId);
    const res = await t.http
      .post(`/api/v1/datasets/${datasetId}/regenerate`)
      .send({ entry_ids: ['entry_1', 'entry_2'], regeneration_config: { model: 'gemini' } })
      .expect(200);
    const job = await waitForJob(t, res.body.job_id);
    expect(job.status).toBe('failed');
    expect(job.progress).toBeLessThan(100);
    expect(job.error).toMatch(/^every entry failed to regenerate \(2 of 2\); first: entry_1: /);
    expect(job.result).toMatchObject({ entries_regenerated: 0, failed: [{ entryId: 'entry_1' }, { entryId: 'entry_2' }] });
    const after = await getDataset(t, datasetId);
    expect(after.version).toBe(before.version);
    expect((await listEntries(t, datasetId)).entries).toEqual(entriesBefore);
  });
});
