import { expectError, expectFieldErrors, expectNotFound, ISO_TIME, rawJson, UUID } from './support/e2e-http';
import { fixture } from './support/api-flow';
import { startTestApp, testBackends, type TestApp } from './support/test-app';

describe.each(testBackends())('projects API on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t.close());

  describe('POST /api/v1/projects', () => {
    it('creates a project and returns it with counts', async () => {
      const res = await t.http.post('/api/v1/projects').send({ name: '  Medical QA ', description: 'board exam material' }).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        name: 'Medical QA',
        description: 'board exam material',
        created_at: expect.stringMatching(ISO_TIME),
        document_count: 0,
        dataset_count: 0,
      });
    });

    it('defaults description to null', async () => {
      const res = await t.http.post('/api/v1/projects').send({ name: 'no description' }).expect(201);
      expect(res.body.description).toBeNull();
    });

    it('400 names every bad field', async () => {
      expectFieldErrors(await t.http.post('/api/v1/projects').send({ name: '   ', colour: 'red' }), ['name', 'colour']);
      expectFieldErrors(await t.http.post('/api/v1/projects').send({}), ['name']);
      expectFieldErrors(await t.http.post('/api/v1/projects').send({ name: 42 }), ['name']);
    });

    it('400 on malformed JSON', async () => {
      expectError(await rawJson(t.http.post('/api/v1/projects'), '{"name": '), 400);
    });
  });

  describe('GET /api/v1/projects', () => {
    it('lists projects with a total', async () => {
      const created = await t.http.post('/api/v1/projects').send({ name: 'listed' }).expect(201);
      const res = await t.http.get('/api/v1/projects').expect(200);
      expect(res.body.total).toBe(res.body.projects.length);
      expect(res.body.projects).toContainEqual(created.body);
    });
  });

  describe('GET /api/v1/projects/:id', () => {
    it('returns the project, counting its documents', async () => {
      const created = await t.http.post('/api/v1/projects').send({ name: 'with docs' }).expect(201);
      for (const file of ['diabetes.md', 'notes.txt']) {
        await t.http
          .post('/api/v1/documents')
          .send({ project_id: created.body.id, file_name: file, content: await fixture(file) })
          .expect(201);
      }
      const res = await t.http.get(`/api/v1/projects/${created.body.id}`).expect(200);
      expect(res.body).toEqual({ ...created.body, document_count: 2 });
    });

    it('404 for an unknown id, UUID-shaped or not', async () => {
      expectNotFound(
        await t.http.get('/api/v1/projects/00000000-0000-0000-0000-000000000000'),
        'project',
        '00000000-0000-0000-0000-000000000000',
      );
      expectNotFound(await t.http.get('/api/v1/projects/not-a-uuid'), 'project', 'not-a-uuid');
    });
  });
});
