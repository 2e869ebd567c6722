import { NotFoundError } from '@compileo/domain';
import { DocumentsQueries, ProjectsQueries } from '@compileo/read-models';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { pageWindow } from '../http/paging';
import { parseInput } from '../http/parse-input';
import { chunkPageSchema } from './document.schemas';
import { chunkView, type ChunkPageView } from './document.views';

@Controller('api/v1/chunks')
export class ChunksController {
  constructor(
    private readonly projects: ProjectsQueries,
    private readonly documents: DocumentsQueries,
  ) {}

  @Get('project/:project_id')
  async byProject(@Param('project_id') projectId: string, @Query() query: unknown): Promise<ChunkPageView> {
    if (!(await this.projects.find(projectId))) throw new NotFoundError('project', projectId);
    return this.page({ projectId }, query);
  }

  @Get('document/:document_id')
  async byDocument(@Param('document_id') documentId: string, @Query() query: unknown): Promise<ChunkPageView> {
    if (!(await this.documents.find(documentId))) throw new NotFoundError('document', documentId);
    return this.page({ documentId }, query);
  }

  private async page(by: { projectId: string } | { documentId: string }, query: unknown): Promise<ChunkPageView> {
    const { page, per_page } = parseInput(chunkPageSchema, query);
    const { chunks, total } = await this.documents.chunks(by, pageWindow({ page, per_page }));
    return { chunks: chunks.map(chunkView), total, page, per_page };
  }
}
