import { READ_SQL, type SqlExecutor } from '@compileo/sql';
import { Inject, Injectable } from '@nestjs/common';
import { type ChunkRow, type DocumentRow, findDocument, listChunks, projectChunkIds } from '../queries/documents.queries';

/** Documents and their chunks. */
@Injectable()
export class DocumentsQueries {
  constructor(@Inject(READ_SQL) private readonly sql: SqlExecutor) {}

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
}
