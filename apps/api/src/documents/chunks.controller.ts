import { NotFoundError } from '@compileo/domain';
import { SQL_CLIENT, type SqlClient } from '@compileo/sql';
import { findDocument, findProject, listChunks } from '@compileo/read-models';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { parseInput } from '../http/parse-input';
import { chunkPageSchema } from './document.schemas';
import { chunkView } from './document.views';

@Controller('api/v1/chunks')
export class ChunksController {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  @Get('project/:project_id')
  async byProject(@Param('project_id') projectId: string, @Query() query: unknown) {
    if (!(await findProject(this.sql, projectId))) throw new NotFoundError('project', projectId);
    return this.page({ projectId }, query);
  }

  @Get('document/:document_id')
  async byDocument(@Param('document_id') documentId: string, @Query() query: unknown) {
    if (!(await findDocument(this.sql, documentId))) throw new NotFoundError('document', documentId);
    return this.page({ documentId }, query);
  }

  private async page(by: { projectId: string } | { documentId: string }, query: unknown) {
    const { page, per_page } = parseInput(chunkPageSchema, query);
    const { chunks, total } = await listChunks(this.sql, by, { limit: per_page, offset: (page - 1) * per_page });
    return { chunks: chunks.map(chunkView), total, page, per_page };
  }
}
