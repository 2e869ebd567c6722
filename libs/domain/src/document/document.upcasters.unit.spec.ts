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

  it('schema 2 is read as it is', () => {
    const event = { ...v1('text/plain'), schemaVersion: 2 };
    expect(upcastDocumentEvent(event).data).toBe(event.data);
  });
});
