import { projectWithDocuments } from './support/api-flow';
import { expectError, rawJson, type ErrorBody } from './support/e2e-http';
import { startTestApp, type TestApp } from './support/test-app';

/** Every detail is `{field, message}` with both non-empty; at least one per error here. */
const expectDetails = (body: ErrorBody, field: string | RegExp): void => {
  expect(body.details.length).toBeGreaterThan(0);
  for (const d of body.details) {
    expect(Object.keys(d).sort()).toEqual(['field', 'message']);
    expect(d.field.length).toBeGreaterThan(0);
    expect(d.message.length).toBeGreaterThan(0);
  }
  expect(body.details.map((d) => d.field)).toContainEqual(typeof field === 'string' ? field : expect.stringMatching(field));
};

describe('one error model: a code beside statusCode, details always a list', () => {
  let t: TestApp;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp('pglite', { COMPILEO_MAX_UPLOAD_BYTES: '4096' });
    projectId = await projectWithDocuments(t);
  });
  afterAll(() => t.close());

  it('400 BAD_USER_INPUT names each bad field', async () => {
    const body = expectError(await t.http.post('/api/v1/projects').send({ name: '', colour: 'red' }), 400);
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.details.map((d) => d.field).sort()).toEqual(['colour', 'name']);
  });

  it('400 BAD_USER_INPUT for malformed JSON, with a (body) detail', async () => {
    const body = expectError(await rawJson(t.http.post('/api/v1/projects'), '{"name": '), 400);
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.message).toMatch(/^malformed request body: /);
    expectDetails(body, '(body)');
    expect(body.details[0].message).toMatch(/not valid JSON/);
  });

  it('404 NOT_FOUND for an unknown id, one detail per missing id', async () => {
    const body = expectError(await t.http.get('/api/v1/projects/nope'), 404);
    expect(body.code).toBe('NOT_FOUND');
    expect(body.details).toEqual([{ field: 'project_id', message: 'project not found: nope' }]);
  });

  it("404 NOT_FOUND for an unknown route (the router's own 404)", async () => {
    const body = expectError(await t.http.get('/api/v1/no-such-thing'), 404);
    expect(body.code).toBe('NOT_FOUND');
    expect(body.message).toBe('Cannot GET /api/v1/no-such-thing');
    expectDetails(body, 'path');
  });

  it('409 CONFLICT for a second taxonomy of one name, with expected and actual in details', async () => {
    const create = () => t.http.post('/api/v1/taxonomy').send({ project_id: projectId, name: 'Twice', taxonomy: { name: 'root' } });
    await create().expect(201);
    const body = expectError(await create(), 409);
    expect(body.code).toBe('CONFLICT');
    expectDetails(body, /.+/);
    expect(body.details[0].message).toMatch(/^expected .+, actual .+$/);
  });

  it('413 PAYLOAD_TOO_LARGE for a file over the limit, naming the limit and its value', async () => {
    const big = Buffer.from(`# Big\n\n${'Long sentence of text. '.repeat(300)}`);
    const body = expectError(
      await t.http.post('/api/v1/documents/upload').field('project_id', projectId).attach('files', big, 'big.md'),
      413,
    );
    expect(body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.message).toBe('file exceeds the 4 KB upload limit (COMPILEO_MAX_UPLOAD_BYTES)');
    expectDetails(body, 'files');
  });

  it('413 PAYLOAD_TOO_LARGE for a JSON body over the limit, naming the limit and its value', async () => {
    const body = expectError(
      await t.http.post('/api/v1/documents').send({ project_id: projectId, file_name: 'big.md', content: 'x'.repeat(5000) }),
      413,
    );
    expect(body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.message).toBe('request body exceeds the 4 KB limit (COMPILEO_MAX_UPLOAD_BYTES)');
    expectDetails(body, '(body)');
  });

  it('400 for more files than an upload takes, naming the limit', async () => {
    let req = t.http.post('/api/v1/documents/upload').field('project_id', projectId);
    for (let i = 0; i < 51; i++) req = req.attach('files', Buffer.from(`# F${i}\n\nSome text.`), `f${i}.md`);
    const body = expectError(await req, 400);
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.details).toEqual([{ field: 'files', message: 'too many files: at most 50 per upload' }]);
  });

  it('422 UNPROCESSABLE with its reason in details', async () => {
    const body = expectError(
      await t.http.post('/api/v1/datasets/generate').send({ project_id: projectId, classification_model: 'gemini' }),
      422,
    );
    expect(body.code).toBe('UNPROCESSABLE');
    expect(body.details).toEqual([{ field: 'classification_model', message: body.message }]);
    expect(body.message).toContain('GEMINI_API_KEY');
  });

  describe('a JSON route sent a body that is not application/json', () => {
    it.each([
      ['text/plain', (r: ReturnType<TestApp['http']['post']>) => r.set('Content-Type', 'text/plain').send('{"name":"plain"}')],
      ['application/x-www-form-urlencoded', (r: ReturnType<TestApp['http']['post']>) => r.type('form').send({ name: 'form' })],
      ['multipart/form-data', (r: ReturnType<TestApp['http']['post']>) => r.field('name', 'multipart')],
    ])('%s is a 415 that says to send Content-Type: application/json', async (type, send) => {
      const body = expectError(await send(t.http.post('/api/v1/projects')), 415);
      expect(body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(body.message).toContain('Content-Type: application/json');
      expect(body.message).toContain(`got ${type}`);
      expect(body.message).not.toContain('required');
      expectDetails(body, 'Content-Type');
    });

    it('a POST with no body is judged by its route, whatever its Content-Type', async () => {
      const body = expectError(await t.http.post('/api/v1/projects').set('Content-Type', 'text/plain'), 400);
      expect(body.details).toEqual([{ field: 'name', message: 'is required' }]);
    });

    it('the upload route still takes multipart', async () => {
      await t.http
        .post('/api/v1/documents/upload')
        .field('project_id', projectId)
        .attach('files', Buffer.from('# Small\n\nA small file.'), 'small.md')
        .expect(201);
    });
  });
});
