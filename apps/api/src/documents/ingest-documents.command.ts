export interface IncomingFile {
  readonly fileName: string;
  readonly content: Buffer;
}

export class IngestDocumentsCommand {
  constructor(
    readonly projectId: string,
    readonly files: readonly IncomingFile[],
    readonly chunking: { readonly chunkSize?: number; readonly chunkOverlap?: number },
    readonly actor: string,
  ) {}
}
