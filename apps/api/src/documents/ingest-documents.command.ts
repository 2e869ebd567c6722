import { Command } from '@nestjs/cqrs';

export interface IncomingFile {
  readonly fileName: string;
  readonly content: Buffer;
}

/** Parses, chunks and records uploaded files; resolves to the new document ids, in file order. */
export class IngestDocumentsCommand extends Command<string[]> {
  constructor(
    readonly projectId: string,
    readonly files: readonly IncomingFile[],
    readonly chunking: { readonly chunkSize?: number; readonly chunkOverlap?: number },
    readonly actor: string,
    /** Record a file even when the project already holds a document with its content (else a 409). */
    readonly allowDuplicate = false,
    /** The field a duplicate single file is named by (`content` in JSON, `files` in multipart; `files.<i>` of several). */
    readonly contentField = 'files',
  ) {
    super();
  }
}
