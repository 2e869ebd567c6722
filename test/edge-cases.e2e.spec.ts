import { generateDataset, projectWithDocuments } from './support/api-flow';
import { asBuffer, getDataset } from './support/e2e-http';
import { startTestApp, type TestApp } from './support/test-app';

describe('edge cases found in review', () => {
  let t: TestApp;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    projectId = await projectWithDocuments(t, 'notes.txt');
  });
  afterAll(() => t.close());

  it('a NUL character in any text field is a 400 naming the field, never a 500', async () => {
    const res = await t.http.post('/api/v1/projects').send({ name: 'bad\u0000name' }).expect(400);
    expect(res.body.details).toEqual([{ field: 'name', message: expect.stringContaining('NUL') }]);
    await t.http.post('/api/v1/documents').send({ project_id: projectId, file_name: 'x.md', content: 'a\u0000b' }).expect(400);
  });

  it('a NUL character inside an uploaded file is dropped, not stored', async () => {
    const res = await t.http
      .post('/api/v1/documents/upload')
      .field('project_id', projectId)
      .attach('files', Buffer.from('# T\n\nAlpha\u0000 beta gamma delta.'), 't.md')
      .expect(201);
    const chunks = (await t.http.get(`/api/v1/chunks/document/${res.body.documents[0].id}`).expect(200)).body.chunks;
    expect(chunks[0].text).toContain('Alpha beta gamma');
  });

  it('an absurd page number is a 400', async () => {
    const { datasetId } = await generateDataset(t, { project_id: projectId });
    const res = await t.http.get(`/api/v1/datasets/${datasetId}/entries?page=100000000000000000000`).expect(400);
    expect(res.body.details[0].field).toBe('page');
  });

  it('an unknown prompt_name is a 400 naming the choices', async () => {
    const res = await t.http.post('/api/v1/datasets/generate').send({ project_id: projectId, prompt_name: 'my_prompt' }).expect(400);
    expect(res.body.details[0]).toEqual({ field: 'prompt_name', message: expect.stringContaining('evaluation_qa') });
  });

  it('feedback alone does not make a new version of the entry or the dataset', async () => {
    const { datasetId } = await generateDataset(t, { project_id: projectId });
    const res = await t.http
      .put(`/api/v1/datasets/${datasetId}/entries/entry_1`)
      .send({ feedback: 'looks fine', expected_version: 1 })
      .expect(200);
    expect(res.body.version).toBe(1);
    expect((await getDataset(t, datasetId)).version).toBe('1.0.0');
    await t.http.put(`/api/v1/datasets/${datasetId}/entries/entry_1`).set('If-Match', '"1"').send({ answer: 'Edited.' }).expect(200);
  });

  it('editing an instruction-mode entry changes its output, in the API and the alpaca export', async () => {
    const { datasetId } = await generateDataset(t, { project_id: projectId, generation_mode: 'instruction' });
    await t.http
      .put(`/api/v1/datasets/${datasetId}/entries/entry_1`)
      .send({ question: 'New instruction.', answer: 'New output.' })
      .expect(200);
    const entries = (await t.http.get(`/api/v1/datasets/${datasetId}/entries?sort_by=category&per_page=1000`).expect(200)).body.entries;
    expect(entries.find((e: { id: string }) => e.id === 'entry_1')).toMatchObject({
      instruction: 'New instruction.',
      output: 'New output.',
      answer: 'New output.',
    });
    const alpaca = (await asBuffer(t.http.get(`/api/v1/datasets/${datasetId}/download?format=alpaca`)).expect(200)).body as Buffer;
    expect(alpaca.toString('utf8')).toContain('"instruction":"New instruction."');
    expect(alpaca.toString('utf8')).toContain('"output":"New output."');
  });

  it('a versioned generation moves past an earlier unversioned one of the same name', async () => {
    const first = await generateDataset(t, { project_id: projectId, dataset_name: 'edge_names' });
    const second = await generateDataset(t, { project_id: projectId, dataset_name: 'edge_names', enable_versioning: true });
    expect((await getDataset(t, first.datasetId)).version).toBe('1.0.0');
    expect((await getDataset(t, second.datasetId)).version).toBe('1.1.0');
  });
});
