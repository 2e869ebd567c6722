import { randomUUID } from 'node:crypto';
import type { SqlClient } from '@compileo/sql';
import { testDatabases } from '@compileo/testing';
import { PostgresEventStore } from './postgres-event-store';

/** The log is append-only in the database itself (the es_events trigger), not only by the adapter's habits. */
describe.each(testDatabases())('es_events is append-only on $name', ({ create }) => {
  let sql: SqlClient;
  let store: PostgresEventStore;
  beforeAll(async () => {
    sql = await create();
    store = await PostgresEventStore.create(sql, { pollIntervalMs: 50 });
    await store.append('ledger-1', [{ id: randomUUID(), type: 'Happened', data: { n: 1 } }], { expectedRevision: 'no_stream' });
  });
  afterAll(async () => {
    await store.close();
    await sql.close();
  });

  const stored = async (): Promise<unknown[]> =>
    (await sql.query<{ data: unknown }>(`SELECT data FROM es_events WHERE stream_id = 'ledger-1' ORDER BY stream_revision`)).rows.map(
      (r) => r.data,
    );

  it.each([
    ['UPDATE', `UPDATE es_events SET data = '{"n": 2}'::jsonb WHERE stream_id = 'ledger-1'`],
    ['DELETE', `DELETE FROM es_events WHERE stream_id = 'ledger-1'`],
    ['an UPDATE of no row', `UPDATE es_events SET event_type = 'x' WHERE false`],
  ])('%s fails, and the event stays as it was', async (_name, statement) => {
    await expect(sql.query(statement)).rejects.toThrow('es_events is append-only');
    expect(await stored()).toEqual([{ n: 1 }]);
  });

  it('appending still works', async () => {
    await store.append('ledger-1', [{ id: randomUUID(), type: 'Happened', data: { n: 3 } }], { expectedRevision: 0n });
    expect(await stored()).toEqual([{ n: 1 }, { n: 3 }]);
  });
});
