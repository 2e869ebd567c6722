import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForJob } from './support/api-flow';
import { startTestApp, type TestApp } from './support/test-app';

const FIXTURES = join(__dirname, '..', 'libs', 'ingestion', 'src', 'fixtures');

interface Chunk {
  readonly heading: string | null;
  readonly heading_path: string[];
  readonly text: string;
  readonly metadata: { readonly page_start?: number; readonly page_end?: number };
}

describe('uploading PDF, DOCX and HTML', () => {
  let t: TestApp;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    projectId = (await t.http.post('/api/v1/projects').send({ name: 'formats' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  const upload = async (file: string, chunkSize = 200): Promise<Chunk[]> => {
    const res = await t.http
      .post('/api/v1/documents/upload')
      .field('project_id', projectId)
      .field('chunk_size', String(chunkSize))
      .attach('files', readFileSync(join(FIXTURES, file)), file)
      .expect(201);
    const documentId = res.body.documents[0].id;
    return (await t.http.get(`/api/v1/chunks/document/${documentId}?per_page=1000`).expect(200)).body.chunks;
  };

  it('PDF chunks carry the pages they come from', async () => {
    const chunks = await upload('sample.pdf');
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.metadata.page_start).toBeGreaterThanOrEqual(1);
    expect(Math.max(...chunks.map((c) => c.metadata.page_end!))).toBe(3);
  });

  it('DOCX and HTML chunks carry their heading path', async () => {
    const docx = await upload('sample.docx', 100);
    expect(docx.some((c) => c.heading_path.length >= 2)).toBe(true);
    const html = await upload('sample.html', 100);
    expect(html.some((c) => c.heading !== null)).toBe(true);
    expect(html.map((c) => c.text).join(' ')).not.toMatch(/<script|<style/);
  });

  it('generated entries record the page of their source chunk', async () => {
    const started = await t.http
      .post('/api/v1/datasets/generate')
      .send({ project_id: projectId, classification_model: 'extractive', quality_threshold: 0 })
      .expect(200);
    expect((await waitForJob(t, started.body.job_id)).status).toBe('completed');
    const entries = (await t.http.get(`/api/v1/datasets/${started.body.dataset_id}/entries?per_page=1000`).expect(200)).body.entries;
    expect(entries.some((e: { metadata: { page_start?: number } }) => typeof e.metadata.page_start === 'number')).toBe(true);
  });

  it('400 for a corrupt PDF, naming the file; nothing is stored', async () => {
    const before = (await t.http.get(`/api/v1/projects/${projectId}`).expect(200)).body.document_count;
    const res = await t.http
      .post('/api/v1/documents/upload')
      .field('project_id', projectId)
      .attach('files', Buffer.from('%PDF-1.4 not really'), 'broken.pdf')
      .expect(400);
    expect(res.body.details[0]).toMatchObject({ field: 'files', message: expect.stringContaining('broken.pdf') });
    expect((await t.http.get(`/api/v1/projects/${projectId}`).expect(200)).body.document_count).toBe(before);
  });
});
