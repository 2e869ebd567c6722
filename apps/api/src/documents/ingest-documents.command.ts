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
  ) {
    super();
  }
}
