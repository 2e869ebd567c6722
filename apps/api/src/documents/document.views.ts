import type { ChunkRow, DocumentRow } from '@compileo/read-models';

export const documentView = (d: DocumentRow) => ({
  id: d.id,
  project_id: d.project_id,
  file_name: d.file_name,
  content_type: d.content_type,
  size_bytes: d.size_bytes,
  status: d.status,
  chunk_count: d.chunk_count,
  created_at: d.created_at,
});

export const chunkView = (c: ChunkRow) => ({
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
  text: c.text,
});
