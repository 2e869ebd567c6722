import {
  CAUGHT_UP,
  type AppendResult,
  type EventFilter,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type SubscriptionItem,
} from '../event-store.port';
import { runMigrations } from '@compileo/sql';
import type { SqlClient } from '@compileo/sql';
import { appendEvents } from './append-events';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-row';
import { eventStoreMigrations } from './event-store.migrations';
import { START, comparePositions, decodePosition } from './position';

export const EVENTS_CHANNEL = 'es_events';

export interface PostgresEventStoreOptions {
  /** Subscriptions page through history this many events at a time. */
  readonly batchSize?: number;
  /**
   * …and about this many bytes of event data at a time: on PGlite a statement holds the event loop while it
   * runs, and a page of large events (a document's chunks) would hold it for hundreds of milliseconds.
   */
  readonly pageBytes?: number;
  /**
   * Live subscriptions re-read this often even without a NOTIFY: a transaction that commits late
   * holds the snapshot xmin back after its own notify, so the notify alone can arrive too early.
   */
  readonly pollIntervalMs?: number;
}

/**
 * The event store on PostgreSQL or PGlite. The SqlClient belongs to whoever created it: `close()`
 * only ends this store's subscriptions and never closes the client.
 */
export class PostgresEventStore implements EventStore {
  private readonly closing = new AbortController();
  private readonly batchSize: number;
  private readonly pageBytes: number;
  private readonly pollIntervalMs: number;

  constructor(
    private readonly sql: SqlClient,
    options: PostgresEventStoreOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.pageBytes = options.pageBytes ?? 512 * 1024;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
  }

  /** Runs the event store migrations, then returns the store. */
  static async create(sql: SqlClient, options?: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    await runMigrations(sql, eventStoreMigrations);
    return new PostgresEventStore(sql, options);
  }

