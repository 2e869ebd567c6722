import { documentDecider, documentStream, NotFoundError, projectDecider, projectStream, type ChunkRecord, ValidationError } from '@compileo/domain';
import { chunkDocument, resolveChunkOptions } from '@compileo/generation';
import { CLOCK, type Clock } from '@compileo/platform';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EventWriter } from '../http/event-writer';
import { documentText } from './document-text';
import { IngestDocumentsCommand } from './ingest-documents.command';

/**
 * Parses and chunks every file first, so that one bad file rejects the whole request before anything is
 * written; then records each document, with its chunks, in its own stream.
 */
@CommandHandler(IngestDocumentsCommand)
export class IngestDocumentsHandler implements ICommandHandler<IngestDocumentsCommand, string[]> {
  constructor(
    private readonly writer: EventWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: IngestDocumentsCommand): Promise<string[]> {
    if (command.files.length === 0) throw ValidationError.field('files', 'at least one file is required');
    const { state } = await this.writer.load(projectStream(command.projectId), projectDecider);
    if (!state.exists) throw new NotFoundError('project', command.projectId);
    const chunking = resolveChunkOptions(command.chunking);
    const prepared = command.files.map((file, i) => {
      const { text, contentType } = documentText(file.fileName, file.content, command.files.length > 1 ? `files.${i}` : 'files');
      const chunks = chunkDocument(text, file.fileName, chunking);
      if (chunks.length === 0) throw ValidationError.field('files', `${file.fileName} has no text to chunk`);
      const records: ChunkRecord[] = chunks.map((c) => ({
        chunkId: randomUUID(),
        index: c.index,
        text: c.text,
        heading: c.heading,
        headingPath: c.headingPath,
        startOffset: c.startOffset,
        endOffset: c.endOffset,
      }));
      return { file, contentType, records };
    });
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
