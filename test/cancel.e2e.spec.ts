import { projectWithDocuments, waitForJob } from './support/api-flow';
import { startTestApp, testBackends, type TestApp } from './support/test-app';
import { syntheticMarkdown } from '@compileo/testing';

const status = async (t: TestApp, jobId: string) => (await t.http.get(`/api/v1/datasets/generate/${jobId}/status`).expect(200)).body;

describe.each(testBackends())('POST /generate/{job_id}/cancel on %s', (backend) => {
  let t: TestApp;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp(backend);
    const project = await t.http.post('/api/v1/projects').send({ name: 'cancel' }).expect(201);
    projectId = project.body.id;
    await t.http
      .post('/api/v1/documents')
      .send({ project_id: projectId, file_name: 'big.md', content: syntheticMarkdown(1000) })
      .expect(201);
  });
  afterAll(() => t.close());

  it('stops a running job within one chunk and keeps what it generated', async () => {
    const started = await t.http
      .post('/api/v1/datasets/generate')
      .send({ project_id: projectId, classification_model: 'extractive' })
      .expect(200);
    const jobId = started.body.job_id;
    for (let s = await status(t, jobId); !(s.status === 'running' && s.progress >= 1); s = await status(t, jobId)) {
      expect(s.status).not.toBe('completed');
      await new Promise((r) => setTimeout(r, 10));
    }
    const cancelled = await t.http.post(`/api/v1/datasets/generate/${jobId}/cancel`).expect(200);
    expect(cancelled.body).toMatchObject({ job_id: jobId, status: 'cancelled', error: null });
    expect(cancelled.body.current_step).toMatch(/^Cancelled after \d+ of 1000 chunks$/);
    expect(cancelled.body.result.chunks_processed).toBeLessThan(1000);

    await new Promise((r) => setTimeout(r, 800));
    const later = await status(t, jobId);
    expect(later.status).toBe('cancelled');
    // At most the chunks already in flight when the cancel landed were recorded afterwards (concurrency 1).
    const dataset = await t.http.get(`/api/v1/datasets/${started.body.dataset_id}`).expect(200);
    expect(dataset.body.status).toBe('cancelled');
    expect(dataset.body.total_entries).toBeGreaterThan(0);
    const entries = await t.http.get(`/api/v1/datasets/${started.body.dataset_id}/entries?per_page=1000`).expect(200);
    const chunksWithEntries = new Set(entries.body.entries.map((e: { source_chunk: string }) => e.source_chunk));
    expect(chunksWithEntries.size).toBeLessThanOrEqual(cancelled.body.result.chunks_processed + 1);
  });

  it('422 for a job that has finished; 404 for an unknown job', async () => {
    const smallProject = await projectWithDocuments(t, 'notes.txt');
    const small = await t.http
      .post('/api/v1/datasets/generate')
      .send({ project_id: smallProject, classification_model: 'extractive' })
      .expect(200);
    expect((await waitForJob(t, small.body.job_id)).status).toBe('completed');
    const res = await t.http.post(`/api/v1/datasets/generate/${small.body.job_id}/cancel`).expect(422);
    expect(res.body.message).toContain('already finished');
    await t.http.post('/api/v1/datasets/generate/00000000-0000-4000-8000-000000000000/cancel').expect(404);
  });
});
