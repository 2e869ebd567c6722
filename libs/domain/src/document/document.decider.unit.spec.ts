import {
  CHUNK_PAGE_CHARS,
  ConcurrencyError,
  documentDecider,
  documentStream,
  DuplicateDocumentError,
  evolveStored,
  fold,
  placeUpload,
  sameContent,
  upcastDocumentEvent,
  type IngestDocument,
} from '@compileo/domain';

const ingest: IngestDocument = {
  type: 'IngestDocument',
  documentId: 'd1',
  projectId: 'p1',
  fileName: 'notes.md',
  contentType: 'text/markdown',
  sizeBytes: 42,
  chunkSize: 1000,
  chunkOverlap: 100,
  parsedBy: 'markdown',
  chunkedBy: 'markdown-headings',
  chunks: [
    { chunkId: 'c1', index: 0, text: '# A\nalpha', heading: 'A', headingPath: ['A'], startOffset: 0, endOffset: 9, metadata: {} },
    {
      chunkId: 'c2',
      index: 1,
      text: '# B\nbeta',
      heading: 'B',
      headingPath: ['B'],
      startOffset: 10,
      endOffset: 18,
      metadata: { page_start: 2, page_end: 2 },
    },
  ],
  contentSha256: 'a'.repeat(64),
  now: '2025-01-01T00:00:00.000Z',
};

describe('document decider', () => {
  it('names its stream document-<id>', () => expect(documentStream('d1')).toBe('document-d1'));

  it('IngestDocument records the document with its chunks as one fact', () => {
    const events = documentDecider.decide(ingest, documentDecider.initialState());
    const { type: _type, now: _now, ...data } = ingest;
    expect(events).toEqual([{ type: 'DocumentIngested', data: { ...data, chunkCount: 2, ingestedAt: ingest.now } }]);
    expect(fold(documentDecider, events)).toEqual({
      exists: true,
      documentId: 'd1',
      fileName: 'notes.md',
      contentSha256: ingest.contentSha256,
    });
  });

  it('IngestDocument of the same content again is a DuplicateDocumentError naming the document and its file', () => {
    const state = fold(documentDecider, documentDecider.decide(ingest, documentDecider.initialState()));
    const attempt = (): unknown => documentDecider.decide({ ...ingest, fileName: 'copy.md' }, state);
    expect(attempt).toThrow(DuplicateDocumentError);
    expect(attempt).toThrow('document d1 (notes.md) in this project has the same content');
  });

  it('IngestDocument of other content into an existing stream is a ConcurrencyError', () => {
    const state = fold(documentDecider, documentDecider.decide(ingest, documentDecider.initialState()));
    const attempt = (): unknown => documentDecider.decide({ ...ingest, contentSha256: 'b'.repeat(64) }, state);
    expect(attempt).toThrow(ConcurrencyError);
  });

  it('records a large document in pages of chunks: DocumentIngested with the first, DocumentChunksAdded with the rest, in order', () => {
    const chunk = (i: number) => ({ ...ingest.chunks[0], chunkId: `c${i}`, index: i, text: `${i} `.padEnd(CHUNK_PAGE_CHARS / 10, 'x') });
    const chunks = Array.from({ length: 25 }, (_, i) => chunk(i));
    const events = documentDecider.decide({ ...ingest, chunks }, documentDecider.initialState());
    expect(events.map((e) => e.type)).toEqual(['DocumentIngested', 'DocumentChunksAdded', 'DocumentChunksAdded']);
    expect(events.map((e) => e.data.chunks.length)).toEqual([10, 10, 5]);
    expect(events.flatMap((e) => e.data.chunks)).toEqual(chunks);
    expect(events[0].data).toMatchObject({ chunkCount: 25, documentId: 'd1' });
    expect(events[2].data).toEqual({ documentId: 'd1', projectId: 'p1', chunks: chunks.slice(20), ingestedAt: ingest.now });
    expect(events.every((e) => e.data.chunks.reduce((n, c) => n + c.text.length, 0) <= CHUNK_PAGE_CHARS)).toBe(true);
    expect(fold(documentDecider, events)).toEqual(fold(documentDecider, events.slice(0, 1)));
    // One chunk longer than a page still makes a page of its own.
    const huge = { ...chunk(0), text: 'y'.repeat(CHUNK_PAGE_CHARS * 2) };
    expect(
      documentDecider.decide({ ...ingest, chunks: [huge, chunk(1)] }, documentDecider.initialState()).map((e) => e.data.chunks.length),
    ).toEqual([1, 1]);
  });

  it('writes DocumentIngested as schema 3 and reads a schema 1 event (no hash) as content equal to nothing', () => {
    expect(documentDecider.schemaVersions).toEqual({ DocumentIngested: 3 });
    const { type: _type, now, contentSha256: _hash, ...v1 } = ingest;
    const stored = { type: 'DocumentIngested', data: { ...v1, ingestedAt: now }, schemaVersion: 1 };
    expect(upcastDocumentEvent(stored).data).toMatchObject({ contentSha256: null, chunkCount: 2 });
    const state = evolveStored(documentDecider, documentDecider.initialState(), stored);
    expect(state).toEqual({ exists: true, documentId: 'd1', fileName: 'notes.md', contentSha256: null });
    expect(() => documentDecider.decide(ingest, state)).toThrow(ConcurrencyError);
  });
});

describe('document content', () => {
  it('two contents are the same when their hashes are equal; a missing hash equals nothing', () => {
    expect(sameContent('ab', 'ab')).toBe(true);
    expect(sameContent('ab', 'ac')).toBe(false);
    expect(sameContent(null, null)).toBe(false);
    expect(sameContent(null, 'ab')).toBe(false);
  });

  it('places an upload under the first-copy id when free; a repeat is a 409 unless allowed', () => {
    const free = { exists: false, documentId: null, fileName: null };
    const taken = { exists: true, documentId: 'd1', fileName: 'notes.md' };
    expect(placeUpload(free, false)).toBe('first_copy');
    expect(placeUpload(free, true)).toBe('first_copy');
    expect(placeUpload(taken, true)).toBe('own_id');
    expect(() => placeUpload(taken, false, 'files.1')).toThrow(DuplicateDocumentError);
    try {
      placeUpload(taken, false, 'files.1');
    } catch (error) {
      expect((error as DuplicateDocumentError).details).toEqual([{ field: 'files.1', message: expect.stringContaining('d1 (notes.md)') }]);
      expect((error as DuplicateDocumentError).code).toBe('CONFLICT');
    }
  });
});
