import type { AppConfig } from '@compileo/platform';
import { ReadModelQueriesModule } from '@compileo/read-models';
import { type DynamicModule, Module } from '@nestjs/common';
import { ChunksController } from './chunks.controller';
import { DocumentsController } from './documents.controller';
import { IngestDocumentsHandler } from './ingest-documents.handler';
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
        { provide: UPLOAD_LIMITS, useValue: { fileBytes: config.COMPILEO_MAX_UPLOAD_BYTES, files: 50 } satisfies UploadLimits },
      ],
    };
  }
}
