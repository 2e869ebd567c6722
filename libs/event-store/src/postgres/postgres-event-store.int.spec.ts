import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { SubscriptionCollector, eventStoreContract } from '../event-store.contract';
import { isCaughtUp } from '../event-store.port';
import type { SqlClient, SqlExecutor } from '@compileo/sql';
import { createIsolatedPgClient, testDatabases, testDatabaseUrl, uniqueSchemaName } from '@compileo/testing';
import { appendEvents } from './append-events';
import { PostgresEventStore } from './postgres-event-store';
import { decodePosition } from './position';

for (const database of testDatabases()) {
  eventStoreContract(`postgres adapter on ${database.name}`, async () => {
    const sql = await database.create();
    const store = await PostgresEventStore.create(sql, { pollIntervalMs: 50 });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await sql.close();
      },
    };
  });
}

describe.each(testDatabases())('subscription pages on $name', (database) => {
  it('a subscription whose pages are cut by bytes still delivers every event, in order, before it is caught up', async () => {
    const sql = await database.create();
    const store = await PostgresEventStore.create(sql, { pollIntervalMs: 50, pageBytes: 1 });
    const controller = new AbortController();
    try {
      await store.append(
        'pages-1',
        [0, 1, 2, 3].map((i) => ({ id: randomUUID(), type: `p${i}`, data: { i } })),
      );
      // On a PostgreSQL shared with other suites a commit is read only once older transactions end.
      while ((await store.readAll()).length < 4) await new Promise((r) => setTimeout(r, 20));
      const sub = new SubscriptionCollector(store.subscribe({ signal: controller.signal }));
      await sub.waitFor(() => sub.items.some(isCaughtUp));
      expect(sub.items.map((item) => (isCaughtUp(item) ? 'caught-up' : item.type))).toEqual(['p0', 'p1', 'p2', 'p3', 'caught-up']);
    } finally {
      controller.abort();
      await store.close();
      await sql.close();
    }
  });
});

const databaseUrl = testDatabaseUrl();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('late-committing transaction on real PostgreSQL', () => {
  if (databaseUrl === undefined) {
    it.skip('SKIPPED: TEST_DATABASE_URL is not set, so the late-commit race was not run', () => undefined);
    return;
  }

  let sql: SqlClient;
  let store: PostgresEventStore;
  let connectionA: Client;

  beforeEach(async () => {
    const schema = uniqueSchemaName();
    sql = await createIsolatedPgClient(databaseUrl, schema);
    store = await PostgresEventStore.create(sql, { pollIntervalMs: 50 });
    connectionA = new Client({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
    await connectionA.connect();
  });
  afterEach(async () => {
    await connectionA.end();
    await store.close();
    await sql.close();
  });

  it('a subscriber delivers an event whose transaction started first but committed last, in commit order', async () => {
    const controller = new AbortController();
    const sub = new SubscriptionCollector(store.subscribe({ signal: controller.signal }));
    await sub.waitFor(() => sub.items.some(isCaughtUp));

    // A: the adapter's own append code, in a transaction we hold open. It takes the lower xid and
    // the lower global_position.
    const txA: SqlExecutor = {
      query: async <R>(text: string, params?: readonly unknown[]) => ({
        rows: (await connectionA.query(text, params ? [...params] : undefined)).rows as R[],
      }),
    };
    const eventA = { id: randomUUID(), type: 'A', data: {} };
    const eventB = { id: randomUUID(), type: 'B', data: {} };
    await connectionA.query('BEGIN');
    const resultA = await appendEvents(txA, 'race-a', [eventA], 'any');
    // B commits while A is still open.
    const resultB = await store.append('race-b', [eventB]);
    const a = decodePosition(resultA.position);
    const b = decodePosition(resultB.position);
    expect(a.transactionId).toBeLessThan(b.transactionId);
    expect(a.globalPosition).toBeLessThan(b.globalPosition);

    // A naive reader by global_position alone sees B now and moves its cursor past A's position...
    const naive = await sql.query<{ event_id: string; global_position: string }>(
      'SELECT event_id::text AS event_id, global_position::text AS global_position FROM es_events ORDER BY global_position',
    );
    expect(naive.rows.map((r) => r.event_id)).toEqual([eventB.id]);
    const naiveCursor = naive.rows[0].global_position;

    // ...while the store holds B back: nothing below A's xid may be read past yet.
    await sleep(300);
    expect(sub.events).toEqual([]);
    expect(await store.readAll()).toEqual([]);

    await connectionA.query('COMMIT');
    await sub.waitFor(() => sub.events.length === 2);
    expect(sub.events.map((e) => e.id)).toEqual([eventA.id, eventB.id]);
    expect(store.comparePositions(sub.events[0].position, sub.events[1].position)).toBeLessThan(0);

    // The naive reader, resuming after its cursor, would never see A: this test can fail.
    const naiveNext = await sql.query('SELECT event_id FROM es_events WHERE global_position > $1::text::bigint', [naiveCursor]);
    expect(naiveNext.rows).toEqual([]);

    controller.abort();
    await sub.finished();
  });
});
