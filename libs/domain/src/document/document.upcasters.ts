import type { StoredEvent } from '../shared/decider';
import { chunkerFor, parserFor } from './document-processing';
import type { DocumentEvent, DocumentIngested } from './document.events';

/** The schema each document event type is written with now. */
export const DOCUMENT_SCHEMA_VERSIONS: Readonly<Partial<Record<DocumentEvent['type'], number>>> = { DocumentIngested: 3 };

/**
 * Reads a document event of any schema as the current one. Schema 1 recorded no content hash (null: equal to
 * nothing, so an old document is never called a duplicate), and did not say what parsed and chunked the
 * document; the builds that wrote it chose both by content type, as this one does. Schemas 1 and 2 held every
 * chunk in the one event.
 */
export const upcastDocumentEvent = (event: StoredEvent): DocumentEvent => {
  if (event.type !== 'DocumentIngested' || event.schemaVersion >= 3) return event as unknown as DocumentEvent;
  const data = event.data as Omit<DocumentIngested['data'], 'chunkCount'>;
  const processing =
    event.schemaVersion >= 2 ? {} : { contentSha256: null, parsedBy: parserFor(data.contentType), chunkedBy: chunkerFor(data.contentType) };
  return { type: 'DocumentIngested', data: { ...data, ...processing, chunkCount: data.chunks.length } };
};
