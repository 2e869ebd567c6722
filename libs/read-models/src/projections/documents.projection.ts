import type { ChunkRecord, DocumentChunksAdded, DocumentIngested, TaxonomyCreated } from '@compileo/domain';
import type { SqlExecutor } from '@compileo/sql';
import type { Tables } from '../tables';
import { dataOf, type ProjectionHandler } from './projection';

const insertChunks = (
  tx: SqlExecutor,
  t: Tables,
  d: { documentId: string; projectId: string; chunks: readonly ChunkRecord[]; ingestedAt: string },
) =>
  tx.query(
    `INSERT INTO ${t.chunks} (id, document_id, project_id, chunk_index, text, heading, heading_path, start_offset, end_offset, metadata, created_at)
     SELECT c."chunkId", $2, $3, c.index, c.text, c.heading, c."headingPath", c."startOffset", c."endOffset", COALESCE(c.metadata, '{}'::jsonb), $4
     FROM jsonb_to_recordset($1::jsonb) AS c("chunkId" text, index int, text text, heading text, "headingPath" jsonb, "startOffset" int, "endOffset" int, metadata jsonb)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(d.chunks), d.documentId, d.projectId, d.ingestedAt],
  );

export const documentsProjection: ProjectionHandler = async (event, tx, t) => {
  if (event.type === 'DocumentIngested') {
    const d = dataOf<DocumentIngested['data']>(event);
    await tx.query(
      `INSERT INTO ${t.documents} (id, project_id, file_name, content_type, size_bytes, status, chunk_count, chunk_size, chunk_overlap, content_sha256,
         created_at, parsed_by, chunked_by)
       VALUES ($1, $2, $3, $4, $5, 'processed', $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING`,
      [
        d.documentId,
        d.projectId,
        d.fileName,
        d.contentType,
        d.sizeBytes,
        d.chunkCount,
        d.chunkSize,
        d.chunkOverlap,
        d.contentSha256,
        d.ingestedAt,
        d.parsedBy,
        d.chunkedBy,
      ],
    );
    await insertChunks(tx, t, d);
  } else if (event.type === 'DocumentChunksAdded') {
    await insertChunks(tx, t, dataOf<DocumentChunksAdded['data']>(event));
  } else if (event.type === 'TaxonomyCreated') {
    const d = dataOf<TaxonomyCreated['data']>(event);
    await tx.query(
      `INSERT INTO ${t.taxonomies} (id, project_id, name, description, taxonomy, categories, categories_count, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
      [
        d.taxonomyId,
        d.projectId,
        d.name,
        d.description,
        JSON.stringify(d.taxonomy),
        JSON.stringify(d.categories),
        d.categories.length,
        d.createdAt,
      ],
    );
  }
};
