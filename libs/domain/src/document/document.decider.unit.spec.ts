import {
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
    expect(events).toEqual([{ type: 'DocumentIngested', data: { ...data, ingestedAt: ingest.now } }]);
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

  it('writes DocumentIngested as schema 2 and reads a schema 1 event (no hash) as content equal to nothing', () => {
    expect(documentDecider.schemaVersions).toEqual({ DocumentIngested: 2 });
    const { type: _type, now, contentSha256: _hash, ...v1 } = ingest;
    const stored = { type: 'DocumentIngested', data: { ...v1, ingestedAt: now }, schemaVersion: 1 };
    expect(upcastDocumentEvent(stored).data.contentSha256).toBeNull();
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
