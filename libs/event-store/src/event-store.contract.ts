import { randomUUID } from 'node:crypto';
import { ConcurrencyError, ValidationError } from '@compileo/domain';
import { isCaughtUp, type EventStore, type NewEvent, type RecordedEvent, type SubscriptionItem } from './event-store.port';

export interface ContractSubject {
  readonly store: EventStore;
  cleanup(): Promise<void>;
}

const newEvent = (type: string, data: unknown = {}, metadata?: NewEvent['metadata']): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata,
});

/**
 * Waits until `count` events are visible to readAll. Readers only see transactions older than the oldest
 * one still open in the whole database, so on a PostgreSQL shared with other suites a fresh commit can
 * take a moment to appear; that lag is the price of never skipping a late commit. No deadline: how long
 * the lag lasts depends on the load; the test's timeout is the hang guard.
 */
const visible = async (store: EventStore, count: number): Promise<void> => {
  while ((await store.readAll()).length < count) await new Promise((r) => setTimeout(r, 20));
};

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
};

const expectConflict = async (promise: Promise<unknown>, expected: string, actual: string): Promise<void> => {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(ConcurrencyError);
  expect(error).toMatchObject({ expected, actual });
};

/** Pulls subscription items in the background so a test can wait for a condition on what arrived. */
export class SubscriptionCollector {
  readonly items: SubscriptionItem[] = [];
  private readonly done: Promise<void>;

  constructor(source: AsyncIterable<SubscriptionItem>) {
    this.done = (async () => {
      for await (const item of source) this.items.push(item);
    })();
  }

  get events(): RecordedEvent[] {
    return this.items.filter((i): i is RecordedEvent => !isCaughtUp(i));
  }

