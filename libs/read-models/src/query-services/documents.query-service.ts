import { SQL_CLIENT, type SqlExecutor } from '@compileo/sql';
import { Inject, Injectable } from '@nestjs/common';
import { type ChunkRow, chunksByIds, type DocumentRow, findDocument, listChunks, projectChunkIds } from '../queries/documents.queries';

/** Documents and their chunks. */
@Injectable()
export class DocumentsQueries {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlExecutor) {}

  find(id: string): Promise<DocumentRow | null> {
    return findDocument(this.sql, id);
  }

  chunks(
    by: { readonly projectId: string } | { readonly documentId: string },
    page: { readonly limit: number; readonly offset: number },
  ): Promise<{ chunks: ChunkRow[]; total: number }> {
    return listChunks(this.sql, by, page);
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
