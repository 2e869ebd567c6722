/**
 * The event store port. It mirrors KurrentDB's model so that the Postgres and KurrentDB adapters are
 * interchangeable: 0-based bigint stream revisions, opaque global positions, expected-revision appends.
 * No vendor type crosses this port.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** Opaque global position. Compare only with `EventStore.comparePositions`. */
export type Position = string;

export interface EventMetadata {
  readonly schemaVersion?: number;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly actor?: string;
  readonly jobId?: string;
  readonly [key: string]: unknown;
}

export interface NewEvent<D = unknown> {
  /** A UUID. Appending the same ids at the same revisions again is an idempotent success. */
  readonly id: string;
  readonly type: string;
  readonly data: D;
  readonly metadata?: EventMetadata;
}

export interface RecordedEvent<D = unknown> {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: Position;
  readonly data: D;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  readonly nextRevision: bigint;
  /** Position of the last appended event (of the original append when idempotent). */
  readonly position: Position;
}

export interface EventFilter {
  readonly streamPrefixes?: readonly string[];
  readonly eventTypes?: readonly string[];
}

export interface ReadStreamOptions {
  /** Revision to start from, inclusive (default: the start, or the end when backwards). */
  readonly from?: bigint;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. Omitted: from the very start. */
  readonly from?: Position;
  readonly maxCount?: number;
  /** Stop once the events read hold about this many bytes of data as stored; the first event is always read. */
  readonly maxBytes?: number;
  readonly filter?: EventFilter;
}

export interface SubscribeOptions {
  /** Exclusive: events after this position. Omitted: from the very start. */
  readonly from?: Position;
  readonly filter?: EventFilter;
  readonly signal: AbortSignal;
}

export const CAUGHT_UP = { caughtUp: true } as const;
export type CaughtUp = typeof CAUGHT_UP;
export type SubscriptionItem = RecordedEvent | CaughtUp;

export const isCaughtUp = (item: SubscriptionItem): item is CaughtUp => 'caughtUp' in item;

export interface EventStore {
  /**
   * Appends events atomically to one stream. Throws ConcurrencyError{expected, actual} when the
   * stream's revision does not match `expectedRevision` (default 'any').
   */
  append(streamId: string, events: readonly NewEvent[], options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult>;
  /** Events of one stream; an unknown stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of all streams in commit order; never skips an event whose transaction commits late. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up then live: yields past events, one CaughtUp marker, then new events until `signal` aborts. */
  subscribe(options: SubscribeOptions): AsyncIterable<SubscriptionItem>;
  /** Orders two positions: negative, zero or positive. */
  comparePositions(a: Position, b: Position): number;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
