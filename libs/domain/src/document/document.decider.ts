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

const evolve = (_state: DocumentState, event: DocumentEvent): DocumentState => ({
  exists: true,
  documentId: event.data.documentId,
  fileName: event.data.fileName,
  contentSha256: event.data.contentSha256,
});

export const documentDecider: Decider<DocumentCommand, DocumentState, DocumentEvent> = {
  initialState: () => ({ exists: false, documentId: null, fileName: null, contentSha256: null }),
  decide(command, state) {
    if (state.exists && sameContent(state.contentSha256, command.contentSha256))
      throw new DuplicateDocumentError({ documentId: state.documentId!, fileName: state.fileName! });
    if (state.exists) throw new ConcurrencyError(`document ${command.documentId} already exists`, 'no_stream', 'stream_exists');
    const { type: _type, now, ...data } = command;
    return [{ type: 'DocumentIngested', data: { ...data, ingestedAt: now } }];
  },
  evolve,
  evolveStored: (state, event) => evolve(state, upcastDocumentEvent(event)),
  schemaVersions: DOCUMENT_SCHEMA_VERSIONS,
};
