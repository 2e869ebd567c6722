import {
  chunkerFor,
  documentDecider,
  documentStream,
  DuplicateDocumentError,
  firstCopyKey,
  NotFoundError,
  parserFor,
  placeUpload,
  projectDecider,
  projectStream,
  type ChunkRecord,
  ValidationError,
} from '@compileo/domain';
import { chunkDocumentSliced, resolveChunkOptions, type ResolvedChunkOptions } from '@compileo/generation';
import { chunkerFileName, pagesFor, parseDocument, type ArchiveLimits } from '@compileo/ingestion';
import { CLOCK, type Clock } from '@compileo/platform';
import { Inject } from '@nestjs/common';
import { deterministicId } from '@compileo/event-store';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import { EventWriter } from '../http/event-writer';
import { IngestDocumentsCommand, type IncomingFile } from './ingest-documents.command';

/** COMPILEO_MAX_ARCHIVE_BYTES and COMPILEO_MAX_ARCHIVE_ENTRIES, for DOCX uploads. */
export const ARCHIVE_LIMITS = Symbol('ARCHIVE_LIMITS');

interface Prepared {
  readonly file: IncomingFile;
  readonly field: string;
  readonly contentType: string;
  readonly records: ChunkRecord[];
  readonly contentSha256: string;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Parses a file (Markdown, text, PDF, DOCX, HTML) and splits it into chunks that know their heading path and pages. */
const prepare = async (file: IncomingFile, field: string, chunking: ResolvedChunkOptions, archive: ArchiveLimits): Promise<Prepared> => {
  const parsed = await parseDocument(file.fileName, file.content, { archive });
  const chunks = await chunkDocumentSliced(parsed.markdown, chunkerFileName(file.fileName), chunking);
  if (chunks.length === 0) throw ValidationError.field('files', `${file.fileName} has no text to chunk`);
  const records = chunks.map((c) => ({
    chunkId: randomUUID(),
    index: c.index,
    text: c.text,
    heading: c.heading,
    headingPath: c.headingPath,
    startOffset: c.startOffset,
    endOffset: c.endOffset,
    metadata: pagesFor(parsed.pages, c.startOffset, c.endOffset) ?? {},
  }));
  return { file, field, contentType: parsed.contentType, records, contentSha256: sha256(file.content) };
};

/** Names the file's position in a multi-file upload as the field of its problem (`files.1`). */
const naming =
  (field: string) =>
  (error: unknown): never => {
    if (error instanceof ValidationError) throw new ValidationError(error.problems.map((p) => ({ ...p, field })));
    throw error;
  };

/** Two files of one upload with one content: the later one is refused unless duplicates are allowed. */
const checkWithinUpload = (prepared: readonly Prepared[]): void => {
  const seen = new Map<string, Prepared>();
  for (const p of prepared) {
    const earlier = seen.get(p.contentSha256);
    if (earlier)
      throw ValidationError.field(
        p.field,
        `has the same content as ${earlier.field} (${earlier.file.fileName}) in this upload; send allow_duplicate=true to keep both`,
      );
    seen.set(p.contentSha256, p);
  }
};

/**
 * Parses and chunks every file first, and checks that none repeats a document of the project (the
 * domain's `placeUpload`), so that one bad file rejects the whole request before anything is written;
 * then records each document, with its chunks, in its own stream. A file's first copy in the project
 * goes to the stream derived from its content, so of two concurrent uploads of one content only one
 * creates it and the other is the 409 the decider raises on its retry.
 */
@CommandHandler(IngestDocumentsCommand)
export class IngestDocumentsHandler implements ICommandHandler<IngestDocumentsCommand> {
  constructor(
    private readonly writer: EventWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ARCHIVE_LIMITS) private readonly archive: ArchiveLimits,
  ) {}

  async execute(command: IngestDocumentsCommand): Promise<string[]> {
    if (command.files.length === 0) throw ValidationError.field('files', 'at least one file is required');
    const { state } = await this.writer.load(projectStream(command.projectId), projectDecider);
    if (!state.exists) throw new NotFoundError('project', command.projectId);
    const chunking = resolveChunkOptions(command.chunking);
    const prepared: Prepared[] = [];
    for (const [i, file] of command.files.entries()) {
      const field = command.files.length > 1 ? `files.${i}` : 'files';
      const contentField = command.files.length > 1 ? field : command.contentField;
      prepared.push(await prepare(file, contentField, chunking, this.archive).catch(naming(field)));
    }
    if (!command.allowDuplicate) checkWithinUpload(prepared);
    const placements = [];
    for (const p of prepared) {
      const firstCopy = this.firstCopyId(command.projectId, p.contentSha256);
      const { state: existing } = await this.writer.load(documentStream(firstCopy), documentDecider);
      placements.push(placeUpload(existing, command.allowDuplicate, p.field) === 'first_copy' ? firstCopy : randomUUID());
    }
    const ids: string[] = [];
    for (const [i, p] of prepared.entries()) ids.push(await this.record(command, chunking, p, placements[i]));
    return ids;
  }

  private firstCopyId(projectId: string, contentSha256: string): string {
    return deterministicId(firstCopyKey(projectId, contentSha256));
  }

  /** Records one document under `documentId`; an allowed duplicate that lost the race for the first copy takes an id of its own. */
  private async record(command: IngestDocumentsCommand, chunking: ResolvedChunkOptions, p: Prepared, documentId: string): Promise<string> {
    try {
      await this.writer.write(
        documentStream(documentId),
        documentDecider,
        {
          type: 'IngestDocument',
          documentId,
          projectId: command.projectId,
          fileName: p.file.fileName,
          contentType: p.contentType,
          sizeBytes: p.file.content.length,
          chunkSize: chunking.chunkSize,
          chunkOverlap: chunking.chunkOverlap,
          parsedBy: parserFor(p.contentType),
          chunkedBy: chunkerFor(p.contentType),
          chunks: p.records,
          contentSha256: p.contentSha256,
          now: this.clock.now().toISOString(),
        },
        { actor: command.actor },
      );
      return documentId;
    } catch (error) {
      if (!(error instanceof DuplicateDocumentError)) throw error;
      if (command.allowDuplicate) return this.record(command, chunking, p, randomUUID());
      throw new DuplicateDocumentError(error.existing, p.field);
    }
  }
}
