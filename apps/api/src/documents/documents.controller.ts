import { NotFoundError, ValidationError } from '@compileo/domain';
import { DocumentsQueries, ProjectsQueries } from '@compileo/read-models';
import { Body, Controller, Get, HttpCode, Param, Post, Query, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { idText } from '../http/ids';
import { projectPage } from '../http/project-page';
import { parseInput } from '../http/parse-input';
import { unstorableText } from '../http/stored-text';
import { MultipartBody } from '../http/json-content-type.guard';
import { Actor } from '../http/request-actor';
import { documentView, type DocumentListView, type DocumentPageView, type DocumentView } from './document.views';
import { createDocumentSchema, documentListSchema, fileNameSchema, uploadFieldsSchema, uploadQuerySchema } from './document.schemas';
import { IngestDocumentsCommand, type IncomingFile } from './ingest-documents.command';
import { UploadFilesInterceptor } from './upload-files.interceptor';

const FILE_FIELDS = new Set(['files', 'files[]', 'file']);

/** A multipart file's name (busboy hands it over as latin1), held to the same rules as JSON's `file_name`. */
const uploadedFileName = (file: Express.Multer.File, field: string): string => {
  const name = Buffer.from(file.originalname, 'latin1').toString('utf8');
  const why = unstorableText(name);
  if (why) throw ValidationError.field(field, `file name: ${why}`);
  const checked = fileNameSchema.safeParse(name);
  if (!checked.success) throw ValidationError.field(field, `file name: ${checked.error.issues[0].message}`);
  return checked.data;
};

@Controller('api/v1/documents')
export class DocumentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly documents: DocumentsQueries,
    private readonly projects: ProjectsQueries,
  ) {}

  /** `?project_id=` (required), `page`, `per_page`: the project's documents, newest first. */
  @Get()
  async list(@Query() query: unknown): Promise<DocumentPageView> {
    const q = parseInput(documentListSchema, query);
    return projectPage(this.projects, q, 'documents', (w) => this.documents.listByProject(q.project_id, w), documentView);
  }

  /**
   * Multipart: `project_id` and one or more `files` (.md, .markdown, .txt, .pdf, .docx, .html); optional `chunk_size`,
   * `chunk_overlap`, and `allow_duplicate` (field or query) to record a file whose content the project already holds.
   */
  @Post('upload')
  @HttpCode(201)
  @MultipartBody()
  @UseInterceptors(UploadFilesInterceptor)
  async upload(
    @UploadedFiles() uploaded: Express.Multer.File[] | undefined,
    @Body() body: unknown,
    @Query() query: unknown,
    @Actor() actor: string,
  ): Promise<DocumentListView> {
    const fields = parseInput(uploadFieldsSchema, body);
    const { allow_duplicate } = parseInput(uploadQuerySchema, query);
    const stray = (uploaded ?? []).find((f) => !FILE_FIELDS.has(f.fieldname));
    if (stray) throw ValidationError.field(stray.fieldname, 'unexpected file field; send files as `files`');
    const files: IncomingFile[] = (uploaded ?? []).map((f, i, all) => ({
      fileName: uploadedFileName(f, all.length > 1 ? `files.${i}` : 'files'),
      content: f.buffer,
    }));
    const chunking = { chunkSize: fields.chunk_size, chunkOverlap: fields.chunk_overlap };
    const allow = (fields.allow_duplicate ?? false) || (allow_duplicate ?? false);
    return this.ingest(new IngestDocumentsCommand(idText(fields.project_id), files, chunking, actor, allow, 'files'));
  }

  /** JSON: `{project_id, file_name, content}` for text and Markdown sent inline; `allow_duplicate` in the body or query. */
  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown, @Query() query: unknown, @Actor() actor: string): Promise<DocumentListView> {
    const input = parseInput(createDocumentSchema, body);
    const { allow_duplicate } = parseInput(uploadQuerySchema, query);
    const files = [{ fileName: input.file_name, content: Buffer.from(input.content, 'utf8') }];
    const chunking = { chunkSize: input.chunk_size, chunkOverlap: input.chunk_overlap };
    const allow = (input.allow_duplicate ?? false) || (allow_duplicate ?? false);
    return this.ingest(new IngestDocumentsCommand(idText(input.project_id), files, chunking, actor, allow, 'content'));
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<DocumentView> {
    const document = await this.documents.find(id);
    if (!document) throw new NotFoundError('document', id);
    return documentView(document);
  }

  private async ingest(command: IngestDocumentsCommand): Promise<DocumentListView> {
    const ids = await this.commands.execute(command);
    const documents = await Promise.all(ids.map((id) => this.documents.find(id)));
    return { documents: documents.filter((d) => d !== null).map(documentView), total: ids.length };
  }
}