  append(streamId: string, events: readonly NewEvent[], options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult> {
    return this.sql.transaction((tx) => appendEvents(tx, streamId, events, options?.expectedRevision ?? 'any'));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const params: unknown[] = [streamId];
    let where = 'stream_id = $1';
    if (options.from !== undefined) {
      params.push(options.from.toString());
      where += ` AND stream_revision ${backwards ? '<=' : '>='} $${params.length}::text::bigint`;
    }
    let limit = '';
    if (options.maxCount !== undefined) {
      params.push(options.maxCount);
      limit = ` LIMIT $${params.length}::int`;
    }
    const { rows } = await this.sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM es_events WHERE ${where} ORDER BY es_events.stream_revision ${backwards ? 'DESC' : 'ASC'}${limit}`,
      params,
    );
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return (await this.readRows(options)).map(toRecordedEvent);
  }

  /** readAll's rows; with `maxBytes`, each row also says how many bytes the page holds up to it (`bytes_through`). */
  private async readRows(options: ReadAllOptions): Promise<(EventRow & { bytes_through?: string })[]> {
    const from = options.from === undefined ? START : decodePosition(options.from);
    const params: unknown[] = [from.transactionId.toString(), from.globalPosition.toString()];
    const conditions = [
      // Only transactions older than every running one: nothing can still commit below this line.
      'transaction_id < pg_snapshot_xmin(pg_current_snapshot())',
      '(transaction_id, global_position) > ($1::text::xid8, $2::text::bigint)',
      ...this.filterConditions(options.filter, params),
    ];
    let limit = '';
    if (options.maxCount !== undefined) {
      params.push(options.maxCount);
      limit = ` LIMIT $${params.length}::int`;
    }
    const order = 'ORDER BY es_events.transaction_id, es_events.global_position';
    const where = conditions.join(' AND ');
    if (options.maxBytes === undefined) {
      return (await this.sql.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM es_events WHERE ${where} ${order}${limit}`, params)).rows;
    }
    params.push(options.maxBytes);
    // pg_column_size: the bytes as stored, read without detoasting the data.
    const sql = `SELECT ${EVENT_COLUMNS}, es_events.bytes_through::text AS bytes_through FROM (
        SELECT es_events.*, sum(pg_column_size(es_events.data)) OVER (${order}) AS bytes_through
          FROM es_events WHERE ${where} ${order}${limit}
      ) es_events WHERE es_events.bytes_through - pg_column_size(es_events.data) < $${params.length}::bigint ${order}`;
    return (await this.sql.query<EventRow & { bytes_through: string }>(sql, params)).rows;
  }

  async *subscribe(options: SubscribeOptions): AsyncGenerator<SubscriptionItem> {
    const signal = AbortSignal.any([options.signal, this.closing.signal]);
    if (signal.aborted) return;
    const wake = new Wakeup(this.pollIntervalMs, signal);
    try {
      const unlisten = await this.sql.listen(EVENTS_CHANNEL, () => wake.notify());
      wake.onStop(unlisten);
      let from: Position | undefined = options.from;
      let caughtUp = false;
      while (!signal.aborted) {
        const rows = await this.readRows({ from, filter: options.filter, maxCount: this.batchSize, maxBytes: this.pageBytes });
        for (const row of rows) {
          if (signal.aborted) return;
          const event = toRecordedEvent(row);
          yield event;
          from = event.position;
        }
        // A full page, by count or by bytes, is not the end of the log.
        if (rows.length === this.batchSize || Number(rows.at(-1)?.bytes_through ?? 0) >= this.pageBytes) continue;
        if (!caughtUp) {
          caughtUp = true;
          if (signal.aborted) return;
          yield CAUGHT_UP;
        }
        await wake.next();
      }
    } catch (error) {
      // Closing the client under a stopped subscription is not the consumer's error.
      if (!signal.aborted) throw error;
    } finally {
      await wake.stop();
    }
  }

  comparePositions(a: Position, b: Position): number {
    return comparePositions(a, b);
  }

  async close(): Promise<void> {
    this.closing.abort();
  }

  private filterConditions(filter: EventFilter | undefined, params: unknown[]): string[] {
    const conditions: string[] = [];
    if (filter?.streamPrefixes !== undefined) {
      params.push([...filter.streamPrefixes]);
      // starts_with, not LIKE: prefixes may contain '_' or '%'.
      conditions.push(`EXISTS (SELECT 1 FROM unnest($${params.length}::text[]) AS p(prefix) WHERE starts_with(stream_id, p.prefix))`);
    }
    if (filter?.eventTypes !== undefined) {
      params.push([...filter.eventTypes]);
      conditions.push(`event_type = ANY($${params.length}::text[])`);
    }
    return conditions;
  }
}

/** Resolves `next()` on a notify, after the poll interval, or on abort; a notify that came early counts. */
class Wakeup {
  private pending = false;
  private resolve: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private cleanup: (() => Promise<void>) | undefined;
  private stopped = false;
  private readonly onAbort = (): void => {
    this.fire();
    void this.stop();
  };

  constructor(
    private readonly intervalMs: number,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Registers the unlisten to run once, on abort or at the end of the subscription. */
  onStop(cleanup: () => Promise<void>): void {
    if (this.stopped) void cleanup().catch(() => undefined);
    else this.cleanup = cleanup;
  }

  notify(): void {
    if (this.resolve === undefined) this.pending = true;
    else this.fire();
  }

  next(): Promise<void> {
    if (this.pending || this.signal.aborted) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.resolve = resolve;
      this.timer = setTimeout(() => this.fire(), this.intervalMs);
    });
  }

  async stop(): Promise<void> {
    this.signal.removeEventListener('abort', this.onAbort);
    this.fire();
    if (this.stopped) return;
    this.stopped = true;
    const cleanup = this.cleanup;
    this.cleanup = undefined;
    await cleanup?.().catch(() => undefined);
  }

  private fire(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const resolve = this.resolve;
    this.resolve = undefined;
    resolve?.();
  }
}
