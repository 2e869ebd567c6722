import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConcurrencyError, evolveStored, type Decider, type DomainEvent } from '@compileo/domain';
import type { EventMetadata, EventStore, Position } from '../event-store.port';
import { deterministicId } from './deterministic-id';
import { StateCache } from './state-cache';

export interface RunOptions {
  readonly metadata?: EventMetadata;
  /** Derives event ids from this seed (plus the index) instead of random ones: a repeat is a no-op. */
  readonly idSeed?: string;
  /** Appends retried when only the stream moved (the decision is taken again on fresh state). */
  readonly maxRetries?: number;
}

export interface RunResult<S, E> {
  readonly events: readonly E[];
  readonly state: S;
  /** Position of the last appended event; null when the decision produced no events. */
  readonly position: Position | null;
}

interface Loaded<S> {
  readonly state: S;
  readonly revision: bigint | null;
}

/**
 * Loads a stream's state through its decider, decides, and appends with the revision it read. When
 * another writer moved the stream in between, the append fails and the whole decision is retried on
 * the new state (after a short random back-off), so writers touching different entries of one dataset never see a
 * spurious conflict;
 * a conflict the decider itself raises (a stale entry version) is never retried.
 */
export class CommandRunner {
  private readonly cache = new StateCache();
  private readonly deciderKeys = new WeakMap<object, string>();
  private decidersSeen = 0;

  constructor(private readonly store: EventStore) {}

  /** The stream's current state: the cached state plus the events appended since, or a full replay. */
  async load<C, S, E extends DomainEvent>(streamId: string, decider: Decider<C, S, E>): Promise<Loaded<S>> {
    const key = `${this.deciderKey(decider)}:${streamId}`;
    const cached = this.cache.get(key);
    let state = (cached?.state as S | undefined) ?? decider.initialState();
    let revision = cached?.revision ?? null;
    const recorded = await this.store.readStream(streamId, revision === null ? {} : { from: revision + 1n });
    for (const event of recorded)
      state = evolveStored(decider, state, { type: event.type, data: event.data, schemaVersion: event.metadata.schemaVersion ?? 1 });
    if (recorded.length) revision = recorded[recorded.length - 1].revision;
    if (revision !== null) this.cache.set(key, state, revision);
    return { state, revision };
  }

  private deciderKey(decider: object): string {
    let key = this.deciderKeys.get(decider);
    if (!key) this.deciderKeys.set(decider, (key = `decider${++this.decidersSeen}`));
    return key;
  }

  async run<C, S, E extends DomainEvent>(
    streamId: string,
    decider: Decider<C, S, E>,
    command: C,
    options: RunOptions = {},
  ): Promise<RunResult<S, E>> {
    const maxRetries = options.maxRetries ?? 20;
    for (let attempt = 0; ; attempt++) {
      const { state, revision } = await this.load(streamId, decider);
      const events = decider.decide(command, state);
      if (events.length === 0) return { events, state, position: null };
      const seed = options.idSeed;
      const toAppend = events.map((event, index) => ({
        id: seed ? deterministicId(`${seed}:${index}`) : randomUUID(),
        type: event.type,
        data: event.data,
        metadata: { ...options.metadata, schemaVersion: decider.schemaVersions?.[event.type] ?? 1 },
      }));
      try {
        const result = await this.store.append(streamId, toAppend, { expectedRevision: revision ?? 'no_stream' });
        return { events, state: events.reduce(decider.evolve, state), position: result.position };
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= maxRetries) throw error;
        // A writer that appends without pause (a fast job) would win every immediate retry: wait a random
        // moment, growing with the attempts (at most 64 ms), so this decision gets its turn.
        await sleep(Math.random() * Math.min(64, 2 ** attempt));
      }
    }
  }
}
