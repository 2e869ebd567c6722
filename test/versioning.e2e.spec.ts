import { generateDataset, projectWithDocuments, waitForJob } from './support/api-flow';
import { asBuffer, attachmentName, getDataset } from './support/e2e-http';
import { startTestApp, testBackends, type TestApp } from './support/test-app';

describe.each(testBackends())('dataset versioning on %s', (backend) => {
  let t: TestApp;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp(backend);
    projectId = await projectWithDocuments(t, 'cardiology.md');
  });
  afterAll(() => t.close());

  const versioned = (name: string, extra: Record<string, unknown> = {}) =>
    generateDataset(t, { project_id: projectId, datasets_per_chunk: 1, enable_versioning: true, dataset_name: name, ...extra });
  const downloadName = async (datasetId: string) =>
    attachmentName(await asBuffer(t.http.get(`/api/v1/datasets/${datasetId}/download`)).expect(200));

  it('each generation under a versioned name is a new minor version; edits and regenerations bump the patch', async () => {
    const first = await versioned('cardio_versions');
    const second = await versioned('cardio_versions');
    expect(first.job.result!.version).toBe('1.0.0');
    expect(second.job.result!.version).toBe('1.1.0');
    expect((await getDataset(t, first.datasetId)).version).toBe('1.0.0');
    expect((await getDataset(t, second.datasetId)).version).toBe('1.1.0');
    expect(await downloadName(second.datasetId)).toBe('cardio_versions_v1.1.0.jsonl');

    await t.http.put(`/api/v1/datasets/${second.datasetId}/entries/entry_1`).send({ answer: 'An edited answer.' }).expect(200);
    expect((await getDataset(t, second.datasetId)).version).toBe('1.1.1');
    expect(await downloadName(second.datasetId)).toBe('cardio_versions_v1.1.1.jsonl');

    const regen = await t.http
      .post(`/api/v1/datasets/${second.datasetId}/regenerate`)
      .send({ entry_ids: ['entry_2'], regeneration_config: {} })
      .expect(200);
    expect((await waitForJob(t, regen.body.job_id)).status).toBe('completed');
    expect((await getDataset(t, second.datasetId)).version).toBe('1.1.2');

    expect((await getDataset(t, first.datasetId)).version).toBe('1.0.0');
    expect((await versioned('cardio_versions')).job.result!.version).toBe('1.2.0');
  });

  it('names are versioned independently, and only with enable_versioning', async () => {
    expect((await versioned('other_name')).job.result!.version).toBe('1.0.0');
    const plain = await generateDataset(t, { project_id: projectId, datasets_per_chunk: 1, dataset_name: 'other_name' });
    expect((await getDataset(t, plain.datasetId)).version).toBe('1.0.0');
  });

  it('concurrent generations under one versioned name get distinct versions', async () => {
    const started = await Promise.all(
      [1, 2, 3].map(() =>
        t.http
          .post('/api/v1/datasets/generate')
          .send({
            project_id: projectId,
            classification_model: 'extractive',
            datasets_per_chunk: 1,
            enable_versioning: true,
            dataset_name: 'raced_versions',
          })
          .expect(200),
      ),
    );
    const versions = await Promise.all(started.map(async (res) => (await waitForJob(t, res.body.job_id)).result!.version));
    expect([...versions].sort()).toEqual(['1.0.0', '1.1.0', '1.2.0']);
  });
});
