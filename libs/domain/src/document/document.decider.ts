import { ConcurrencyError } from '../errors';
import type { Decider } from '../shared/decider';
import type { ChunkRecord, DocumentEvent } from './document.events';
import { DOCUMENT_SCHEMA_VERSIONS } from './document.upcasters';

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
  readonly now: string;
}
export type DocumentCommand = IngestDocument;

export interface DocumentState {
  readonly exists: boolean;
}

export const documentStream = (documentId: string): string => `document-${documentId}`;

export const documentDecider: Decider<DocumentCommand, DocumentState, DocumentEvent> = {
  initialState: () => ({ exists: false }),
  decide(command, state) {
    if (state.exists) throw new ConcurrencyError(`document ${command.documentId} already exists`, 'no_stream', 'stream_exists');
    const { type: _type, now, ...data } = command;
    return [{ type: 'DocumentIngested', data: { ...data, ingestedAt: now } }];
  },
  evolve: (state) => ({ ...state, exists: true }),
  schemaVersions: DOCUMENT_SCHEMA_VERSIONS,
};
