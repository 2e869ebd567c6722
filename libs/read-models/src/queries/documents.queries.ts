import type { SqlExecutor } from '@compileo/sql';
import { LIVE_TABLES as t } from '../tables';
import { iso } from './iso-time';
import { pageRows, type Page, type PageRequest } from './page';

export interface DocumentRow {
  readonly id: string;
  readonly project_id: string;
  readonly file_name: string;
  readonly content_type: string;
  readonly size_bytes: number;
  readonly status: string;
  readonly chunk_count: number;
  readonly chunk_size: number;
  readonly chunk_overlap: number;
  /** SHA-256 of the uploaded bytes; null for a document recorded before hashes were. */
  readonly content_sha256: string | null;
  readonly created_at: string;
  /** The parser that read the file and the chunker that split it, as the upload recorded them. */
  readonly parsed_by: string;
  readonly chunked_by: string;
}

export interface ChunkRow {
  readonly id: string;
  readonly document_id: string;
  readonly project_id: string;
  readonly chunk_index: number;
  readonly text: string;
  readonly heading: string | null;
  readonly heading_path: string[];
  readonly start_offset: number;
  readonly end_offset: number;
  readonly metadata: Record<string, unknown>;
  readonly file_name: string;
  readonly parsed_by: string;
  readonly chunked_by: string;
}

const CHUNK_COLUMNS = `c.id, c.document_id, c.project_id, c.chunk_index, c.text, c.heading, c.heading_path, c.start_offset, c.end_offset, c.metadata, d.file_name, d.parsed_by, d.chunked_by`;
const CHUNK_FROM = `${t.chunks} c JOIN ${t.documents} d ON d.id = c.document_id`;

const DOCUMENT_COLUMNS = `id, project_id, file_name, content_type, size_bytes, status, chunk_count, chunk_size, chunk_overlap, content_sha256, ${iso('created_at')}, parsed_by, chunked_by`;

export const findDocument = async (sql: SqlExecutor, id: string): Promise<DocumentRow | null> =>
  (await sql.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM ${t.documents} WHERE id = $1`, [id])).rows[0] ?? null;

/** A project's documents, newest first (index `documents_project_newest`). */
export const listProjectDocuments = (sql: SqlExecutor, projectId: string, page: PageRequest): Promise<Page<DocumentRow>> =>
  pageRows(
    sql,
    {
      columns: DOCUMENT_COLUMNS,
      from: t.documents,
      where: 'project_id = $1',
      params: [projectId],
      orderBy: `${t.documents}.created_at DESC, id DESC`,
    },
    page,
  );

export const listChunks = async (
  sql: SqlExecutor,
  by: { readonly projectId: string } | { readonly documentId: string },
  page: { readonly limit: number; readonly offset: number },
): Promise<{ chunks: ChunkRow[]; total: number }> => {
  const [where, id] = 'projectId' in by ? ['c.project_id = $1', by.projectId] : ['c.document_id = $1', by.documentId];
  const total = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t.chunks} c WHERE ${where}`, [id]);
  const rows = await sql.query<ChunkRow>(
    `SELECT ${CHUNK_COLUMNS} FROM ${CHUNK_FROM} WHERE ${where} ORDER BY c.created_at, c.document_id, c.chunk_index LIMIT $2 OFFSET $3`,
    [id, page.limit, page.offset],
  );
  return { chunks: rows.rows, total: total.rows[0].n };
};

/** Ids of every chunk of a project, in document then chunk order: the work list of a generation job. */
export const projectChunkIds = async (sql: SqlExecutor, projectId: string): Promise<string[]> =>
  (
    await sql.query<{ id: string }>(`SELECT id FROM ${t.chunks} WHERE project_id = $1 ORDER BY created_at, document_id, chunk_index`, [
      projectId,
    ])
  ).rows.map((r) => r.id);

export const chunksByIds = async (sql: SqlExecutor, ids: readonly string[]): Promise<Map<string, ChunkRow>> => {
  const rows = await sql.query<ChunkRow>(`SELECT ${CHUNK_COLUMNS} FROM ${CHUNK_FROM} WHERE c.id = ANY($1::text[])`, [ids]);
  return new Map(rows.rows.map((r) => [r.id, r]));
};
