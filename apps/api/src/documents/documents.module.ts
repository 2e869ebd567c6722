import type { AppConfig } from '@compileo/platform';
import { ReadModelQueriesModule } from '@compileo/read-models';
import { type DynamicModule, Module } from '@nestjs/common';
import { ChunksController } from './chunks.controller';
import { DocumentsController } from './documents.controller';
import type { ArchiveLimits } from '@compileo/ingestion';
import { ARCHIVE_LIMITS, IngestDocumentsHandler } from './ingest-documents.handler';
import { UPLOAD_LIMITS, type UploadLimits } from './upload-files.interceptor';

/** Uploads are held in memory up to COMPILEO_MAX_UPLOAD_BYTES per file (413 beyond), then parsed and chunked. */
@Module({})
export class DocumentsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DocumentsModule,
      imports: [ReadModelQueriesModule],
      controllers: [DocumentsController, ChunksController],
      providers: [
        IngestDocumentsHandler,
        {
          provide: ARCHIVE_LIMITS,
          useValue: {
            maxUncompressedBytes: config.COMPILEO_MAX_ARCHIVE_BYTES,
            maxEntries: config.COMPILEO_MAX_ARCHIVE_ENTRIES,
          } satisfies ArchiveLimits,
        },
        { provide: UPLOAD_LIMITS, useValue: { fileBytes: config.COMPILEO_MAX_UPLOAD_BYTES, files: 50 } satisfies UploadLimits },
      ],
    };
  }
}
