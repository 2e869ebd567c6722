import { projectWithDocuments } from './support/api-flow';
import { expectError, expectFieldErrors, expectNotFound, ISO_TIME, UUID } from './support/e2e-http';
import { startTestApp, testBackends, type TestApp } from './support/test-app';

const TREE = {
  name: 'Cardiology',
  children: [
    { name: 'Heart', description: 'the organ', children: [{ name: 'Valves' }] },
    { name: 'Vessels', children: [{ name: 'Arteries' }, { name: 'Veins' }] },
  ],
};

describe.each(testBackends())('taxonomy API on %s', (backend) => {
  let t: TestApp;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp(backend);
    projectId = await projectWithDocuments(t);
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown>) => t.http.post('/api/v1/taxonomy').send(body);

  describe('POST /api/v1/taxonomy', () => {
    it('creates a taxonomy with its flattened categories', async () => {
      const res = await create({ project_id: projectId, name: 'Cardio', description: 'heart topics', taxonomy: TREE }).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        name: 'Cardio',
        project_id: projectId,
        description: 'heart topics',
        categories_count: 5,
        created_at: expect.stringMatching(ISO_TIME),
        categories: expect.arrayContaining(['Heart', 'Valves', 'Vessels', 'Arteries', 'Veins']),
        taxonomy: TREE,
      });
      expect(res.body.categories).toHaveLength(5);
    });

    it('allows the same name in another project', async () => {
      const other = await projectWithDocuments(t);
      await create({ project_id: other, name: 'Shared name', taxonomy: TREE }).expect(201);
      await create({ project_id: projectId, name: 'Shared name', taxonomy: TREE }).expect(201);
    });

    it('400 names every bad field, nested ones by path', async () => {
      expectFieldErrors(await create({ project_id: projectId, name: ' ' }), ['name', 'taxonomy']);
      expectFieldErrors(
        await create({
          project_id: projectId,
          name: 'Bad',
          colour: 'red',
          taxonomy: { name: 'root', children: [{ name: 'ok' }, { name: '', tags: [] }] },
        }),
        ['colour', 'taxonomy.children.1.name', 'taxonomy.children.1.tags'],
      );
    });

    it('404 for an unknown project', async () => {
      expectNotFound(await create({ project_id: 'nope', name: 'X', taxonomy: TREE }), 'project', 'nope');
      expectNotFound(await create({ project_id: 77, name: 'X', taxonomy: TREE }), 'project', '77');
    });

    it('409 for a duplicate name in the same project', async () => {
      const first = await create({ project_id: projectId, name: 'Duplicate', taxonomy: TREE }).expect(201);
      const body = expectError(await create({ project_id: projectId, name: 'Duplicate', taxonomy: { name: 'other' } }), 409);
      expect(body.message).toContain("'Duplicate'");
      expect(body.message).toContain(first.body.id);
    });

    it('409 for duplicate names created concurrently: exactly one wins', async () => {
      const results = await Promise.all([1, 2, 3].map(() => create({ project_id: projectId, name: 'Raced', taxonomy: TREE })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      const listed = await t.http.get('/api/v1/taxonomy').query({ project_id: projectId }).expect(200);
      expect(listed.body.taxonomies.filter((x: { name: string }) => x.name === 'Raced')).toHaveLength(1);
    });
  });

  describe('GET /api/v1/taxonomy and /api/v1/taxonomy/', () => {
    it('lists summaries, with and without the trailing slash', async () => {
      const created = await create({ project_id: projectId, name: 'Listed', taxonomy: TREE }).expect(201);
      const summary = {
        id: created.body.id,
        name: 'Listed',
        project_id: projectId,
        description: null,
        categories_count: 5,
        created_at: created.body.created_at,
      };
      for (const path of ['/api/v1/taxonomy', '/api/v1/taxonomy/']) {
        const res = await t.http.get(path).expect(200);
        expect(res.body.total).toBe(res.body.taxonomies.length);
        expect(res.body.taxonomies).toContainEqual(summary);
      }
    });

    it('filters by project_id', async () => {
      const other = await projectWithDocuments(t);
      const only = await create({ project_id: other, name: 'Only here', taxonomy: TREE }).expect(201);
      const res = await t.http.get('/api/v1/taxonomy/').query({ project_id: other }).expect(200);
      expect(res.body).toEqual({ taxonomies: [expect.objectContaining({ id: only.body.id })], total: 1 });
    });

    it('400 on an unknown query parameter', async () => {
      expectFieldErrors(await t.http.get('/api/v1/taxonomy').query({ projectid: 'x' }), ['projectid']);
    });
  });

  describe('GET /api/v1/taxonomy/:id', () => {
    it('returns the taxonomy with its tree', async () => {
      const created = await create({ project_id: projectId, name: 'Fetched', taxonomy: TREE }).expect(201);
      expect((await t.http.get(`/api/v1/taxonomy/${created.body.id}`).expect(200)).body).toEqual(created.body);
    });

    it('404 for an unknown id', async () => {
      expectNotFound(
        await t.http.get('/api/v1/taxonomy/3b0c6c1e-0000-4000-8000-000000000000'),
        'taxonomy',
        '3b0c6c1e-0000-4000-8000-000000000000',
      );
    });
  });
});
