import type { SqlExecutor } from '@compileo/sql';
import { LIVE_TABLES as t } from '../tables';
import { iso } from './iso-time';

export interface JobRow {
  readonly id: string;
  readonly dataset_id: string;
  readonly kind: 'generation' | 'regeneration';
  readonly status: 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';
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

export const findJob = async (sql: SqlExecutor, id: string): Promise<JobRow | null> =>
  (
    await sql.query<JobRow>(
      `SELECT id, dataset_id, kind, status, total_steps, steps_done, steps_failed, attempts, input_tokens::text AS input_tokens,
         output_tokens::text AS output_tokens, cost_usd, invalid_items, judge_failures, chunk_failures, ${iso('started_at')}, ${iso('attempt_started_at')}, steps_at_attempt, ${iso('last_step_at')},
         ${iso('finished_at')}, result, error, ${iso('created_at')} FROM ${t.jobs} WHERE id = $1`,
      [id],
    )
  ).rows[0] ?? null;
