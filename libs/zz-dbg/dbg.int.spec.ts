import { PostgresEventStore, CommandRunner, type SqlClient } from '@compileo/event-store';
import { runDomainWorkload } from '../../test/support/domain-workload';
import { SeededRandom } from '../../test/support/seeded-random';
import { PgliteSqlClient } from '../../libs/event-store/src/sql/pglite-sql-client';

it('dbg', async () => {
  const sql: SqlClient = await PgliteSqlClient.create();
  const store = await PostgresEventStore.create(sql, { pollIntervalMs: 20 });
  await runDomainWorkload(new CommandRunner(store), new SeededRandom(61780279), 300);
  const all = await store.readAll();
  const pos = all.map((e) => e.position);
  const bad = pos.findIndex((p, i) => i > 0 && store.comparePositions(pos[i - 1], p) >= 0);
  console.log(bad, pos.slice(Math.max(0, bad - 3), bad + 3), pos.slice(-3));
  const r = await sql.query(`SELECT transaction_id::text AS t, global_position::text AS g, stream_id, stream_revision::text AS r FROM es_events WHERE global_position BETWEEN 250 AND 260 ORDER BY global_position`);
  console.log(JSON.stringify(r.rows));
}, 120000);
