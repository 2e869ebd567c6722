import type { ChunkRow, DocumentRow } from '@compileo/read-models';
import type { PageView } from '../http/project-page';

/** A document as upload responses and `GET /documents/{id}` show it. */
export interface DocumentView {
  readonly id: string;
  readonly project_id: string;
  readonly file_name: string;
  readonly content_type: string;
  readonly size_bytes: number;
  readonly status: string;
  readonly chunk_count: number;
  /** SHA-256 of the uploaded bytes, which duplicate uploads are recognised by; null for documents recorded before it was. */
  readonly content_sha256: string | null;
  readonly created_at: string;
  /** What really parsed and chunked it: built-in libraries chosen by file type (no model does either). */
  readonly parsed_by: string;
  readonly chunked_by: string;
}

/** `POST /documents` and `/documents/upload`: the documents recorded, in file order. */
export interface DocumentListView {
  readonly documents: readonly DocumentView[];
  readonly total: number;
}

/** `GET /documents?project_id=`: a page of the project's documents, newest first. */
export type DocumentPageView = PageView<'documents', DocumentView>;

export interface ChunkView {
  readonly id: string;
  readonly document_id: string;
  readonly project_id: string;
  readonly file_name: string;
  readonly chunk_index: number;
  readonly heading: string | null;
  readonly heading_path: readonly string[];
  readonly start_offset: number;
  readonly end_offset: number;
  readonly char_count: number;
  readonly metadata: Record<string, unknown>;
  readonly parsed_by: string;
  readonly chunked_by: string;
  readonly text: string;
}

export interface ChunkPageView {
  readonly chunks: readonly ChunkView[];
  readonly total: number;
  readonly page: number;
  readonly per_page: number;
}

export const documentView = (d: DocumentRow): DocumentView => ({
  id: d.id,
  project_id: d.project_id,
  file_name: d.file_name,
  content_type: d.content_type,
  size_bytes: d.size_bytes,
  status: d.status,
  chunk_count: d.chunk_count,
  content_sha256: d.content_sha256,
  created_at: d.created_at,
  parsed_by: d.parsed_by,
  chunked_by: d.chunked_by,
});

export const chunkView = (c: ChunkRow): ChunkView => ({
  id: c.id,
  document_id: c.document_id,
  project_id: c.project_id,
  file_name: c.file_name,
  chunk_index: c.chunk_index,
  heading: c.heading,
  heading_path: c.heading_path,
  start_offset: c.start_offset,
  end_offset: c.end_offset,
  char_count: c.text.length,
  metadata: c.metadata,
  parsed_by: c.parsed_by,
  chunked_by: c.chunked_by,
  text: c.text,
});
