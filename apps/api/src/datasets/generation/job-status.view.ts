import type { JobRow } from '@compileo/read-models';
import { usageView, type UsageView } from '../dataset/usage.view';

const STEP_NOUN = { generation: 'chunk', regeneration: 'entry' } as const;

/** "Processing chunk 45 of 100" while running; a one-line outcome otherwise. */
const currentStep = (job: JobRow): string => {
  const noun = STEP_NOUN[job.kind];
  switch (job.status) {
    case 'pending':
      return 'Waiting for a worker';
    case 'running':
      return job.steps_done >= job.total_steps
        ? 'Finishing'
        : `${job.kind === 'generation' ? 'Processing' : 'Regenerating'} ${noun} ${job.steps_done + 1} of ${job.total_steps}`;
    case 'completed':
      return `Completed ${job.steps_done} of ${job.total_steps} ${noun === 'entry' ? 'entries' : 'chunks'}`;
    case 'failed':
      return 'Failed';
    case 'cancelled':
      return `Cancelled after ${job.steps_done} of ${job.total_steps} ${noun === 'entry' ? 'entries' : 'chunks'}`;
  }
};

/** From the rate observed in the current attempt (a resumed job does not count its downtime). */
const estimatedCompletion = (job: JobRow): string | null => {
  if (job.status !== 'pending' && job.status !== 'running') return job.finished_at;
  const since = job.attempt_started_at ?? job.started_at;
  const steps = job.steps_done - job.steps_at_attempt;
  if (job.status !== 'running' || !since || !job.last_step_at || steps <= 0) return null;
  const last = Date.parse(job.last_step_at);
  const perStep = Math.max(0, last - Date.parse(since)) / steps;
  return new Date(last + perStep * Math.max(0, job.total_steps - job.steps_done)).toISOString();
};

/** `GET /generate/{job_id}/status`: the contract's fields, then usage, failures and timing. */
export interface JobStatusView {
  readonly job_id: string;
  readonly status: JobRow['status'];
  readonly progress: number;
  readonly current_step: string;
  readonly estimated_completion: string | null;
  readonly result: Record<string, unknown> | null;
  readonly error: string | null;
  readonly usage: UsageView;
  readonly invalid_items: number;
  readonly judge_failures: number;
  readonly chunk_failures: JobRow['chunk_failures'];
  readonly dataset_id: string;
  readonly kind: JobRow['kind'];
  readonly attempts: number;
  readonly created_at: string;
  readonly started_at: string | null;
  readonly finished_at: string | null;
}

export const jobStatusView = (job: JobRow): JobStatusView => ({
  job_id: job.id,
  status: job.status,
  progress:
    job.status === 'completed' ? 100 : job.total_steps === 0 ? 0 : Math.min(99, Math.floor((job.steps_done / job.total_steps) * 100)),
  current_step: currentStep(job),
  estimated_completion: estimatedCompletion(job),
  // A failed regeneration shows, entry by entry, what failed (and what it kept).
  result: job.status === 'completed' || job.status === 'cancelled' || job.status === 'failed' ? job.result : null,
  error: job.error,
  usage: usageView(job),
  invalid_items: job.invalid_items,
  judge_failures: job.judge_failures,
  chunk_failures: job.chunk_failures,
  dataset_id: job.dataset_id,
  kind: job.kind,
  attempts: job.attempts,
  created_at: job.created_at,
  started_at: job.started_at,
  finished_at: job.finished_at,
});
