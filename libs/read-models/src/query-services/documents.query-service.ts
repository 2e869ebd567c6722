import { READ_SQL, type SqlExecutor } from '@compileo/sql';
import { Inject, Injectable } from '@nestjs/common';
import {
  chunksByIds,
  type ChunkRow,
  type DocumentRow,
  findDocument,
  listChunks,
  listProjectDocuments,
  projectChunkIds,
} from '../queries/documents.queries';
import type { Page, PageRequest } from '../queries/page';

/** Documents and their chunks. */
@Injectable()
export class DocumentsQueries {
  constructor(@Inject(READ_SQL) private readonly sql: SqlExecutor) {}

  find(id: string): Promise<DocumentRow | null> {
    return findDocument(this.sql, id);
  }

  /** A project's documents, newest first. */
  listByProject(projectId: string, page: PageRequest): Promise<Page<DocumentRow>> {
    return listProjectDocuments(this.sql, projectId, page);
  }

  chunks(
    by: { readonly projectId: string } | { readonly documentId: string },
    page: { readonly limit: number; readonly offset: number },
  ): Promise<{ chunks: ChunkRow[]; total: number }> {
    return listChunks(this.sql, by, page);
  }

  /** Chunks by id, with their text. */
  chunksByIds(ids: readonly string[]): Promise<Map<string, ChunkRow>> {
    return chunksByIds(this.sql, ids);
  }

  /** Ids of every chunk of a project, in document then chunk order. */
  projectChunkIds(projectId: string): Promise<string[]> {
    return projectChunkIds(this.sql, projectId);
  }

  /** The text of one chunk, or null when there is no such chunk. */
  async chunkText(chunkId: string): Promise<string | null> {
    return (await chunksByIds(this.sql, [chunkId])).get(chunkId)?.text ?? null;
  }
}
