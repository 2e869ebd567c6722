import { ConflictError } from '../errors';

/**
 * Content equality of documents: two uploads are the same document when the SHA-256 of their bytes is
 * equal (file names, types and chunking do not count). A document recorded before hashes were (null)
 * equals nothing.
 */
export const sameContent = (a: string | null, b: string | null): boolean => a !== null && a === b;

/**
 * The first copy of a content in a project is recorded under an id derived from this key, so that two
 * uploads of one content race for one stream and only one can create it (the store's `no_stream`
 * append); a copy allowed on purpose (`allow_duplicate`) gets an id of its own.
 */
export const firstCopyKey = (projectId: string, contentSha256: string): string => `document-content:${projectId}:${contentSha256}`;

/** The document an upload repeats, named by id and file name. */
export interface ExistingDocument {
  readonly documentId: string;
  readonly fileName: string;
}

/** CONFLICT: the project already holds a document with this content. */
export class DuplicateDocumentError extends ConflictError {
  constructor(
    readonly existing: ExistingDocument,
    field = 'content',
  ) {
    super(
      `document ${existing.documentId} (${existing.fileName}) in this project has the same content; send allow_duplicate=true to upload it again`,
      field,
    );
  }
}

/** Where an upload is recorded: under the first-copy id, or (a duplicate allowed on purpose) an id of its own. */
export type UploadPlacement = 'first_copy' | 'own_id';

/**
 * Places an upload given the state of its content's first-copy stream: a free stream takes it; a taken
 * one is a DuplicateDocumentError unless the duplicate is allowed.
 */
export const placeUpload = (
  firstCopy: { readonly exists: boolean; readonly documentId: string | null; readonly fileName: string | null },
  allowDuplicate: boolean,
  field?: string,
): UploadPlacement => {
  if (!firstCopy.exists) return 'first_copy';
  if (allowDuplicate) return 'own_id';
  throw new DuplicateDocumentError({ documentId: firstCopy.documentId!, fileName: firstCopy.fileName! }, field);
};
