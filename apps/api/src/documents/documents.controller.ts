import { NotFoundError, ValidationError } from '@compileo/domain';
import { SQL_CLIENT, type SqlClient } from '@compileo/event-store';
import { findDocument } from '@compileo/read-models';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { idText } from '../http/ids';
import { parseInput } from '../http/parse-input';
import { MultipartBody } from '../http/json-content-type.guard';
import { Actor } from '../http/request-actor';
import { documentView } from './document.views';
import { createDocumentSchema, uploadFieldsSchema } from './document.schemas';
import { IngestDocumentsCommand, type IncomingFile } from './ingest-documents.command';
import { UploadFilesInterceptor } from './upload-files.interceptor';

const FILE_FIELDS = new Set(['files', 'files[]', 'file']);

@Controller('api/v1/documents')
export class DocumentsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  /** Multipart: `project_id` and one or more `files` (.md, .markdown, .txt, .pdf, .docx, .html); optional `chunk_size`, `chunk_overlap`. */
  @Post('upload')
  @HttpCode(201)
  @MultipartBody()
  @UseInterceptors(UploadFilesInterceptor)
  async upload(@UploadedFiles() uploaded: Express.Multer.File[] | undefined, @Body() body: unknown, @Actor() actor: string) {
    const fields = parseInput(uploadFieldsSchema, body);
    const stray = (uploaded ?? []).find((f) => !FILE_FIELDS.has(f.fieldname));
    if (stray) throw ValidationError.field(stray.fieldname, 'unexpected file field; send files as `files`');
    const files: IncomingFile[] = (uploaded ?? []).map((f) => ({ fileName: Buffer.from(f.originalname, 'latin1').toString('utf8'), content: f.buffer }));
    return this.ingest(idText(fields.project_id), files, { chunkSize: fields.chunk_size, chunkOverlap: fields.chunk_overlap }, actor);
  }

  /** JSON: `{project_id, file_name, content}` for text and Markdown sent inline. */
  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown, @Actor() actor: string) {
    const input = parseInput(createDocumentSchema, body);
    const files = [{ fileName: input.file_name, content: Buffer.from(input.content, 'utf8') }];
    return this.ingest(idText(input.project_id), files, { chunkSize: input.chunk_size, chunkOverlap: input.chunk_overlap }, actor);
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    const document = await findDocument(this.sql, id);
    if (!document) throw new NotFoundError('document', id);
    return documentView(document);
  }

  private async ingest(projectId: string, files: IncomingFile[], chunking: { chunkSize?: number; chunkOverlap?: number }, actor: string) {
    const ids = await this.commands.execute(new IngestDocumentsCommand(projectId, files, chunking, actor));
    const documents = await Promise.all(ids.map((id) => findDocument(this.sql, id)));
    return { documents: documents.filter((d) => d !== null).map(documentView), total: ids.length };
  }
}
