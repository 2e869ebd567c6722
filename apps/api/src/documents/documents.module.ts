import type { AppConfig } from '@compileo/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { ChunksController } from './chunks.controller';
import { DocumentsController } from './documents.controller';
import { IngestDocumentsHandler } from './ingest-documents.handler';

/** Uploads are held in memory up to COMPILEO_MAX_UPLOAD_BYTES per file (413 beyond), then parsed and chunked. */
@Module({})
export class DocumentsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DocumentsModule,
      imports: [MulterModule.register({ storage: memoryStorage(), limits: { fileSize: config.COMPILEO_MAX_UPLOAD_BYTES, files: 50 } })],
      controllers: [DocumentsController, ChunksController],
      providers: [IngestDocumentsHandler],
    };
  }
}
