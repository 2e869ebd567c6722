import type { JobStatus } from '@compileo/domain';
import type { SqlExecutor } from '@compileo/sql';
import { LIVE_TABLES as t } from '../tables';
import { iso } from './iso-time';
import { pageRows, type Page, type PageRequest } from './page';

export interface JobRow {
  readonly id: string;
  readonly dataset_id: string;
  /** Null only for a job whose dataset the read models never saw. */
  readonly project_id: string | null;
  readonly kind: 'generation' | 'regeneration';
  readonly status: JobStatus;
  readonly total_steps: number;
  readonly steps_done: number;
  readonly steps_failed: number;
  readonly attempts: number;
  readonly input_tokens: string;
  readonly output_tokens: string;
  readonly cost_usd: number | null;
  readonly invalid_items: number;
  /** Entries the configured judge model could not rate (scored by the heuristic alone). */
  readonly judge_failures: number;
  readonly chunk_failures: readonly { readonly chunk_index: number; readonly chunk_id: string; readonly reason: string }[];
  readonly started_at: string | null;
  /** The current attempt (after a restart, the resumed run): its start and the steps done before it. */
  readonly attempt_started_at: string | null;
  readonly steps_at_attempt: number;
  readonly last_step_at: string | null;
  readonly finished_at: string | null;
  readonly result: Record<string, unknown> | null;
  readonly error: string | null;
  readonly created_at: string;
}

const COLUMNS = `id, dataset_id, project_id, kind, status, total_steps, steps_done, steps_failed, attempts, input_tokens::text AS input_tokens,
  output_tokens::text AS output_tokens, cost_usd, invalid_items, judge_failures, chunk_failures, ${iso('started_at')}, ${iso('attempt_started_at')}, steps_at_attempt,
  ${iso('last_step_at')}, ${iso('finished_at')}, result, error, ${iso('created_at')}`;

export const findJob = async (sql: SqlExecutor, id: string): Promise<JobRow | null> =>
  (await sql.query<JobRow>(`SELECT ${COLUMNS} FROM ${t.jobs} WHERE id = $1`, [id])).rows[0] ?? null;

/** A project's jobs, newest first, optionally of one status (index `jobs_project_newest` / `_project_status_newest`). */
export const listProjectJobs = (sql: SqlExecutor, projectId: string, status: JobStatus | null, page: PageRequest): Promise<Page<JobRow>> =>
  pageRows(
    sql,
    {
      columns: COLUMNS,
      from: t.jobs,
      // Two statements rather than `$2 IS NULL OR …`, so that each is served by its own index whatever the plan.
      where: status === null ? 'project_id = $1' : 'project_id = $1 AND status = $2',
      params: status === null ? [projectId] : [projectId, status],
      orderBy: `${t.jobs}.created_at DESC, id DESC`,
    },
    page,
  );

/** How one finished generation job ran: chunks done in its last attempt, its wall time, its concurrency. */
export interface JobTimingRow {
  readonly steps: number;
  readonly elapsed_ms: number;
  readonly concurrency: number;
}

/** The `limit` most recently finished generation jobs on `model`, timed (partial index `jobs_model_finished`). */
export const recentJobTimings = async (sql: SqlExecutor, model: string, limit: number): Promise<JobTimingRow[]> =>
  (
    await sql.query<JobTimingRow>(
      `SELECT j.steps_done - j.steps_at_attempt AS steps,
         (extract(epoch FROM j.finished_at - COALESCE(j.attempt_started_at, j.started_at)) * 1000)::float8 AS elapsed_ms,
         COALESCE((d.config->>'concurrency')::int, 1) AS concurrency
       FROM ${t.jobs} j JOIN ${t.datasets} d ON d.id = j.dataset_id
       WHERE j.model = $1 AND j.kind = 'generation' AND j.status = 'completed' AND j.steps_done > j.steps_at_attempt
         AND COALESCE(j.attempt_started_at, j.started_at) IS NOT NULL
       ORDER BY j.finished_at DESC LIMIT $2`,
      [model, limit],
    )
  ).rows;
