import { jobDecider, JobLeaseLostError, jobStream, type JobCommand } from '@compileo/domain';
import type { CommandRunner } from '@compileo/event-store';
import type { JobTrigger } from '@compileo/bus';
import type { Clock } from '@compileo/platform';
import { logLeaseLost } from './job-log';

export interface LeaseOptions {
  readonly workerId: string;
  readonly leaseMs: number;
  /**
   * Only this process can be working on the store (PGlite: its data directory is locked to one process), so
   * a lease held by another worker id is a dead process's and is taken over at once.
   */
  readonly exclusiveStore: boolean;
}

/**
 * One worker's hold on one job, recorded in the job's stream: claimed before the work starts, renewed every
 * third of its length while it runs, released when it ends. When a renewal finds the lease gone (it lapsed,
 * say while the process was frozen, and another worker took the job), `onLost` is called and the work
 * must stop.
 */
export class JobLeaseHolder {
  private attempt: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Until when the store last confirmed this worker's lease (ms since the epoch). */
  private confirmedUntil = 0;

  constructor(
    private readonly runner: CommandRunner,
    private readonly clock: Clock,
    private readonly trigger: JobTrigger,
    private readonly options: LeaseOptions,
    private readonly onLost: (error: JobLeaseLostError) => void,
  ) {}

  /** Throws JobLeasedError while another live worker holds the job. */
  async claim(): Promise<void> {
    const { workerId, leaseMs } = this.options;
    const stream = jobStream(this.trigger.jobId);
    const { state } = await this.runner.load(stream, jobDecider);
    const holder = state.lease?.workerId;
    const takeOverFrom = this.options.exclusiveStore && holder !== undefined && holder !== workerId ? holder : undefined;
    const { events } = await this.run({
      type: 'ClaimJob',
      jobId: this.trigger.jobId,
      datasetId: this.trigger.datasetId,
      workerId,
      now: this.now(),
      leaseMs,
      ...(takeOverFrom ? { takeOverFrom } : {}),
    });
    const claimed = events[0];
    this.attempt = claimed.type === 'JobClaimed' ? claimed.data.attempt : null;
    this.confirmedUntil = claimed.type === 'JobClaimed' ? Date.parse(claimed.data.leaseUntil) : 0;
    this.timer = setInterval(() => void this.renew(), Math.max(100, Math.floor(leaseMs / 3)));
    this.timer.unref();
  }

  async release(): Promise<void> {
    this.stopRenewing();
    if (this.attempt === null) return;
    const attempt = this.attempt;
    this.attempt = null;
    // A release that fails (the store is down) leaves a lease that lapses on its own.
    await this.run({ type: 'ReleaseJobLease', jobId: this.trigger.jobId, workerId: this.options.workerId, attempt, now: this.now() }).catch(
      () => undefined,
    );
  }

  private async renew(): Promise<void> {
    if (this.attempt === null) return;
    const attempt = this.attempt;
    try {
      const now = this.now();
      await this.run({
        type: 'RenewJobLease',
        jobId: this.trigger.jobId,
        workerId: this.options.workerId,
        attempt,
        now,
        leaseMs: this.options.leaseMs,
      });
      this.confirmedUntil = Date.parse(now) + this.options.leaseMs;
    } catch (error) {
      if (error instanceof JobLeaseLostError) return this.lose(error);
      // The store is unreachable: the next beat tries again, unless the lease has run out meanwhile. Then
      // another worker may have the job, so this one stops rather than work on unfenced.
      if (this.clock.now().getTime() >= this.confirmedUntil) {
        this.lose(new JobLeaseLostError(this.trigger.jobId, this.options.workerId, attempt, null));
      }
    }
  }

  private lose(error: JobLeaseLostError): void {
    this.stopRenewing();
    this.attempt = null;
    logLeaseLost(this.trigger, error.message);
    this.onLost(error);
  }

  private stopRenewing(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  private run(command: JobCommand) {
    return this.runner.run(jobStream(this.trigger.jobId), jobDecider, command, {
      metadata: { jobId: this.trigger.jobId, correlationId: this.trigger.jobId, actor: `worker:${this.options.workerId}` },
    });
  }
}
