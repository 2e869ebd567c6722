import type { SqlExecutor } from '@compileo/sql';
import { LIVE_TABLES as t } from '../tables';
import { iso } from './iso-time';

export interface EntryRow {
  readonly entry_number: number;
  readonly entry_id: string;
  readonly status: 'accepted' | 'rejected';
  readonly question: string | null;
  readonly answer: string | null;
  readonly category: string;
  readonly quality_score: number | null;
  readonly quality_components: Record<string, number> | null;
  readonly difficulty: string;
  readonly source_chunk: string;
  readonly split: string | null;
  readonly version: number;
  readonly extra: Record<string, string> | null;
  readonly metadata: Record<string, unknown>;
  readonly rejection: Record<string, unknown> | null;
  readonly updated_at: string;
}

export const ENTRY_SORTS = ['quality', 'category', 'difficulty'] as const;
export type EntrySort = (typeof ENTRY_SORTS)[number];

/** Every order ends on the entry number, so pages are stable. */
const ORDER: Record<EntrySort, string> = {
  quality: 'quality_score DESC NULLS LAST, entry_number',
  category: 'category, entry_number',
  difficulty: 'difficulty_rank, entry_number',
};

const COLUMNS = `entry_number, entry_id, status, question, answer, category, quality_score, quality_components, difficulty, source_chunk, split, version,
  extra, metadata, rejection, ${iso('updated_at')}`;

export interface EntryPageQuery {
  readonly status: 'accepted' | 'rejected';
  readonly minQuality: number | null;
  readonly sortBy: EntrySort;
  readonly limit: number;
  readonly offset: number;
}

const FILTER = `dataset_id = $1 AND status = $2 AND ($3::float8 IS NULL OR quality_score >= $3::float8)`;

/** Entries of the dataset that match the page query's filters (status, minimum quality). */
export const countEntries = async (
  sql: SqlExecutor,
  datasetId: string,
  q: Pick<EntryPageQuery, 'status' | 'minQuality'>,
): Promise<number> =>
  (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t.entries} WHERE ${FILTER}`, [datasetId, q.status, q.minQuality]))
    .rows[0].n;

export const pageEntries = async (sql: SqlExecutor, datasetId: string, q: EntryPageQuery): Promise<EntryRow[]> =>
  (
    await sql.query<EntryRow>(`SELECT ${COLUMNS} FROM ${t.entries} WHERE ${FILTER} ORDER BY ${ORDER[q.sortBy]} LIMIT $4 OFFSET $5`, [
      datasetId,
      q.status,
      q.minQuality,
      q.limit,
      q.offset,
    ])
  ).rows;

/**
 * Streams accepted entries in entry order by keyset pagination, a page in memory at a time, so a
 * download of any size holds only `pageSize` rows. Pages are small because on PGlite a statement holds the
 * event loop while it runs: 500 rows took 45–70 ms, 200 about 20.
 */
export async function* streamEntries(sql: SqlExecutor, datasetId: string, split: string | null, pageSize = 200): AsyncGenerator<EntryRow> {
  let after = 0;
  for (;;) {
    const { rows } = await sql.query<EntryRow>(
      `SELECT ${COLUMNS} FROM ${t.entries} WHERE dataset_id = $1 AND status = 'accepted' AND ($2::text IS NULL OR split = $2::text)
       AND entry_number > $3 ORDER BY entry_number LIMIT $4`,
      [datasetId, split, after, pageSize],
    );
    for (const row of rows) yield row;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].entry_number;
  }
}
