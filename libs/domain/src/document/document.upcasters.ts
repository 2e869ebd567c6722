import type { StoredEvent } from '../shared/decider';
import type { DocumentEvent, DocumentIngested } from './document.events';

/** Reads a document event of any schema as the current one: schema 1 recorded no content hash. */
export const upcastDocumentEvent = (event: StoredEvent): DocumentEvent => {
  if (event.schemaVersion >= 2 || event.type !== 'DocumentIngested') return event as unknown as DocumentEvent;
  const data = event.data as Omit<DocumentIngested['data'], 'contentSha256'>;
  return { type: 'DocumentIngested', data: { ...data, contentSha256: null } };
};
