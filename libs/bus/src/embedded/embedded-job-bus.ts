import type { EventStore, Position, SqlClient } from '@compileo/event-store';
import { isCaughtUp } from '@compileo/event-store';
import type { JobBus, JobHandler } from '../job-bus.port';
import { triggerOf } from '../trigger-of';
import { LowWaterMark } from './low-water-mark';

const CHECKPOINT = 'embedded-job-bus';

/**
 * In-process job bus driven by the event log: it subscribes to the job-starting events and runs each
 * job's handler, a few at a time. Its checkpoint only passes a trigger once that job has finished, so a
 * process killed mid-job finds the job again on restart and the handler resumes it.
 */
export class EmbeddedJobBus implements JobBus {
  private abort = new AbortController();
  private loop: Promise<void> | null = null;
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly options: { readonly maxConcurrentJobs: number; readonly onError: (error: unknown) => void },
  ) {}

  async start(handler: JobHandler): Promise<void> {
    const { rows } = await this.sql.query<{ position: string }>('SELECT position FROM bus_checkpoints WHERE name = $1', [CHECKPOINT]);
    this.abort = new AbortController();
    this.loop = this.run(handler, rows[0]?.position).catch((error) => {
      if (!this.abort.signal.aborted) this.options.onError(error);
    });
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    await Promise.allSettled([...this.running]);
  }

  private async run(handler: JobHandler, from: Position | undefined): Promise<void> {
    const mark = new LowWaterMark(from);
    const signal = this.abort.signal;
    const filter = { eventTypes: ['DatasetGenerationRequested', 'DatasetRegenerationRequested'] };
    for await (const item of this.store.subscribe({ from, filter, signal })) {
      if (isCaughtUp(item)) continue;
      const trigger = triggerOf(item);
      if (!trigger) continue;
      while (this.running.size >= this.options.maxConcurrentJobs && !signal.aborted) await Promise.race(this.running);
      if (signal.aborted) return;
      const slot = mark.begin(item.position);
      const job = handler(trigger, signal)
        .then(async () => {
          const safe = mark.finish(slot);
          if (safe !== undefined) await this.saveCheckpoint(safe);
        })
        .catch((error) => {
          if (!signal.aborted) this.options.onError(error);
        })
        .finally(() => this.running.delete(job));
      this.running.add(job);
    }
  }

  private async saveCheckpoint(position: Position): Promise<void> {
    await this.sql.query(
      'INSERT INTO bus_checkpoints (name, position) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position',
      [CHECKPOINT, position],
    );
  }
}
