import { ConcurrencyError } from '../errors';
import type { Decider } from '../shared/decider';
import { DuplicateDocumentError, sameContent } from './document-content';
import type { ChunkRecord, DocumentEvent } from './document.events';
import { DOCUMENT_SCHEMA_VERSIONS, upcastDocumentEvent } from './document.upcasters';

export interface IngestDocument {
  readonly type: 'IngestDocument';
  readonly documentId: string;
  readonly projectId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly chunkSize: number;
  readonly chunkOverlap: number;
  readonly parsedBy: string;
  readonly chunkedBy: string;
  readonly chunks: readonly ChunkRecord[];
  /** SHA-256 (hex) of the uploaded bytes. */
  readonly contentSha256: string;
  readonly now: string;
}
export type DocumentCommand = IngestDocument;

export interface DocumentState {
  readonly exists: boolean;
  readonly documentId: string | null;
  readonly fileName: string | null;
  readonly contentSha256: string | null;
}

export const documentStream = (documentId: string): string => `document-${documentId}`;

const evolve = (state: DocumentState, event: DocumentEvent): DocumentState =>
  event.type === 'DocumentChunksAdded'
    ? state
    : { exists: true, documentId: event.data.documentId, fileName: event.data.fileName, contentSha256: event.data.contentSha256 };

/** Characters of chunk text an event carries at most (a page holds at least one chunk). */
export const CHUNK_PAGE_CHARS = 64 * 1024;

/** The chunks in pages of about CHUNK_PAGE_CHARS characters, in order; one page for a small document. */
const pages = (chunks: readonly ChunkRecord[]): ChunkRecord[][] => {
  const out: ChunkRecord[][] = [[]];
  let chars = 0;
  for (const chunk of chunks) {
    const page = out[out.length - 1];
    if (page.length > 0 && chars + chunk.text.length > CHUNK_PAGE_CHARS) {
      out.push([chunk]);
      chars = chunk.text.length;
    } else {
      page.push(chunk);
      chars += chunk.text.length;
    }
  }
  return out;
};

export const documentDecider: Decider<DocumentCommand, DocumentState, DocumentEvent> = {
  initialState: () => ({ exists: false, documentId: null, fileName: null, contentSha256: null }),
  decide(command, state) {
    if (state.exists && sameContent(state.contentSha256, command.contentSha256))
      throw new DuplicateDocumentError({ documentId: state.documentId!, fileName: state.fileName! });
    if (state.exists) throw new ConcurrencyError(`document ${command.documentId} already exists`, 'no_stream', 'stream_exists');
    const { type: _type, now, chunks, ...data } = command;
    const [first, ...rest] = pages(chunks);
    return [
      { type: 'DocumentIngested', data: { ...data, chunks: first, chunkCount: chunks.length, ingestedAt: now } },
      ...rest.map((page): DocumentEvent => ({
        type: 'DocumentChunksAdded',
        data: { documentId: data.documentId, projectId: data.projectId, chunks: page, ingestedAt: now },
      })),
    ];
  },
  evolve,
  evolveStored: (state, event) => evolve(state, upcastDocumentEvent(event)),
  schemaVersions: DOCUMENT_SCHEMA_VERSIONS,
};
