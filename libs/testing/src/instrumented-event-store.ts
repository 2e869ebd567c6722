import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  SubscriptionItem,
} from '@compileo/event-store';

export interface AppendCall {
  readonly streamId: string;
  readonly eventIds: readonly string[];
  readonly expectedRevision: ExpectedRevision | undefined;
}

/**
 * An EventStore that delegates to a real one, records appends and reads, and can run a hook just
 * before an append (to move the stream under a writer, or to hold it until another has loaded).
 */
export class InstrumentedEventStore implements EventStore {
  readonly appends: AppendCall[] = [];
  readonly failedAppends: AppendCall[] = [];
  readStreamCalls = 0;
  /** Runs before each append; the append waits for it. */
  beforeAppend: ((call: AppendCall) => Promise<void>) | null = null;

  constructor(private readonly inner: EventStore) {}

  async append(streamId: string, events: readonly NewEvent[], options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult> {
    const call: AppendCall = { streamId, eventIds: events.map((e) => e.id), expectedRevision: options?.expectedRevision };
    if (this.beforeAppend) await this.beforeAppend(call);
    try {
      const result = await this.inner.append(streamId, events, options);
      this.appends.push(call);
      return result;
    } catch (error) {
      this.failedAppends.push(call);
      throw error;
    }
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.readStreamCalls++;
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribe(options: SubscribeOptions): AsyncIterable<SubscriptionItem> {
    return this.inner.subscribe(options);
  }

  comparePositions(a: Position, b: Position): number {
    return this.inner.comparePositions(a, b);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** A promise with its resolver, to hold one party until another has reached a point. */
export const latch = (): { readonly promise: Promise<void>; readonly open: () => void } => {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
};
