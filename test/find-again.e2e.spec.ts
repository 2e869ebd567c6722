import { fixture, generateDataset, projectWithDocuments, waitForJob } from './support/api-flow';
import { expectError, expectFieldErrors, expectNotFound } from './support/e2e-http';
import { storeDigest } from './support/store-digest';
import { startTestApp, testBackends, type TestApp } from './support/test-app';

describe.each(testBackends())('finding things again on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t.close());

  const upload = (projectId: string, fileName: string, content: string) =>
    t.http.post('/api/v1/documents').send({ project_id: projectId, file_name: fileName, content });

  describe('GET /api/v1/datasets?project_id=', () => {
    it('pages a project’s datasets newest first, with totals, and only that project’s', async () => {
      const projectId = await projectWithDocuments(t, 'notes.txt');
      const other = await projectWithDocuments(t, 'notes.txt');
      const names = ['first', 'second', 'third'];
      const ids: string[] = [];
      for (const name of names) ids.push((await generateDataset(t, { project_id: projectId, dataset_name: name })).datasetId);
      await generateDataset(t, { project_id: other, dataset_name: 'elsewhere' });

      const all = await t.http.get('/api/v1/datasets').query({ project_id: projectId }).expect(200);
      expect(all.body).toMatchObject({ total: 3, page: 1, per_page: 50 });
      expect(all.body.datasets.map((d: { id: string }) => d.id)).toEqual([...ids].reverse());
      expect(all.body.datasets[0]).toMatchObject({
        id: ids[2],
        name: 'third',
        project_id: projectId,
        status: 'completed',
        version: '1.0.0',
      });
      expect(all.body.datasets[0].entries).toBeUndefined();

      const second = await t.http.get('/api/v1/datasets').query({ project_id: projectId, page: 2, per_page: 2 }).expect(200);
      expect(second.body).toMatchObject({ total: 3, page: 2, per_page: 2 });
      expect(second.body.datasets.map((d: { name: string }) => d.name)).toEqual(['first']);
    });

    it('400 names the bad or missing parameter; 404 for an unknown project', async () => {
      expectFieldErrors(await t.http.get('/api/v1/datasets'), ['project_id']);
      const projectId = await projectWithDocuments(t);
      expectFieldErrors(await t.http.get('/api/v1/datasets').query({ project_id: projectId, page: 0, per_page: 1001 }), [
        'page',
        'per_page',
      ]);
      expectFieldErrors(await t.http.get('/api/v1/datasets').query({ project_id: projectId, per_page: 'ten', sort: 'x' }), [
        'per_page',
        'sort',
      ]);
      expectNotFound(await t.http.get('/api/v1/datasets').query({ project_id: 'no-such-project' }), 'project', 'no-such-project');
    });
  });

  describe('GET /api/v1/jobs?project_id=&status=', () => {
    it('lists generation and regeneration jobs newest first, filtered by status', async () => {
      const projectId = await projectWithDocuments(t, 'notes.txt');
      const { datasetId, job } = await generateDataset(t, { project_id: projectId });
      const regen = await t.http
        .post(`/api/v1/datasets/${datasetId}/regenerate`)
        .send({ entry_ids: ['entry_1'], regeneration_config: { model: 'extractive' } })
        .expect(200);
      await waitForJob(t, regen.body.job_id);

      const jobs = await t.http.get('/api/v1/jobs').query({ project_id: projectId }).expect(200);
      expect(jobs.body).toMatchObject({ total: 2, page: 1, per_page: 50 });
      expect(jobs.body.jobs.map((j: { job_id: string; kind: string }) => [j.job_id, j.kind])).toEqual([
        [regen.body.job_id, 'regeneration'],
        [job.job_id, 'generation'],
      ]);
      for (const j of jobs.body.jobs) expect(j).toMatchObject({ project_id: projectId, dataset_id: datasetId, status: 'completed' });

      const completed = await t.http.get('/api/v1/jobs').query({ project_id: projectId, status: 'completed', per_page: 1 }).expect(200);
      expect(completed.body).toMatchObject({ total: 2, per_page: 1 });
      expect(completed.body.jobs).toHaveLength(1);
      const running = await t.http.get('/api/v1/jobs').query({ project_id: projectId, status: 'running' }).expect(200);
      expect(running.body).toEqual({ jobs: [], total: 0, page: 1, per_page: 50 });
    });

    it('400 for a status that is not a job status, naming the statuses', async () => {
      const projectId = await projectWithDocuments(t);
      const [problem] = expectFieldErrors(await t.http.get('/api/v1/jobs').query({ project_id: projectId, status: 'done' }), ['status']);
      expect(problem.message).toBe('must be one of pending, running, completed, failed, cancelled');
      expectFieldErrors(await t.http.get('/api/v1/jobs').query({ status: 'running' }), ['project_id']);
      expectNotFound(await t.http.get('/api/v1/jobs').query({ project_id: 'nope' }), 'project', 'nope');
    });
  });

  describe('GET /api/v1/documents?project_id=', () => {
    it('pages a project’s documents newest first, each with its content hash', async () => {
      const projectId = await projectWithDocuments(t, 'notes.txt', 'diabetes.md', 'cardiology.md');
      const docs = await t.http.get('/api/v1/documents').query({ project_id: projectId }).expect(200);
      expect(docs.body).toMatchObject({ total: 3, page: 1, per_page: 50 });
      expect(docs.body.documents.map((d: { file_name: string }) => d.file_name)).toEqual(['cardiology.md', 'diabetes.md', 'notes.txt']);
      expect(docs.body.documents[0].content_sha256).toMatch(/^[0-9a-f]{64}$/);
      const page = await t.http.get('/api/v1/documents').query({ project_id: projectId, page: 3, per_page: 1 }).expect(200);
      expect(page.body.documents.map((d: { file_name: string }) => d.file_name)).toEqual(['notes.txt']);
      expectFieldErrors(await t.http.get('/api/v1/documents').query({ project_id: projectId, page: 'x' }), ['page']);
    });
  });

  describe('duplicate uploads', () => {
    it('JSON: the same content again is a 409 naming the document, whatever the file name; nothing is written', async () => {
      const projectId = await projectWithDocuments(t);
      const content = await fixture('diabetes.md');
      const first = (await upload(projectId, 'diabetes.md', content).expect(201)).body.documents[0];
      const digest = await storeDigest(t);
      const before = await digest();
      const body = expectError(await upload(projectId, 'renamed.md', content), 409);
      expect(body.message).toContain(`document ${first.id} (diabetes.md) in this project has the same content`);
      expect(body.details).toEqual([{ field: 'content', message: body.message }]);
      expect(await digest()).toEqual(before);
      // another project may hold the same content; other content is no duplicate
      await upload(await projectWithDocuments(t), 'diabetes.md', content).expect(201);
      await upload(projectId, 'diabetes.md', `${content}\nOne more line.`).expect(201);
    });

    it('allow_duplicate=true (body or query) records another copy under its own id', async () => {
      const projectId = await projectWithDocuments(t);
      const content = await fixture('notes.txt');
      const first = (await upload(projectId, 'notes.txt', content).expect(201)).body.documents[0];
      const again = await t.http
        .post('/api/v1/documents')
        .send({ project_id: projectId, file_name: 'notes.txt', content, allow_duplicate: true })
        .expect(201);
      const viaQuery = await t.http
        .post('/api/v1/documents?allow_duplicate=true')
        .send({ project_id: projectId, file_name: 'notes.txt', content })
        .expect(201);
      const ids = [first.id, again.body.documents[0].id, viaQuery.body.documents[0].id];
      expect(new Set(ids).size).toBe(3);
      expect(again.body.documents[0].content_sha256).toBe(first.content_sha256);
      // a later plain upload still names the first copy
      expect(expectError(await upload(projectId, 'n.txt', content), 409).message).toContain(`${first.id} (notes.txt)`);
      expectFieldErrors(
        await t.http.post('/api/v1/documents').send({ project_id: projectId, file_name: 'a.txt', content, allow_duplicate: 'yes' }),
        ['allow_duplicate'],
      );
      expectFieldErrors(
        await t.http.post('/api/v1/documents?allow_duplicate=1').send({ project_id: projectId, file_name: 'a.txt', content }),
        ['allow_duplicate'],
      );
    });

    it('multipart: a file the project holds is a 409 naming its field and the document; allow_duplicate as a field or query', async () => {
      const projectId = await projectWithDocuments(t, 'cardiology.md');
      const existing = (await t.http.get('/api/v1/documents').query({ project_id: projectId }).expect(200)).body.documents[0];
      const cardiology = Buffer.from(await fixture('cardiology.md'));
      const fresh = Buffer.from('# Fresh\n\nA file the project does not hold yet.');
      const digest = await storeDigest(t);
      const before = await digest();
      const res = await t.http
        .post('/api/v1/documents/upload')
        .field('project_id', projectId)
        .attach('files', fresh, 'fresh.md')
        .attach('files', cardiology, 'copy.md');
      const body = expectError(res, 409);
      expect(body.details).toEqual([{ field: 'files.1', message: expect.stringContaining(`${existing.id} (cardiology.md)`) }]);
      expect(await digest()).toEqual(before);

      const twice = await t.http
        .post('/api/v1/documents/upload')
        .field('project_id', projectId)
        .attach('files', fresh, 'a.md')
        .attach('files', fresh, 'b.md');
      expect(expectFieldErrors(twice, ['files.1'])[0].message).toContain('same content as files.0 (a.md)');

      await t.http
        .post('/api/v1/documents/upload')
        .field('project_id', projectId)
        .field('allow_duplicate', 'true')
        .attach('files', cardiology, 'c.md')
        .expect(201);
      await t.http
        .post('/api/v1/documents/upload?allow_duplicate=true')
        .field('project_id', projectId)
        .attach('files', cardiology, 'd.md')
        .expect(201);
      expectFieldErrors(
        await t.http
          .post('/api/v1/documents/upload')
          .field('project_id', projectId)
          .field('allow_duplicate', 'maybe')
          .attach('files', fresh, 'e.md'),
        ['allow_duplicate'],
      );
      expect((await t.http.get(`/api/v1/projects/${projectId}`).expect(200)).body.document_count).toBe(3);
    });

    it('concurrent uploads of one file: exactly one is recorded, the others are 409s naming it', async () => {
      const projectId = await projectWithDocuments(t);
      const content = await fixture('cardiology.md');
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(projectId, `copy-${i}.md`, content)));
      const created = results.filter((r) => r.status === 201);
      expect(created).toHaveLength(1);
      const winner = created[0].body.documents[0];
      for (const r of results.filter((one) => one.status !== 201))
        expect(expectError(r, 409).message).toContain(`document ${winner.id} (${winner.file_name})`);
      const docs = await t.http.get('/api/v1/documents').query({ project_id: projectId }).expect(200);
      expect(docs.body.total).toBe(1);
    });
  });
});
