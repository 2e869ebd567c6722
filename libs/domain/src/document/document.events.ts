import type { DomainEvent } from '../shared/decider';

export interface ChunkRecord {
  readonly chunkId: string;
  readonly index: number;
  readonly text: string;
  readonly heading: string | null;
  readonly headingPath: readonly string[];
  readonly startOffset: number;
  readonly endOffset: number;
  /** Where the chunk sits in the source: `page_start`/`page_end` for paged formats (PDF). */
  readonly metadata: Readonly<Record<string, unknown>>;
}

/**
 * A document was parsed and split into chunks; the chunks are part of the fact (schema 2: and its content hash).
 * Schema 3: `chunks` is the first page of them and `chunkCount` says how many there are; the rest follow, in
 * the same append, as DocumentChunksAdded pages.
 */
export type DocumentIngested = DomainEvent<
  'DocumentIngested',
  {
    readonly documentId: string;
    readonly projectId: string;
    readonly fileName: string;
    readonly contentType: string;
    readonly sizeBytes: number;
    readonly chunkSize: number;
    readonly chunkOverlap: number;
    /** Schema 2: the parser that read the file (e.g. `pdf-parse`) and the chunker that split it (e.g. `markdown-headings`). */
    readonly parsedBy: string;
    readonly chunkedBy: string;
    readonly chunks: readonly ChunkRecord[];
    /** Schema 3: every chunk of the document, over this event and its DocumentChunksAdded pages. */
    readonly chunkCount: number;
    /**
     * SHA-256 (hex) of the uploaded bytes: what content equality is decided on (`sameContent`). Schema 2;
     * null for a schema 1 event, written before it was recorded.
     */
    readonly contentSha256: string | null;
    readonly ingestedAt: string;
  }
>;

/**
 * More chunks of a document just ingested, in chunk order, appended with its DocumentIngested: a large
 * document is recorded a page at a time, so no single statement (on PGlite, a turn of the event loop) has
 * to carry megabytes.
 */
export type DocumentChunksAdded = DomainEvent<
  'DocumentChunksAdded',
  {
    readonly documentId: string;
    readonly projectId: string;
    readonly chunks: readonly ChunkRecord[];
    readonly ingestedAt: string;
  }
>;

export type DocumentEvent = DocumentIngested | DocumentChunksAdded;
