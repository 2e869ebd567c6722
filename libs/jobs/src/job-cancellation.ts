import { datasetDecider, datasetStream } from '@compileo/domain';
import type { CommandRunner } from '@compileo/event-store';
import { setMaxListeners } from 'node:events';

/** How often a running job looks for its own cancellation in the dataset stream. */
const POLL_MS = 250;

export interface JobSignal {
  /** Aborts on shutdown (the parent signal) or when the job is cancelled; model calls in flight abort with it. */
  readonly signal: AbortSignal;
  readonly cancelled: () => boolean;
  readonly stop: () => void;
}

/**
 * Watches the dataset stream for the job's cancellation (read incrementally through the runner's state
 * cache, so a poll costs one small query). Works the same when the API and the worker are separate processes.
 */
export const watchCancellation = (runner: CommandRunner, datasetId: string, jobId: string, parent: AbortSignal): JobSignal => {
  const controller = new AbortController();
  // Every model call in flight listens on this signal; `concurrency` may be up to 32 lanes.
  setMaxListeners(128, controller.signal);
  let cancelled = false;
  const onParentAbort = (): void => controller.abort(parent.reason);
  parent.addEventListener('abort', onParentAbort, { once: true });
  const timer = setInterval(() => {
    runner
      .load(datasetStream(datasetId), datasetDecider)
      .then(({ state }) => {
        if (state.jobs.get(jobId)?.finished && !controller.signal.aborted) {
          cancelled = true;
          controller.abort(new Error(`job ${jobId} was cancelled`));
        }
      })
      .catch(() => undefined); // a failed poll is retried at the next tick
  }, POLL_MS);
  return {
    signal: controller.signal,
    cancelled: () => cancelled,
    stop: () => {
      clearInterval(timer);
      parent.removeEventListener('abort', onParentAbort);
    },
  };
};
