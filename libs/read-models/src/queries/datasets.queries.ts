import { QUALITY_BAND_FLOORS, roundScore } from '@compileo/domain';
import type { SqlExecutor } from '@compileo/sql';
import { LIVE_TABLES as t, type Tables } from '../tables';
import { iso } from './iso-time';
import { pageRows, type Page, type PageRequest } from './page';

export interface DatasetRow {
  readonly id: string;
  readonly project_id: string;
  readonly name: string;
  readonly status: string;
  readonly version: string;
  readonly format_type: 'jsonl' | 'parquet';
  readonly model: string;
  readonly config: Record<string, unknown>;
  readonly job_id: string;
  readonly total_entries: number;
  readonly rejected_count: number;
  readonly has_splits: boolean;
  readonly input_tokens: string;
  readonly output_tokens: string;
  readonly cost_usd: number | null;
  readonly quality_report: Record<string, unknown> | null;
  readonly benchmarks: readonly Record<string, unknown>[];
  readonly revision: string;
  readonly log_position: string;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface QualitySummary {
  readonly average_score: number | null;
  readonly distribution: { readonly high: number; readonly medium: number; readonly low: number };
  readonly categories: Record<string, number>;
}

const COLUMNS = `id, project_id, name, status, version, format_type, model, config, job_id, total_entries, rejected_count, has_splits,
  input_tokens::text AS input_tokens, output_tokens::text AS output_tokens, cost_usd, quality_report, benchmarks, revision::text AS revision, log_position,
  ${iso('created_at')}, ${iso('updated_at')}`;

export const findDataset = async (sql: SqlExecutor, id: string): Promise<DatasetRow | null> =>
  (await sql.query<DatasetRow>(`SELECT ${COLUMNS} FROM ${t.datasets} WHERE id = $1`, [id])).rows[0] ?? null;

/** A project's datasets, newest first (index `datasets_project_newest`). */
export const listProjectDatasets = (sql: SqlExecutor, projectId: string, page: PageRequest): Promise<Page<DatasetRow>> =>
  pageRows(
    sql,
    {
      columns: COLUMNS,
      from: t.datasets,
      where: 'project_id = $1',
      params: [projectId],
      orderBy: `${t.datasets}.created_at DESC, id DESC`,
    },
    page,
  );

/** Average, bands (the domain's floors) and categories of the accepted entries, aggregated in SQL. */
export const qualitySummary = async (sql: SqlExecutor, datasetId: string, tables: Tables = t): Promise<QualitySummary> => {
  const bands = await sql.query<{ average: number | null; high: number; medium: number; low: number }>(
    `SELECT avg(quality_score)::float8 AS average,
       count(*) FILTER (WHERE quality_score >= $2)::int AS high,
       count(*) FILTER (WHERE quality_score >= $3 AND quality_score < $2)::int AS medium,
       count(*) FILTER (WHERE quality_score < $3)::int AS low
     FROM ${tables.entries} WHERE dataset_id = $1 AND status = 'accepted'`,
    [datasetId, QUALITY_BAND_FLOORS.high, QUALITY_BAND_FLOORS.medium],
  );
  const categories = await sql.query<{ category: string; n: number }>(
    `SELECT category, count(*)::int AS n FROM ${tables.entries} WHERE dataset_id = $1 AND status = 'accepted' GROUP BY category ORDER BY n DESC, category`,
    [datasetId],
  );
  const b = bands.rows[0];
  return {
    average_score: b.average === null ? null : roundScore(b.average),
    distribution: { high: b.high, medium: b.medium, low: b.low },
    categories: Object.fromEntries(categories.rows.map((r) => [r.category, r.n])),
  };
};

export const splitCounts = async (sql: SqlExecutor, datasetId: string): Promise<Record<string, number>> =>
  Object.fromEntries(
    (
      await sql.query<{ split: string; n: number }>(
        `SELECT split, count(*)::int AS n FROM ${t.entries} WHERE dataset_id = $1 AND status = 'accepted' AND split IS NOT NULL GROUP BY split ORDER BY split`,
        [datasetId],
      )
    ).rows.map((r) => [r.split, r.n]),
  );
