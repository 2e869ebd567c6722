import { Logger } from '@nestjs/common';

/**
 * A job's lifecycle at `info`, one JSON line per step (pino through nestjs-pino), each with `job_event`,
 * `job_id`, `dataset_id` and `kind`: requested (by the API), started or resumed (by the worker that claims
 * it), chunk failed (with the reason), completed (counts, duration) or failed; lease held by another worker, or lost.
 */
const logger = new Logger('Jobs');

export interface LoggedJob {
  readonly jobId: string;
  readonly datasetId: string;
  readonly kind: 'generation' | 'regeneration';
}

/** When this process started each job it runs, for the duration in the completion line. */
const startedAt = new Map<string, number>();

const fields = (job: LoggedJob, jobEvent: string, facts: Record<string, unknown>) => ({
  job_event: jobEvent,
  job_id: job.jobId,
  dataset_id: job.datasetId,
  kind: job.kind,
  ...facts,
});

export const logJobRequested = (job: LoggedJob, facts: Record<string, unknown>): void =>
  logger.log(fields(job, 'requested', facts), `${job.kind} job ${job.jobId} requested`);

/** `done` of `total` units (chunks, or entries for a regeneration) were finished before this worker took the job. */
export const logJobStarted = (job: LoggedJob, total: number, done: number): void => {
  startedAt.set(job.jobId, Date.now());
  const step = done > 0 ? 'resumed' : 'started';
  logger.log(
    fields(job, step, { total, done, remaining: total - done }),
    `${job.kind} job ${job.jobId} ${step}${done > 0 ? ` after ${done} of ${total}` : ` (${total} to do)`}`,
  );
};

/** `unit` is a chunk index (generation) or an entry id (regeneration). */
export const logChunkFailed = (job: LoggedJob, unit: number | string, reason: string): void =>
  logger.log(
    fields(job, 'chunk_failed', typeof unit === 'number' ? { chunk_index: unit, reason } : { entry_id: unit, reason }),
    `${job.kind} job ${job.jobId}: ${typeof unit === 'number' ? `chunk ${unit}` : `entry ${unit}`} failed: ${reason}`,
  );

const durationMs = (job: LoggedJob): number | null => {
  const started = startedAt.get(job.jobId);
  startedAt.delete(job.jobId);
  return started === undefined ? null : Date.now() - started;
};

export const logJobCompleted = (job: LoggedJob, counts: Record<string, number>): void => {
  const duration = durationMs(job);
  logger.log(
    fields(job, 'completed', { ...counts, duration_ms: duration }),
    `${job.kind} job ${job.jobId} completed${duration === null ? '' : ` in ${(duration / 1000).toFixed(1)} s`}`,
  );
};

export const logJobFailed = (job: LoggedJob, reason: string): void =>
  logger.log(fields(job, 'failed', { reason, duration_ms: durationMs(job) }), `${job.kind} job ${job.jobId} failed: ${reason}`);

/** The finished dataset's files went to (or could not be written to) its `output_dir`. */
export const logExported = (job: LoggedJob, files: readonly string[] | null, reason?: string): void =>
  files
    ? logger.log(fields(job, 'exported', { files }), `${job.kind} job ${job.jobId} wrote ${files.length} file(s) to its output_dir`)
    : logger.error(fields(job, 'export_failed', { reason }), `${job.kind} job ${job.jobId} could not write its output_dir: ${reason}`);

/** Another worker holds the job: this one waits for the lease to lapse or the job to end. */
export const logLeaseHeld = (job: LoggedJob, reason: string): void =>
  logger.log(fields(job, 'lease_held', { reason }), `${job.kind} job ${job.jobId}: waiting, ${reason}`);

/** This worker's lease was taken over: it stops working on the job. */
export const logLeaseLost = (job: LoggedJob, reason: string): void =>
  logger.warn(fields(job, 'lease_lost', { reason }), `${job.kind} job ${job.jobId}: stopping, ${reason}`);