  /** Resolves once `condition` holds; fails if the subscription ends first. No deadline: the test's timeout is the hang guard. */
  async waitFor(condition: () => boolean): Promise<void> {
    let ended = false;
    void this.done.then(
      () => (ended = true),
      () => (ended = true),
    );
    while (!condition()) {
      if (ended)
        throw new Error(
          `the subscription ended first; got ${JSON.stringify(this.items.map((i) => (isCaughtUp(i) ? 'CAUGHT_UP' : i.type)))}`,
        );
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Resolves when the subscription has ended (rejects if it failed). */
  finished(): Promise<void> {
    return this.done;
  }
}

/**
 * The behaviour every EventStore adapter must show. Each test gets a fresh, empty store.
 * Stream ids are unique per test anyway, so adapters that cannot start empty still pass most tests.
 */
export const eventStoreContract = (name: string, createStore: () => Promise<ContractSubject>): void => {
  describe(`EventStore contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: EventStore;

    beforeEach(async () => {
      subject = await createStore();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.cleanup();
    });

    describe('append and readStream', () => {
      it('round-trips events with data and metadata', async () => {
        const events = [
          newEvent('DatasetCreated', { name: 'a', tags: ['x'] }, { correlationId: 'c-1', actor: 'alice', schemaVersion: 1 }),
          newEvent('ItemsAdded', [1, 2, 3]),
        ];
        const result = await store.append('dataset-1', events, { expectedRevision: 'no_stream' });
        expect(result.nextRevision).toBe(1n);

        const read = await store.readStream('dataset-1');
        expect(read.map((e) => [e.id, e.type, e.streamId, e.revision])).toEqual([
          [events[0].id, 'DatasetCreated', 'dataset-1', 0n],
          [events[1].id, 'ItemsAdded', 'dataset-1', 1n],
        ]);
        expect(read[0].data).toEqual({ name: 'a', tags: ['x'] });
        expect(read[1].data).toEqual([1, 2, 3]);
        expect(read[0].metadata).toEqual({ correlationId: 'c-1', actor: 'alice', schemaVersion: 1 });
        expect(read[1].metadata).toEqual({});
        expect(read[0].recordedAt).toBeInstanceOf(Date);
        expect(result.position).toBe(read[1].position);
        expect(store.comparePositions(read[0].position, read[1].position)).toBeLessThan(0);
      });

      it('refuses data it cannot store (a NUL character) with a ValidationError and writes nothing', async () => {
        await expect(store.append('dataset-nul', [newEvent('Noted', { text: 'a\u0000b' })])).rejects.toBeInstanceOf(ValidationError);
        expect(await store.readStream('dataset-nul')).toEqual([]);
      });

      it('reads an unknown stream as empty', async () => {
        expect(await store.readStream('nothing-here')).toEqual([]);
        expect(await store.readStream('nothing-here', { direction: 'backwards' })).toEqual([]);
      });

      it('reads forwards, backwards, from a revision (inclusive) and with maxCount', async () => {
        await store.append(
          's-1',
          ['e0', 'e1', 'e2', 'e3', 'e4'].map((t) => newEvent(t)),
        );
        const types = (events: RecordedEvent[]): string[] => events.map((e) => e.type);
        expect(types(await store.readStream('s-1'))).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
        expect(types(await store.readStream('s-1', { direction: 'backwards' }))).toEqual(['e4', 'e3', 'e2', 'e1', 'e0']);
        expect(types(await store.readStream('s-1', { from: 2n }))).toEqual(['e2', 'e3', 'e4']);
        expect(types(await store.readStream('s-1', { from: 2n, direction: 'backwards' }))).toEqual(['e2', 'e1', 'e0']);
        expect(types(await store.readStream('s-1', { maxCount: 2 }))).toEqual(['e0', 'e1']);
        expect(types(await store.readStream('s-1', { direction: 'backwards', maxCount: 1 }))).toEqual(['e4']);
        expect(types(await store.readStream('s-1', { from: 1n, maxCount: 2 }))).toEqual(['e1', 'e2']);
      });
    });

    describe('expected revision', () => {
      it("'no_stream' is accepted for a new stream and rejected once it exists", async () => {
        await store.append('s-ns', [newEvent('a')], { expectedRevision: 'no_stream' });
        await expectConflict(store.append('s-ns', [newEvent('b')], { expectedRevision: 'no_stream' }), 'no_stream', '0');
      });

      it("'stream_exists' is rejected for a new stream and accepted once it exists", async () => {
        await expectConflict(store.append('s-se', [newEvent('a')], { expectedRevision: 'stream_exists' }), 'stream_exists', 'no_stream');
        await store.append('s-se', [newEvent('a')]);
        const result = await store.append('s-se', [newEvent('b')], { expectedRevision: 'stream_exists' });
        expect(result.nextRevision).toBe(1n);
      });

      it('an exact revision is accepted when it matches and rejected otherwise', async () => {
        await store.append('s-x', [newEvent('a'), newEvent('b')]);
        await expectConflict(store.append('s-x', [newEvent('c')], { expectedRevision: 0n }), '0', '1');
        await expectConflict(store.append('s-new', [newEvent('c')], { expectedRevision: 0n }), '0', 'no_stream');
        const result = await store.append('s-x', [newEvent('c')], { expectedRevision: 1n });
        expect(result.nextRevision).toBe(2n);
      });

      it("'any' (the default) is always accepted", async () => {
        await store.append('s-any', [newEvent('a')], { expectedRevision: 'any' });
        const result = await store.append('s-any', [newEvent('b')]);
        expect(result.nextRevision).toBe(1n);
      });

      it('an empty append checks the expectation and returns the current revision', async () => {
        await store.append('s-empty', [newEvent('a')]);
        expect((await store.append('s-empty', [], { expectedRevision: 0n })).nextRevision).toBe(0n);
        await expectConflict(store.append('s-empty', [], { expectedRevision: 'no_stream' }), 'no_stream', '0');
        expect((await store.append('s-none', [], { expectedRevision: 'no_stream' })).nextRevision).toBe(-1n);
        expect(await store.readStream('s-none')).toEqual([]);
      });

      it('a rejected append writes nothing', async () => {
        await store.append('s-rej', [newEvent('a')]);
        await expectConflict(store.append('s-rej', [newEvent('b'), newEvent('c')], { expectedRevision: 5n }), '5', '0');
        expect((await store.readStream('s-rej')).map((e) => e.type)).toEqual(['a']);
      });

      it('of concurrent appends with the same expected revision exactly one wins', async () => {
        await store.append('s-race', [newEvent('a')]);
        const attempts = await Promise.allSettled(
          Array.from({ length: 5 }, (_, i) => store.append('s-race', [newEvent(`b${i}`)], { expectedRevision: 0n })),
        );
        const won = attempts.filter((a) => a.status === 'fulfilled');
        const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(4);
        for (const l of lost) expect(l.reason).toBeInstanceOf(ConcurrencyError);
        expect(await store.readStream('s-race')).toHaveLength(2);
      });
    });

    describe('idempotency', () => {
      it('re-appending the same event ids returns the original result and writes nothing', async () => {
        const events = [newEvent('a'), newEvent('b')];
        const first = await store.append('s-idem', events, { expectedRevision: 'no_stream' });
        await store.append('s-idem', [newEvent('c')]);
        const again = await store.append('s-idem', events, { expectedRevision: 'no_stream' });
        expect(again).toEqual(first);
        const anyAgain = await store.append('s-idem', events);
        expect(anyAgain).toEqual(first);
        expect((await store.readStream('s-idem')).map((e) => e.type)).toEqual(['a', 'b', 'c']);
        await visible(store, 3);
        expect(await store.readAll()).toHaveLength(3);
      });

      it('a partial repeat of event ids is a concurrency error', async () => {
        const [a, b] = [newEvent('a'), newEvent('b')];
        await store.append('s-part', [a, b]);
        await expect(store.append('s-part', [a, newEvent('c')])).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(store.append('s-part', [b, a])).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.readStream('s-part')).toHaveLength(2);
      });

      it('repeating event ids on another stream is a concurrency error', async () => {
        const a = newEvent('a');
        await store.append('s-one', [a]);
        await expect(store.append('s-two', [a])).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.readStream('s-two')).toEqual([]);
      });
    });

    describe('readAll', () => {
      it('returns all streams in append order; `from` is exclusive', async () => {
        await store.append('order-1', [newEvent('o1a'), newEvent('o1b')]);
        await store.append('order-2', [newEvent('o2a')]);
        await store.append('order-1', [newEvent('o1c')]);
        await visible(store, 4);
        const all = await store.readAll();
        expect(all.map((e) => e.type)).toEqual(['o1a', 'o1b', 'o2a', 'o1c']);
        for (let i = 1; i < all.length; i++) expect(store.comparePositions(all[i - 1].position, all[i].position)).toBeLessThan(0);
        expect(store.comparePositions(all[2].position, all[2].position)).toBe(0);

        expect((await store.readAll({ from: all[1].position })).map((e) => e.type)).toEqual(['o2a', 'o1c']);
        expect(await store.readAll({ from: all[3].position })).toEqual([]);
        expect((await store.readAll({ maxCount: 2 })).map((e) => e.type)).toEqual(['o1a', 'o1b']);
      });

      it('`maxBytes` stops once the events read fill it, and always reads the first', async () => {
        // About 1 KB of data each: under PostgreSQL's compression threshold, so stored as written.
        await store.append(
          'big-1',
          [0, 1, 2, 3, 4].map((i) => newEvent(`b${i}`, { text: randomUUID().repeat(30) })),
        );
        await visible(store, 5);
        const types = ['b0', 'b1', 'b2', 'b3', 'b4'];
        expect((await store.readAll({ maxBytes: 1 })).map((e) => e.type)).toEqual(['b0']);
        const some = (await store.readAll({ maxBytes: 2500 })).map((e) => e.type);
        expect(some).toEqual(types.slice(0, some.length));
        expect(some.length).toBeGreaterThan(1);
        expect(some.length).toBeLessThan(5);
        expect((await store.readAll({ maxBytes: 1e9 })).map((e) => e.type)).toEqual(types);
      });

      it('filters by stream prefix and by event type', async () => {
        await store.append('dataset-1', [newEvent('Created'), newEvent('Renamed')]);
        await store.append('job-1', [newEvent('Created')]);
        await store.append('dataset_x-1', [newEvent('Created')]);
        await visible(store, 4);
        const types = (events: RecordedEvent[]): string[] => events.map((e) => `${e.streamId}:${e.type}`);
        expect(types(await store.readAll({ filter: { streamPrefixes: ['dataset-'] } }))).toEqual([
          'dataset-1:Created',
          'dataset-1:Renamed',
        ]);
        expect(types(await store.readAll({ filter: { eventTypes: ['Created'] } }))).toEqual([
          'dataset-1:Created',
          'job-1:Created',
          'dataset_x-1:Created',
        ]);
        expect(types(await store.readAll({ filter: { streamPrefixes: ['job-', 'dataset-'], eventTypes: ['Created'] } }))).toEqual([
          'dataset-1:Created',
          'job-1:Created',
        ]);
        expect(await store.readAll({ filter: { eventTypes: [] } })).toEqual([]);
      });
    });

    describe('subscribe', () => {
      it('yields history, one caught-up marker, then live events, and stops on abort', async () => {
        await store.append('sub-1', [newEvent('h1'), newEvent('h2')]);
        const controller = new AbortController();
        const sub = new SubscriptionCollector(store.subscribe({ signal: controller.signal }));
        await sub.waitFor(() => sub.items.some(isCaughtUp));
        expect(sub.items.map((i) => (isCaughtUp(i) ? 'CAUGHT_UP' : i.type))).toEqual(['h1', 'h2', 'CAUGHT_UP']);

        await store.append('sub-2', [newEvent('l1')]);
        await store.append('sub-1', [newEvent('l2'), newEvent('l3')]);
        await sub.waitFor(() => sub.events.length === 5);
        expect(sub.items.map((i) => (isCaughtUp(i) ? 'CAUGHT_UP' : i.type))).toEqual(['h1', 'h2', 'CAUGHT_UP', 'l1', 'l2', 'l3']);

        controller.abort();
        await sub.finished();
        await store.append('sub-1', [newEvent('after')]);
        await new Promise((r) => setTimeout(r, 50));
        expect(sub.events).toHaveLength(5);
      });

      it('starts after `from` (exclusive) and applies the filter', async () => {
        await store.append('keep-1', [newEvent('k1'), newEvent('k2')]);
        await store.append('drop-1', [newEvent('d1')]);
        await visible(store, 3);
        const [first] = await store.readAll();
        const controller = new AbortController();
        const sub = new SubscriptionCollector(
          store.subscribe({ from: first.position, filter: { streamPrefixes: ['keep-'] }, signal: controller.signal }),
        );
        await sub.waitFor(() => sub.items.some(isCaughtUp));
        await store.append('drop-1', [newEvent('d2')]);
        await store.append('keep-1', [newEvent('k3')]);
        await sub.waitFor(() => sub.events.length === 2);
        expect(sub.items.map((i) => (isCaughtUp(i) ? 'CAUGHT_UP' : i.type))).toEqual(['k2', 'CAUGHT_UP', 'k3']);
        controller.abort();
        await sub.finished();
      });

      it('an already aborted signal yields nothing', async () => {
        await store.append('s-a', [newEvent('a')]);
        const sub = new SubscriptionCollector(store.subscribe({ signal: AbortSignal.abort() }));
        await sub.finished();
        expect(sub.items).toEqual([]);
      });

      it('close() ends open subscriptions', async () => {
        const sub = new SubscriptionCollector(store.subscribe({ signal: new AbortController().signal }));
        await sub.waitFor(() => sub.items.some(isCaughtUp));
        await store.close();
        await sub.finished();
      });
    });
  });
};
