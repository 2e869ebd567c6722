import { createHash } from 'node:crypto';
import { fixture, projectWithDocuments } from './support/api-flow';
import { expectError, expectFieldErrors, expectNotFound, ISO_TIME, UUID } from './support/e2e-http';
import { startTestApp, testBackends, type TestApp } from './support/test-app';

interface ChunkView {
  readonly id: string;
  readonly document_id: string;
  readonly file_name: string;
  readonly chunk_index: number;
  readonly heading: string | null;
  readonly heading_path: string[];
  readonly char_count: number;
  readonly text: string;
}

const DIABETES_SECTIONS = ['Overview', 'Symptoms', 'Diagnosis', 'Treatment', 'Complications'];

describe.each(testBackends())('documents and chunks API on %s', (backend) => {
  let t: TestApp;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp(backend);
    projectId = await projectWithDocuments(t);
  });
  afterAll(() => t.close());

  const documentCount = async (id: string): Promise<number> => (await t.http.get(`/api/v1/projects/${id}`).expect(200)).body.document_count;

  describe('POST /api/v1/documents (JSON)', () => {
    it('ingests a Markdown document and chunks it by heading', async () => {
      const content = await fixture('diabetes.md');
      const res = await t.http.post('/api/v1/documents').send({ project_id: projectId, file_name: 'diabetes.md', content }).expect(201);
      expect(res.body).toEqual({
        total: 1,
        documents: [
          {
            id: expect.stringMatching(UUID),
            project_id: projectId,
            file_name: 'diabetes.md',
            content_type: 'text/markdown',
            size_bytes: Buffer.byteLength(content),
            status: expect.any(String),
            chunk_count: DIABETES_SECTIONS.length,
            content_sha256: createHash('sha256').update(content).digest('hex'),
            created_at: expect.stringMatching(ISO_TIME),
            parsed_by: 'markdown',
            chunked_by: 'markdown-headings',
          },
        ],
      });
      const document = res.body.documents[0];
      expect((await t.http.get(`/api/v1/documents/${document.id}`).expect(200)).body).toEqual(document);

      const chunks = await t.http.get(`/api/v1/chunks/document/${document.id}`).expect(200);
      expect(chunks.body.total).toBe(DIABETES_SECTIONS.length);
      const list: ChunkView[] = chunks.body.chunks;
      expect(list.map((c) => c.chunk_index)).toEqual([0, 1, 2, 3, 4]);
      expect(list.map((c) => c.heading)).toEqual(DIABETES_SECTIONS);
      expect(list.map((c) => c.heading_path)).toEqual(DIABETES_SECTIONS.map((s) => ['Diabetes mellitus', s]));
      for (const c of list) {
        expect(c.document_id).toBe(document.id);
        expect(c.text).toContain(`## ${c.heading}`);
        expect(c.char_count).toBe(c.text.length);
        expect(content).toContain(c.text.split('\n').pop());
      }
    });

    it('honours chunk_size: a smaller size gives more chunks', async () => {
      const content = await fixture('notes.txt');
      const whole = await t.http.post('/api/v1/documents').send({ project_id: projectId, file_name: 'notes.txt', content }).expect(201);
      const small = await t.http
        .post('/api/v1/documents')
        .send({ project_id: projectId, file_name: 'notes.txt', content, chunk_size: 200, chunk_overlap: 0, allow_duplicate: true })
        .expect(201);
      expect(small.body.documents[0].chunk_count).toBeGreaterThan(whole.body.documents[0].chunk_count);
      const chunks: ChunkView[] = (await t.http.get(`/api/v1/chunks/document/${small.body.documents[0].id}`).expect(200)).body.chunks;
      for (const c of chunks) expect(c.heading_path).toEqual([]);
    });

    it('accepts a numeric project_id and looks it up as text (404)', async () => {
      expectNotFound(
        await t.http.post('/api/v1/documents').send({ project_id: 4242, file_name: 'a.md', content: '# A\n\nText.' }),
        'project',
        '4242',
      );
    });

    it('400 names every bad field', async () => {
      expectFieldErrors(await t.http.post('/api/v1/documents').send({ project_id: projectId }), ['file_name', 'content']);
      expectFieldErrors(
        await t.http
          .post('/api/v1/documents')
          .send({ project_id: projectId, file_name: 'a.md', content: 'x', chunk_size: 50, chunk_overlap: -1, extra: true }),
        ['chunk_size', 'chunk_overlap', 'extra'],
      );
      expectFieldErrors(await t.http.post('/api/v1/documents').send({ project_id: projectId, file_name: 'report.pdf', content: 'text' }), [
        'files',
      ]);
    });

    it('404 for an unknown project', async () => {
      expectNotFound(
        await t.http.post('/api/v1/documents').send({ project_id: 'no-such-project', file_name: 'a.md', content: '# A\n\nText.' }),
        'project',
        'no-such-project',
      );
    });
  });

  describe('POST /api/v1/documents/upload (multipart)', () => {
    it('ingests several .md, .markdown and .txt files', async () => {
      const res = await t.http
        .post('/api/v1/documents/upload')
        .field('project_id', await projectWithDocuments(t))
        .attach('files', Buffer.from(await fixture('cardiology.md')), 'cardiology.md')
        .attach('files', Buffer.from('# Title\n\nSome **markdown** text for the test.'), 'short.markdown')
        .attach('files', Buffer.from(await fixture('notes.txt')), 'notes.txt')
        .expect(201);
      expect(res.body.total).toBe(3);
      expect(res.body.documents.map((d: { file_name: string; content_type: string }) => [d.file_name, d.content_type])).toEqual([
        ['cardiology.md', 'text/markdown'],
        ['short.markdown', 'text/markdown'],
        ['notes.txt', 'text/plain'],
      ]);
      expect(res.body.documents[0].chunk_count).toBe(4);
    });

    it('400 for an unsupported type, and nothing of the request is stored', async () => {
      const other = await projectWithDocuments(t);
      const res = await t.http
        .post('/api/v1/documents/upload')
        .field('project_id', other)
        .attach('files', Buffer.from('# Fine\n\nA good file.'), 'good.md')
        .attach('files', Buffer.from('PK slides'), 'slides.pptx');
      const [problem] = expectFieldErrors(res, ['files.1']);
      expect(problem.message).toContain("'.pptx'");
      expect(await documentCount(other)).toBe(0);
    });

    it('400 without files, with a stray file field, or with non-UTF-8 text', async () => {
      expectFieldErrors(await t.http.post('/api/v1/documents/upload').field('project_id', projectId), ['files']);
      expectFieldErrors(
        await t.http.post('/api/v1/documents/upload').field('project_id', projectId).attach('attachment', Buffer.from('hello'), 'a.txt'),
        ['attachment'],
      );
      expectFieldErrors(
        await t.http
          .post('/api/v1/documents/upload')
          .field('project_id', projectId)
          .attach('files', Buffer.from([0xff, 0xfe, 0xfd, 0x41]), 'bad.txt'),
        ['files'],
      );
      expectFieldErrors(await t.http.post('/api/v1/documents/upload').attach('files', Buffer.from('hello'), 'a.txt'), ['project_id']);
    });

    it('404 for an unknown project', async () => {
      const res = await t.http
        .post('/api/v1/documents/upload')
        .field('project_id', 'missing')
        .attach('files', Buffer.from('hello world'), 'a.txt');
      expectNotFound(res, 'project', 'missing');
    });
  });

  describe('GET /api/v1/documents/:id', () => {
    it('404 for an unknown document', async () => {
      expectNotFound(
        await t.http.get('/api/v1/documents/5f0c6c1e-0000-4000-8000-000000000000'),
        'document',
        '5f0c6c1e-0000-4000-8000-000000000000',
      );
    });
  });

  describe('GET /api/v1/chunks/project/:id', () => {
    it('pages through every chunk of the project', async () => {
      const id = await projectWithDocuments(t, 'diabetes.md', 'cardiology.md');
      const all = await t.http.get(`/api/v1/chunks/project/${id}`).expect(200);
      expect(all.body.total).toBe(9);
      expect(all.body.chunks).toHaveLength(9);
      expect(new Set(all.body.chunks.map((c: ChunkView) => c.file_name))).toEqual(new Set(['diabetes.md', 'cardiology.md']));

      const page2 = await t.http.get(`/api/v1/chunks/project/${id}`).query({ page: 2, per_page: 4 }).expect(200);
      expect(page2.body).toMatchObject({ total: 9, page: 2, per_page: 4 });
      expect(page2.body.chunks.map((c: ChunkView) => c.id)).toEqual(all.body.chunks.slice(4, 8).map((c: ChunkView) => c.id));
    });

    it('400 on bad paging parameters', async () => {
      expectFieldErrors(await t.http.get(`/api/v1/chunks/project/${projectId}`).query({ per_page: 0, page: 'x', sort: 'a' }), [
        'per_page',
        'page',
        'sort',
      ]);
      expectFieldErrors(await t.http.get(`/api/v1/chunks/project/${projectId}`).query({ per_page: 1001 }), ['per_page']);
    });

    it('404 for an unknown project or document', async () => {
      expectNotFound(await t.http.get('/api/v1/chunks/project/nope'), 'project', 'nope');
      expectNotFound(await t.http.get('/api/v1/chunks/document/nope'), 'document', 'nope');
    });
  });
});

