import { exportColumns, type ExportRow } from './export-row';
import { writeChunk } from './stream-write';

/** Lines are batched up to this size before a write, to cut per-write overhead without holding much memory. */
const BATCH_BYTES = 64 * 1024;

/**
 * Streams rows as JSON Lines (one object per line, keys in ExportRow order). Does not end `out`: the caller
 * owns it (an HTTP response, a zip entry) and may write more or end it.
 */
export async function writeJsonl(rows: AsyncIterable<ExportRow>, out: NodeJS.WritableStream): Promise<{ readonly count: number }> {
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
  return `${JSON.stringify(exportColumns(row))}\n`;
}
