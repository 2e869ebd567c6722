/**
 * Event-store benchmark: append throughput against raw INSERTs of the same rows into the same database in the
 * same run (ratio), and replay throughput against a raw SELECT of the same rows, on PGlite (a fresh data
 * directory) and PostgreSQL (a fresh schema on BENCH_POSTGRES_URL's server, dropped after). Appends are single
 * events and batches of B, by 1 and by 8 concurrent writers (each to its own streams). One JSON line per figure.
 *
 * Env: BENCH_BACKENDS ("pglite,postgres"), BENCH_POSTGRES_URL (postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_EVENTS (events per measurement, 2000), BENCH_BATCH (events per batch append, 50).
 */
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { createSqlClient } from '../../libs/sql/src/create-sql-client';
import type { SqlClient } from '../../libs/sql/src/sql-client';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 2000);
const BATCH = Number(process.env.BENCH_BATCH ?? 50);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'pglite,postgres').split(',').map((s) => s.trim());
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const emit = (fields: Record<string, string | number>): void => {
  process.stdout.write(`${JSON.stringify({ bench: 'eventstore', ...fields })}\n`);
};

/** A chunk's worth of data, as a dataset event carries it. */
const payload = (i: number) => ({
  jobId: 'job',
  chunkIndex: i,
  accepted: [{ entryId: `entry_${i}`, question: `What does passage ${i} say?`, answer: `Passage ${i} says something of its own.` }],
});

/** Runs `writers` loops at once, each making `steps` calls of `step(writer, k)` (each returns its events); returns events per second. */
const timed = async (steps: number, writers: number, step: (writer: number, k: number) => Promise<number>): Promise<number> => {
  const started = performance.now();
  let events = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let k = 0; k < steps; k++) events += await step(w, k);
    }),
  );
  return events / ((performance.now() - started) / 1000);
};

const measure = async (backend: string, sql: SqlClient): Promise<void> => {
  const store = await PostgresEventStore.create(sql);
  await sql.query(
    'CREATE TABLE bench_raw (stream_id text, stream_revision bigint, event_id uuid, event_type text, data jsonb, metadata jsonb)',
  );
  for (const writers of [1, 8]) {
    for (const batch of [1, BATCH]) {
      const run = randomUUID().slice(0, 8);
      const rows = (n: number) =>
        Array.from({ length: n }, (_, i) => ({ id: randomUUID(), type: 'DatasetChunkProcessed', data: payload(i) }));
      const steps = Math.ceil(EVENTS / (writers * batch));
      const appended = await timed(steps, writers, async (w, k) => {
        await store.append(`dataset-${run}-${w}`, rows(batch), { expectedRevision: k === 0 ? 'no_stream' : BigInt(k * batch - 1) });
        return batch;
      });
      const raw = await timed(steps, writers, async (w, k) => {
        await sql.transaction(async (tx) => {
          for (const e of rows(batch)) {
            await tx.query(
              'INSERT INTO bench_raw (stream_id, stream_revision, event_id, event_type, data, metadata) VALUES ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb)',
              [`raw-${run}-${w}`, k, e.id, e.type, JSON.stringify(e.data), '{}'],
            );
          }
        });
        return batch;
      });
      const context = { backend, writers, batch, events: steps * writers * batch };
      emit({ ...context, metric: 'append_events_per_s', value: Math.round(appended), unit: 'events/s' });
      emit({ ...context, metric: 'raw_insert_rows_per_s', value: Math.round(raw), unit: 'rows/s' });
      emit({ ...context, metric: 'append_vs_raw', value: Math.round((appended / raw) * 100) / 100, unit: 'x' });
    }
  }
  const total = (await store.readAll()).length;
  let started = performance.now();
  let replayed = 0;
  for (let from: string | undefined; ;) {
    const page = await store.readAll({ from, maxCount: 1000 });
    if (page.length === 0) break;
    replayed += page.length;
    from = page[page.length - 1].position;
  }
  const replay = replayed / ((performance.now() - started) / 1000);
  // The same rows and pages by a plain keyset SELECT, parsed as the store parses them.
  started = performance.now();
  let selected = 0;
  for (let after = '0'; ;) {
    const { rows } = await sql.query<{ p: string; data: string }>(
      'SELECT global_position::text AS p, data::text AS data FROM es_events WHERE global_position > $1::bigint ORDER BY global_position LIMIT 1000',
      [after],
    );
    if (rows.length === 0) break;
    for (const row of rows) JSON.parse(row.data);
    selected += rows.length;
    after = rows[rows.length - 1].p;
  }
  const select = selected / ((performance.now() - started) / 1000);
  emit({ backend, events: total, metric: 'replay_events_per_s', value: Math.round(replay), unit: 'events/s' });
  emit({ backend, events: total, metric: 'replay_vs_raw_select', value: Math.round((replay / select) * 100) / 100, unit: 'x' });
  await store.close();
};

const main = async (): Promise<void> => {
  for (const backend of BACKENDS) {
    if (backend === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'compileo-bench-es-'));
      const sql = await createSqlClient({ dataDir: dir });
      try {
        await measure(backend, sql);
      } finally {
        await sql.close();
        rmSync(dir, { recursive: true, force: true });
      }
    } else {
      const schema = `bench_es_${randomUUID().slice(0, 8)}`;
      const sql = await createSqlClient({ databaseUrl: POSTGRES_URL, schema });
      try {
        await measure(backend, sql);
      } finally {
        await sql.query(`DROP SCHEMA ${schema} CASCADE`);
        await sql.close();
      }
    }
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