describe.each(testBackends())('upload size limit on %s', (backend) => {
  let t: TestApp;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp(backend, { COMPILEO_MAX_UPLOAD_BYTES: '1000' });
    projectId = await projectWithDocuments(t);
  });
  afterAll(() => t.close());

  it('accepts a file under the limit', async () => {
    await t.http
      .post('/api/v1/documents/upload')
      .field('project_id', projectId)
      .attach('files', Buffer.from('# Small\n\nA small file.'), 'small.md')
      .expect(201);
  });

  it('413 for a file over COMPILEO_MAX_UPLOAD_BYTES', async () => {
    const big = Buffer.from(`# Big\n\n${'Long sentence of text. '.repeat(100)}`);
    expect(big.length).toBeGreaterThan(1000);
    const fresh = await projectWithDocuments(t);
    const res = await t.http.post('/api/v1/documents/upload').field('project_id', fresh).attach('files', big, 'big.md');
    expectError(res, 413);
    expect((await t.http.get(`/api/v1/projects/${fresh}`).expect(200)).body.document_count).toBe(0);
  });

  it('413 for a JSON body over the limit', async () => {
    const res = await t.http.post('/api/v1/documents').send({ project_id: projectId, file_name: 'big.md', content: 'x'.repeat(2000) });
    expectError(res, 413);
  });
});
