import type { SqlExecutor } from '@compileo/sql';
import { LIVE_TABLES as t } from '../tables';
import { iso } from './iso-time';

/** One piece of feedback on one entry: from `POST /feedback` (its type) or an edit's `feedback` (type `edit`). */
export interface FeedbackRow {
  readonly id: string;
  readonly entry_id: string;
  readonly feedback_type: string;
  readonly comments: string | null;
  readonly rating: number | null;
  readonly actor: string;
  readonly created_at: string;
}

/** An entry's human ratings: how many pieces of feedback, how many rated it, and their mean (null when none). */
export interface RatingAggregate {
  readonly feedback_count: number;
  readonly rating_count: number;
  readonly rating_mean: number | null;
}

const COLUMNS = `id, entry_id, feedback_type, comments, rating, actor, ${iso('created_at')}`;
const ENTRY_ORDER = `(substring(entry_id from 7))::int`;

/** Feedback on the given entries (all of the dataset's when `entryIds` is null), oldest first per entry. */
export const listFeedback = async (
  sql: SqlExecutor,
  datasetId: string,
  entryIds: readonly string[] | null,
  page: { readonly limit: number; readonly offset: number } = { limit: 100_000, offset: 0 },
): Promise<{ feedback: FeedbackRow[]; total: number }> => {
  const where = `dataset_id = $1 AND ($2::text[] IS NULL OR entry_id = ANY($2::text[]))`;
  const total = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t.feedback} WHERE ${where}`, [datasetId, entryIds]);
  const rows = await sql.query<FeedbackRow>(
    `SELECT ${COLUMNS} FROM ${t.feedback} WHERE ${where} ORDER BY ${ENTRY_ORDER}, created_at, id LIMIT $3 OFFSET $4`,
    [datasetId, entryIds, page.limit, page.offset],
  );
  return { feedback: rows.rows, total: total.rows[0].n };
};

/** Rating aggregates per entry that has feedback (the given entries, or all of the dataset's). Means to 3 decimals. */
export const ratingAggregates = async (
  sql: SqlExecutor,
  datasetId: string,
  entryIds: readonly string[] | null,
): Promise<Map<string, RatingAggregate>> => {
  const rows = await sql.query<RatingAggregate & { entry_id: string }>(
    `SELECT entry_id, count(*)::int AS feedback_count, count(rating)::int AS rating_count,
       round(avg(rating)::numeric, 3)::float8 AS rating_mean
     FROM ${t.feedback} WHERE dataset_id = $1 AND ($2::text[] IS NULL OR entry_id = ANY($2::text[]))
     GROUP BY entry_id ORDER BY ${ENTRY_ORDER}`,
    [datasetId, entryIds],
  );
  return new Map(rows.rows.map(({ entry_id, ...aggregate }) => [entry_id, aggregate]));
};
