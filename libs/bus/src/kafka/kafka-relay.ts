import { isCaughtUp, type EventStore } from '@compileo/event-store';
import type { SqlClient } from '@compileo/sql';
import type { Producer } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { triggerOf } from '../trigger-of';
import { triggerMessage } from './trigger-message';

const RETRY_MS = { first: 500, max: 30_000 };

export interface RelayOptions {
  readonly topic: string;
  /** Who this relay is, for its lease. */
  readonly owner: string;
  /** How long the relay lease holds without a renewal; another process's relay takes over after it. */
  readonly leaseMs: number;
  readonly onError: (error: unknown) => void;
}

/**
 * The outbox relay: follows the event log from its checkpoint and publishes every job trigger to the jobs
 * topic (acks from every in-sync replica, idempotent producer), moving the checkpoint only after the broker
 * has the message. At least once: after a crash between the two, a trigger is published again, and the
 * handlers make a second delivery a no-op. Every worker runs one, but only the holder of the relay lease
 * (a row renewed every third of `leaseMs`) publishes, so a trigger is not published once per worker.
 */
export class KafkaRelay {
  private readonly abort = new AbortController();
  private loop: Promise<void> | null = null;
  /** The renewal in flight, awaited before the lease is let go so that it cannot write the row back after. */
  private renewal: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly producer: Producer,
    private readonly options: RelayOptions,
  ) {}

  private get name(): string {
    return `kafka-relay:${this.options.topic}`;
  }

  start(): void {
    this.loop = this.supervise();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    await this.renewal;
    await this.sql
      .query('DELETE FROM bus_relay_leases WHERE name = $1 AND owner = $2', [this.name, this.options.owner])
      .catch(() => undefined);
  }

  /** Takes or renews the relay lease; false while another relay holds it. */
  private async acquire(): Promise<boolean> {
    const { rows } = await this.sql.query(
      `INSERT INTO bus_relay_leases (name, owner, until) VALUES ($1, $2, now() + $3::int * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, until = EXCLUDED.until
       WHERE bus_relay_leases.owner = EXCLUDED.owner OR bus_relay_leases.until < now() RETURNING owner`,
      [this.name, this.options.owner, this.options.leaseMs],
    );
    return rows.length > 0;
  }

  private async supervise(): Promise<void> {
    const signal = this.abort.signal;
    const beat = Math.max(50, Math.floor(this.options.leaseMs / 3));
    for (let wait = RETRY_MS.first; !signal.aborted;) {
      try {
        if (await this.acquire()) {
          await this.relayWhileHeld(beat);
          wait = RETRY_MS.first;
        } else {
          await sleep(beat, undefined, { signal }).catch(() => undefined);
        }
      } catch (error) {
        if (signal.aborted) return;
        this.options.onError(error);
        await sleep(wait, undefined, { signal }).catch(() => undefined);
        wait = Math.min(wait * 2, RETRY_MS.max);
      }
    }
  }

  /** Publishes triggers until the bus stops or the lease is lost. */
  private async relayWhileHeld(beatMs: number): Promise<void> {
    const held = new AbortController();
    const signal = AbortSignal.any([this.abort.signal, held.signal]);
    const renew = setInterval(() => {
      this.renewal = this.acquire().then(
        (still) => still || held.abort(),
        () => held.abort(),
      );
    }, beatMs);
    try {
      const { rows } = await this.sql.query<{ position: string }>('SELECT position FROM bus_checkpoints WHERE name = $1', [this.name]);
      const filter = { eventTypes: ['DatasetGenerationRequested', 'DatasetRegenerationRequested'] };
      for await (const item of this.store.subscribe({ from: rows[0]?.position, filter, signal })) {
        if (isCaughtUp(item)) continue;
        const trigger = triggerOf(item);
        if (trigger) await this.producer.send({ topic: this.options.topic, acks: -1, messages: [triggerMessage(trigger)] });
        await this.sql.query(
          'INSERT INTO bus_checkpoints (name, position) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position',
          [this.name, item.position],
        );
      }
    } finally {
      clearInterval(renew);
    }
  }
}
