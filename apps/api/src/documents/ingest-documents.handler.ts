import {
  chunkerFor,
  documentDecider,
  documentStream,
  NotFoundError,
  parserFor,
  projectDecider,
  projectStream,
  type ChunkRecord,
  ValidationError,
} from '@compileo/domain';
import { chunkDocument, resolveChunkOptions, type ResolvedChunkOptions } from '@compileo/generation';
import { chunkerFileName, pagesFor, parseDocument, type ArchiveLimits } from '@compileo/ingestion';
import { CLOCK, type Clock } from '@compileo/platform';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EventWriter } from '../http/event-writer';
import { IngestDocumentsCommand, type IncomingFile } from './ingest-documents.command';

/** COMPILEO_MAX_ARCHIVE_BYTES and COMPILEO_MAX_ARCHIVE_ENTRIES, for DOCX uploads. */
export const ARCHIVE_LIMITS = Symbol('ARCHIVE_LIMITS');

interface Prepared {
  readonly file: IncomingFile;
  readonly contentType: string;
  readonly records: ChunkRecord[];
}

/** Parses a file (Markdown, text, PDF, DOCX, HTML) and splits it into chunks that know their heading path and pages. */
const prepare = async (file: IncomingFile, chunking: ResolvedChunkOptions, archive: ArchiveLimits): Promise<Prepared> => {
  const parsed = await parseDocument(file.fileName, file.content, { archive });
  const chunks = chunkDocument(parsed.markdown, chunkerFileName(file.fileName), chunking);
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
  return { file, contentType: parsed.contentType, records };
};

/** Names the file's position in a multi-file upload as the field of its problem (`files.1`). */
const naming =
  (field: string) =>
  (error: unknown): never => {
    if (error instanceof ValidationError) throw new ValidationError(error.problems.map((p) => ({ ...p, field })));
    throw error;
  };

/**
 * Parses and chunks every file first, so that one bad file rejects the whole request before anything is
 * written; then records each document, with its chunks, in its own stream.
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
    for (const [i, file] of command.files.entries())
      prepared.push(await prepare(file, chunking, this.archive).catch(naming(command.files.length > 1 ? `files.${i}` : 'files')));
    const ids: string[] = [];
    for (const { file, contentType, records } of prepared) {
      const documentId = randomUUID();
      await this.writer.write(
        documentStream(documentId),
        documentDecider,
        {
          type: 'IngestDocument',
          documentId,
          projectId: command.projectId,
          fileName: file.fileName,
          contentType,
          sizeBytes: file.content.length,
          chunkSize: chunking.chunkSize,
          chunkOverlap: chunking.chunkOverlap,
          parsedBy: parserFor(contentType),
          chunkedBy: chunkerFor(contentType),
          chunks: records,
          now: this.clock.now().toISOString(),
        },
        { actor: command.actor },
      );
      ids.push(documentId);
    }
    return ids;
  }
}
