import type { EventStore, Position } from '@compileo/event-store';
import type { SqlClient } from '@compileo/sql';
import { isCaughtUp } from '@compileo/event-store';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobBus, JobHandler, JobTrigger } from '../job-bus.port';
import { triggerOf } from '../trigger-of';
import { LowWaterMark } from './low-water-mark';

const CHECKPOINT = 'embedded-job-bus';
const RETRY_MS = { first: 1_000, max: 30_000 };

/**
 * In-process job bus driven by the event log: it subscribes to the job-starting events and runs each
 * job's handler, a few at a time. Its checkpoint only passes a trigger once that job has finished, so a
 * job interrupted by a crash or a shutdown is found again on restart and the handler resumes it. A handler
 * that throws is retried with back-off; a subscription that fails is reopened.
 */
export class EmbeddedJobBus implements JobBus {
  private abort = new AbortController();
  private loop: Promise<void> | null = null;
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly options: { readonly maxConcurrentJobs: number; readonly onError: (error: unknown) => void },
  ) {}

  async start(handler: JobHandler): Promise<void> {
    const { rows } = await this.sql.query<{ position: string }>('SELECT position FROM bus_checkpoints WHERE name = $1', [CHECKPOINT]);
    this.abort = new AbortController();
    this.loop = this.supervise(handler, new LowWaterMark(rows[0]?.position));
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    await Promise.allSettled([...this.running.values()]);
  }

  /** Keeps the subscription open, reopening it after the last safe checkpoint when it fails. */
  private async supervise(handler: JobHandler, mark: LowWaterMark): Promise<void> {
    const signal = this.abort.signal;
    for (let wait = RETRY_MS.first; !signal.aborted; wait = Math.min(wait * 2, RETRY_MS.max)) {
      try {
        await this.run(handler, mark);
      } catch (error) {
        if (signal.aborted) return;
        this.options.onError(error);
        await sleep(wait, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  private async run(handler: JobHandler, mark: LowWaterMark): Promise<void> {
    const signal = this.abort.signal;
    const filter = { eventTypes: ['DatasetGenerationRequested', 'DatasetRegenerationRequested'] };
    for await (const item of this.store.subscribe({ from: mark.safePosition, filter, signal })) {
      if (isCaughtUp(item)) continue;
      const trigger = triggerOf(item);
      if (!trigger || this.running.has(trigger.jobId) || mark.isFinished(item.position)) continue;
      while (this.running.size >= this.options.maxConcurrentJobs && !signal.aborted) await Promise.race(this.running.values());
      if (signal.aborted) return;
      const slot = mark.begin(item.position);
      const job = this.deliver(handler, trigger, signal)
        .then(async (finished) => {
          if (!finished) return;
          const safe = mark.finish(slot);
          if (safe !== undefined) await this.saveCheckpoint(safe);
        })
        .catch((error) => this.options.onError(error))
        .finally(() => this.running.delete(trigger.jobId));
      this.running.set(trigger.jobId, job);
    }
  }

  /** Runs the handler until it finishes the job (true) or the bus stops (false), retrying failures with back-off. */
  private async deliver(handler: JobHandler, trigger: JobTrigger, signal: AbortSignal): Promise<boolean> {
    for (let wait = RETRY_MS.first; ; wait = Math.min(wait * 2, RETRY_MS.max)) {
      try {
        await handler(trigger, signal);
        return !signal.aborted;
      } catch (error) {
        if (signal.aborted) return false;
        this.options.onError(error);
        await sleep(wait, undefined, { signal }).catch(() => undefined);
        if (signal.aborted) return false;
      }
    }
  }

  private async saveCheckpoint(position: Position): Promise<void> {
    await this.sql.query(
      'INSERT INTO bus_checkpoints (name, position) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position',
      [CHECKPOINT, position],
    );
  }
}
