import { JobLeasedError } from '@compileo/domain';
import { CommandRunner } from '@compileo/event-store';
import type { JobTrigger } from '@compileo/bus';
import { APP_CONFIG, CLOCK, WORKER_ID, type AppConfig, type Clock } from '@compileo/platform';
import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { GenerationJobProcessor } from './generation/generation-job.processor';
import { JobLeaseHolder, type LeaseOptions } from './job-lease';
import { logLeaseHeld } from './job-log';
import { RegenerationJobProcessor } from './regeneration/regeneration-job.processor';

/** Past a lease's end before trying again: clocks of two workers are never exactly equal. */
const LAPSE_MARGIN_MS = 250;
/** Longest wait before a worker looks again at a job another holds. */
const RECHECK_MS = 2_000;

/**
 * Runs a job under a lease in its own stream, so that no two workers process one job at once: while another
 * worker holds the lease this one waits (until it lapses, or the job ends and there is nothing left to do);
 * when this worker's lease is taken over, its run is aborted.
 */
@Injectable()
export class JobDispatcher {
  private readonly lease: LeaseOptions;

  constructor(
    private readonly runner: CommandRunner,
    private readonly generation: GenerationJobProcessor,
    private readonly regeneration: RegenerationJobProcessor,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.lease = {
      workerId: WORKER_ID,
      leaseMs: config.COMPILEO_JOB_LEASE_MS,
      exclusiveStore: config.DATABASE_URL === undefined,
    };
  }

  readonly handle = async (trigger: JobTrigger, signal: AbortSignal): Promise<void> => {
    const processor = trigger.kind === 'generation' ? this.generation : this.regeneration;
    for (;;) {
      const lost = new AbortController();
      const holder = new JobLeaseHolder(this.runner, this.clock, trigger, this.lease, (error) => lost.abort(error));
      try {
        await processor.run(trigger, AbortSignal.any([signal, lost.signal]), () => holder.claim());
        return;
      } catch (error) {
        if (!(error instanceof JobLeasedError) || signal.aborted) throw error;
        logLeaseHeld(trigger, error.message);
        // Until the lease lapses, but looking again every few seconds: a holder that finishes releases it early.
        const wait = Math.min(RECHECK_MS, Math.max(0, Date.parse(error.holder.until) - this.clock.now().getTime()) + LAPSE_MARGIN_MS);
        await sleep(wait, undefined, { signal }).catch(() => undefined);
        if (signal.aborted) return;
      } finally {
        await holder.release();
      }
    }
  };
}
