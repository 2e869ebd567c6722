import { upcastDocumentEvent } from '@compileo/domain';

describe('upcastDocumentEvent', () => {
  const v1 = (contentType: string) => ({
    type: 'DocumentIngested',
    data: {
      documentId: 'd',
      projectId: 'p',
      fileName: 'f',
      contentType,
      sizeBytes: 1,
      chunkSize: 1,
      chunkOverlap: 0,
      chunks: [],
      ingestedAt: 'now',
    },
    schemaVersion: 1,
  });

  it.each([
    ['text/markdown', 'markdown', 'markdown-headings'],
    ['text/plain', 'text', 'paragraphs-sentences'],
    ['application/pdf', 'pdf-parse', 'paragraphs-sentences'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'mammoth', 'markdown-headings'],
    ['text/html', 'node-html-parser+turndown', 'markdown-headings'],
  ])('schema 1 %s: parsed by %s, chunked by %s, as the builds that wrote it did', (contentType, parsedBy, chunkedBy) => {
    expect(upcastDocumentEvent(v1(contentType)).data).toMatchObject({ contentType, parsedBy, chunkedBy, contentSha256: null });
  });

  it('schema 2 keeps its hash and processing, and counts its chunks (all of them were in the one event)', () => {
    const data = {
      ...v1('text/plain').data,
      chunks: [{ chunkId: 'c' }, { chunkId: 'd' }],
      contentSha256: 'h',
      parsedBy: 'x',
      chunkedBy: 'y',
    };
    expect(upcastDocumentEvent({ type: 'DocumentIngested', data, schemaVersion: 2 }).data).toEqual({ ...data, chunkCount: 2 });
  });

  it('schema 3 and DocumentChunksAdded are read as they are', () => {
    const event = { ...v1('text/plain'), schemaVersion: 3 };
    expect(upcastDocumentEvent(event).data).toBe(event.data);
    const page = {
      type: 'DocumentChunksAdded',
      data: { documentId: 'd', projectId: 'p', chunks: [], ingestedAt: 'now' },
      schemaVersion: 1,
    };
    expect(upcastDocumentEvent(page).data).toBe(page.data);
  });
});
