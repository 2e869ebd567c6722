import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { headingLessProse } from '@compileo/testing';
import { expectError } from './support/e2e-http';
import { startTestApp, type TestApp } from './support/test-app';

const SAMPLE_DOCX = join(__dirname, '..', 'libs', 'ingestion', 'src', 'fixtures', 'sample.docx');

/** The sample DOCX with its body replaced by `paragraphs` repeated runs: megabytes of XML, a few KB zipped. */
const docxBomb = async (paragraphs: number): Promise<Buffer> => {
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE_DOCX));
  const xml = await zip.file('word/document.xml')!.async('string');
  const body = '<w:p><w:r><w:t>Repeated run of words.</w:t></w:r></w:p>'.repeat(paragraphs);
  zip.file('word/document.xml', xml.replace(/<w:body>[\s\S]*<\/w:body>/, `<w:body>${body}</w:body>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
};

describe('ingestion memory is bounded by the input (pglite)', () => {
  let t: TestApp;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp('pglite', { COMPILEO_MAX_ARCHIVE_BYTES: String(2 * 1024 * 1024), COMPILEO_MAX_ARCHIVE_ENTRIES: '100' });
    projectId = (await t.http.post('/api/v1/projects').send({ name: 'limits' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  const upload = (content: Buffer, name: string) =>
    t.http.post('/api/v1/documents/upload').field('project_id', projectId).attach('files', content, name);
  const documentCount = async (): Promise<number> => (await t.http.get(`/api/v1/projects/${projectId}`).expect(200)).body.document_count;

  it('ingests a 5 MB heading-less text into chunks and keeps answering /health', async () => {
    const text = headingLessProse(5 * 1024 * 1024);
    const res = await upload(Buffer.from(text), 'prose.txt').expect(201);
    const document = res.body.documents[0];
    expect(document.chunk_count).toBeGreaterThan(text.length / 1500);
    const chunks = await t.http.get(`/api/v1/chunks/document/${document.id}`).query({ per_page: 5 }).expect(200);
    expect(chunks.body.total).toBe(document.chunk_count);
    expect(chunks.body.chunks[0].text.startsWith('The glucose study 0 found')).toBe(true);
    expect((await t.http.get('/health').expect(200)).body).toEqual({ status: 'ok' });
  });

  it('413 for a DOCX bomb, naming the limit; nothing is written and the service answers', async () => {
    const before = await documentCount();
    const bomb = await docxBomb(200_000);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const body = expectError(await upload(bomb, 'bomb.docx'), 413);
    expect(body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.message).toMatch(/^bomb\.docx unpacks to 10\.\d MB, over the 2 MB archive limit \(COMPILEO_MAX_ARCHIVE_BYTES\)$/);
    expect(await documentCount()).toBe(before);
    expect((await t.http.get('/health').expect(200)).body).toEqual({ status: 'ok' });
  });

  it('413 for a DOCX with more entries than the limit', async () => {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE_DOCX));
    for (let i = 0; i < 100; i++) zip.file(`word/media/extra${i}.xml`, '<x/>');
    const body = expectError(await upload(await zip.generateAsync({ type: 'nodebuffer' }), 'many.docx'), 413);
    expect(body.message).toMatch(/over the 100-entry archive limit \(COMPILEO_MAX_ARCHIVE_ENTRIES\)$/);
  });

  it('still ingests a DOCX within the limits', async () => {
    const res = await upload(readFileSync(SAMPLE_DOCX), 'sample.docx').expect(201);
    expect(res.body.documents[0].chunk_count).toBeGreaterThan(0);
  });
});
