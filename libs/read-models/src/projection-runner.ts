import { isCaughtUp, type EventStore, type Position, type RecordedEvent, type SubscriptionItem } from '@compileo/event-store';
import { type SqlClient } from '@compileo/sql';
import { setTimeout as sleep } from 'node:timers/promises';
import { readCheckpoint } from './checkpoints';
import { projectBatch } from './project-batch';
import type { ProjectionHandler } from './projections/projection';
import type { Tables } from './tables';

const MAX_BATCH = 500;
/** How long to wait for more events before committing what arrived: batches bursts, keeps latency low. */
const LINGER_MS = 2;
const IDLE = Symbol('idle');

interface Waiter {
  readonly position: Position;
  readonly resolve: () => void;
}

/**
 * A catch-up subscription that keeps read-model tables up to date. Commands wait on it (`waitFor`) so
 * that a client reading right after a 2xx sees its own write.
 */
export class ProjectionRunner {
  private readonly abort = new AbortController();
  private position: Position | undefined;
  private waiters: Waiter[] = [];
  private loop: Promise<void> | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly name: string,
    private readonly tables: Tables,
    private readonly handler: ProjectionHandler,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    this.position = await readCheckpoint(this.sql, this.name);
    this.loop = this.supervise();
  }

  /** Keeps the subscription running: after a failure it reopens from the last applied position, backing off. */
  private async supervise(): Promise<void> {
    const signal = this.abort.signal;
    for (let wait = 500; !signal.aborted; wait = Math.min(wait * 2, 30_000)) {
      try {
        await this.run();
      } catch (error) {
        if (signal.aborted) return;
        this.onError(error);
        await sleep(wait, undefined, { signal }).catch(() => undefined);
      }
    }
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters = [];
  }

  /** Resolves once the projection has applied `position` (or after `timeoutMs`, whichever is first). */
  async waitFor(position: Position | null, timeoutMs = 10_000): Promise<void> {
    if (position === null || this.reached(position)) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const waiter: Waiter = { position, resolve: done };
      this.waiters.push(waiter);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  private reached(position: Position): boolean {
    return this.position !== undefined && this.store.comparePositions(this.position, position) >= 0;
  }

  private async run(): Promise<void> {
    const iterator = this.store.subscribe({ from: this.position, signal: this.abort.signal })[Symbol.asyncIterator]();
    let next: Promise<IteratorResult<SubscriptionItem>> | null = null;
    for (;;) {
      const batch: RecordedEvent[] = [];
      const first = await (next ?? iterator.next());
      next = null;
      if (first.done) return;
      if (!isCaughtUp(first.value)) batch.push(first.value);
      while (batch.length > 0 && batch.length < MAX_BATCH) {
        next = iterator.next();
        const item = await Promise.race([next, new Promise<typeof IDLE>((r) => setTimeout(() => r(IDLE), LINGER_MS))]);
        if (item === IDLE) break;
        next = null;
        if (item.done) break;
        if (isCaughtUp(item.value)) break;
        batch.push(item.value);
      }
      await projectBatch(this.store, this.sql, this.name, this.tables, this.handler, batch);
      if (batch.length) this.advance(batch[batch.length - 1].position);
    }
  }

  private advance(position: Position): void {
    this.position = position;
    const ready = this.waiters.filter((w) => this.reached(w.position));
    this.waiters = this.waiters.filter((w) => !this.reached(w.position));
    for (const waiter of ready) waiter.resolve();
  }
}
