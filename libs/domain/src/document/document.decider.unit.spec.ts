import { ConcurrencyError, documentDecider, documentStream, fold, type IngestDocument } from '@compileo/domain';

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
  now: '2025-01-01T00:00:00.000Z',
};

describe('document decider', () => {
  it('names its stream document-<id>', () => expect(documentStream('d1')).toBe('document-d1'));

  it('IngestDocument records the document with its chunks as one fact', () => {
    const events = documentDecider.decide(ingest, documentDecider.initialState());
    const { type: _type, now: _now, ...data } = ingest;
    expect(events).toEqual([{ type: 'DocumentIngested', data: { ...data, ingestedAt: ingest.now } }]);
    expect(fold(documentDecider, events)).toEqual({ exists: true });
  });

  it('IngestDocument twice is a ConcurrencyError', () => {
    const state = fold(documentDecider, documentDecider.decide(ingest, documentDecider.initialState()));
    const attempt = (): unknown => documentDecider.decide(ingest, state);
    expect(attempt).toThrow(ConcurrencyError);
  });
});
