import type { SqlExecutor } from '@compileo/sql';
import type { SourceChunk } from '@compileo/generation';
import { chunksByIds } from '@compileo/read-models';

/** Loads the chunks a job works on, as the generator sees them. */
export const loadSourceChunks = async (sql: SqlExecutor, ids: readonly string[]): Promise<Map<string, SourceChunk>> => {
  const rows = await chunksByIds(sql, ids);
  return new Map(
    [...rows].map(([id, r]) => [id, { id, text: r.text, heading: r.heading, documentName: r.file_name, location: r.metadata }]),
  );
};
