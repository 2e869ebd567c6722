import type { ExportRow } from './export-row';
import { writeChunk } from './stream-write';

/** Lines are batched up to this size before a write, to cut per-write overhead without holding much memory. */
const BATCH_BYTES = 64 * 1024;

/**
 * Streams rows as JSON Lines (one object per line, keys in ExportRow order). Does not end `out`: the caller
 * owns it (an HTTP response, a zip entry) and may write more or end it.
 */
export async function writeJsonl(
  rows: AsyncIterable<ExportRow>,
  out: NodeJS.WritableStream,
): Promise<{ readonly count: number }> {
  let count = 0;
  let batch = '';
  for await (const row of rows) {
    batch += toJsonLine(row);
    count++;
    if (batch.length >= BATCH_BYTES) {
      await writeChunk(out, batch);
      batch = '';
    }
  }
  if (batch.length > 0) await writeChunk(out, batch);
  return { count };
}

function toJsonLine(row: ExportRow): string {
  // Explicit key list: a row object carrying extra fields must not leak them into the export.
  const line = {
    id: row.id,
    question: row.question,
    answer: row.answer,
    category: row.category,
    quality_score: row.quality_score,
    difficulty: row.difficulty,
    source_chunk: row.source_chunk,
    split: row.split,
    version: row.version,
    metadata: row.metadata,
  };
  return `${JSON.stringify(line)}\n`;
}
