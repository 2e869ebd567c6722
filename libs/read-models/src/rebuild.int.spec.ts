import { CommandRunner, PostgresEventStore, deterministicId, type Position } from '@compileo/event-store';
import { runMigrations, type SqlClient } from '@compileo/sql';
import { runDomainWorkload, type WorkloadResult } from '@compileo/testing';
import { SeededRandom, seedFrom } from '@compileo/testing';
import { testDatabases } from '@compileo/testing';
import { readCheckpoint } from './checkpoints';
import { projectBatch } from './project-batch';
import { ProjectionRunner } from './projection-runner';
import { applyAll } from './projections/all.projections';
import { readModelMigrations, readModelSchema } from './read-model.migrations';
import { rebuildReadModels } from './rebuild';
import { runScript } from './sql-script';
import { LIVE_TABLES, TABLE_KEYS, tablesFor, type Tables } from './tables';

const SEED = seedFrom(process.env.REBUILD_SEED);
const STEPS = Number(process.env.REBUILD_STEPS ?? 300);
const LIVE = 'read-models';

type TableKey = (typeof TABLE_KEYS)[number];
type Snapshot = Record<TableKey, string[]>;

const primaryKey = async (sql: SqlClient, table: string): Promise<string[]> => {
  const { rows } = await sql.query<{ column_name: string }>(
    `SELECT k.column_name FROM information_schema.table_constraints c
       JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema AND k.table_name = c.table_name
      WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = current_schema() AND c.table_name = $1
      ORDER BY k.ordinal_position`,
    [table],
  );
  if (rows.length === 0) throw new Error(`no primary key found for ${table}`);
  return rows.map((r) => r.column_name);
};

const rowJson = (row: unknown): string =>
  JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));

/** Every row of every read-model table, ordered by primary key, each as JSON. */
const snapshot = async (sql: SqlClient, tables: Tables): Promise<Snapshot> => {
  const result = {} as Snapshot;
  for (const key of TABLE_KEYS) {
    const order = (await primaryKey(sql, tables[key])).join(', ');
    const { rows } = await sql.query(`SELECT * FROM ${tables[key]} ORDER BY ${order}`);
    result[key] = rows.map(rowJson);
  }
  return result;
};

const takeXid = async (sql: SqlClient): Promise<bigint> =>
  BigInt((await sql.transaction((tx) => tx.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x'))).rows[0].x);

/**
 * Burns transaction ids until the next one is `margin` below a power of ten, so that ids gain a digit
 * while the test runs (text order and numeric order then disagree). Returns false when that is too far.
 */
const approachXidDigitBoundary = async (sql: SqlClient, margin: bigint): Promise<boolean> => {
  const xid = await takeXid(sql);
  const boundary = 10n ** BigInt(xid.toString().length);
  if (boundary - xid > 20_000n) return false;
  while ((await takeXid(sql)) < boundary - margin);
  return true;
};

const count = async (sql: SqlClient, query: string): Promise<number> => Number((await sql.query<{ n: string | number }>(query)).rows[0].n);

describe.each(testDatabases())(
  `read-model rebuild on $name (seed ${SEED}, ${STEPS} commands; replay with REBUILD_SEED=${SEED})`,
  ({ create }) => {
    let sql: SqlClient;
    let store: PostgresEventStore;
    let live: ProjectionRunner;
    let workload: WorkloadResult;
    let lastPosition: Position;
    const projectionErrors: unknown[] = [];

    beforeAll(async () => {
      process.stdout.write(`[rebuild.int.spec] seed ${SEED} (set REBUILD_SEED=${SEED} to replay)\n`);
      sql = await create();
      store = await PostgresEventStore.create(sql, { pollIntervalMs: 20 });
      await runMigrations(sql, [...readModelMigrations]);
      // Transaction ids gain a digit about a third of the way into the workload.
      if (!(await approachXidDigitBoundary(sql, 120n)))
        process.stdout.write('[rebuild.int.spec] transaction ids will not gain a digit during this run\n');
      live = new ProjectionRunner(store, sql, LIVE, LIVE_TABLES, applyAll, (error) => projectionErrors.push(error));
      await live.start();
      workload = await runDomainWorkload(new CommandRunner(store), new SeededRandom(SEED), STEPS);
      if (workload.lastPosition === null) throw new Error('the workload appended nothing');
      lastPosition = workload.lastPosition;
      await live.waitFor(lastPosition, 60_000);
    }, 180_000);

    afterAll(async () => {
      await live?.stop();
      await store?.close();
      await sql?.close();
    });

    it('ran a workload that exercises every command, including refused ones', () => {
      process.stdout.write(
        `[rebuild.int.spec] outcomes ${JSON.stringify(workload.outcomes)}\n[rebuild.int.spec] refusals ${JSON.stringify(workload.refusals)}\n`,
      );
      for (const name of [
        'createProject',
        'saveParameters',
        'ingestDocument',
        'createTaxonomy',
        'requestGeneration',
        'claimJob',
        'recordChunk',
        'completeGeneration',
        'editEntry',
        'addFeedback',
        'requestRegeneration',
        'recordRegeneratedEntry',
        'completeRegeneration',
      ]) {
        expect([name, (workload.outcomes[name] ?? 0) > 0]).toEqual([name, true]);
      }
      expect(Object.values(workload.refusals).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    });

    it('readAll returns every event once, in commit order, ending at the last position appended', async () => {
      const events = await store.readAll();
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      const outOfOrder = events.findIndex((e, i) => i > 0 && store.comparePositions(events[i - 1].position, e.position) >= 0);
      expect(outOfOrder === -1 ? null : [events[outOfOrder - 1].position, events[outOfOrder].position]).toBeNull();
      expect(events[events.length - 1].position).toBe(lastPosition);
    });

    it('the live projection caught up: its checkpoint is the last position, with no errors', async () => {
      expect(projectionErrors).toEqual([]);
      expect(await readCheckpoint(sql, LIVE)).toBe(lastPosition);
    });

    it('every read-model table is non-empty and holds the interesting cases, so the comparison means something', async () => {
      const empty: string[] = [];
      for (const key of TABLE_KEYS) if ((await count(sql, `SELECT count(*) AS n FROM ${LIVE_TABLES[key]}`)) === 0) empty.push(key);
      expect(empty).toEqual([]);
      const t = LIVE_TABLES;
      expect(
        await count(sql, `SELECT count(*) AS n FROM ${t.entries} WHERE status = 'rejected' AND rejection->>'reason' = 'duplicate'`),
      ).toBeGreaterThan(0);
      expect(
        await count(sql, `SELECT count(*) AS n FROM ${t.entries} WHERE status = 'rejected' AND rejection->>'reason' = 'below_threshold'`),
      ).toBeGreaterThan(0);
      expect(await count(sql, `SELECT count(*) AS n FROM ${t.entries} WHERE version > 1`)).toBeGreaterThan(0);
      expect(await count(sql, `SELECT count(*) AS n FROM ${t.entries} WHERE split IS NOT NULL`)).toBeGreaterThan(0);
      expect(await count(sql, `SELECT count(*) AS n FROM ${t.datasets} WHERE version NOT LIKE '%.0'`)).toBeGreaterThan(0);
      expect(await count(sql, `SELECT count(*) AS n FROM ${t.jobs} WHERE kind = 'regeneration' AND status = 'completed'`)).toBeGreaterThan(
        0,
      );
      expect(await count(sql, `SELECT count(*) AS n FROM ${t.jobs} WHERE steps_failed > 0`)).toBeGreaterThan(0);
      expect(await count(sql, `SELECT count(*) AS n FROM ${t.feedback} WHERE feedback_type = 'edit'`)).toBeGreaterThan(0);
    });

    it('a rebuild from position zero into fresh tables equals the live tables row for row', async () => {
      const rebuilt = await rebuildReadModels(store, sql, tablesFor('rb_'), 'rebuild-test');
      expect(rebuilt).toBe(lastPosition);
      expect(await readCheckpoint(sql, 'rebuild-test')).toBe(lastPosition);
      const expected = await snapshot(sql, LIVE_TABLES);
      const actual = await snapshot(sql, tablesFor('rb_'));
      for (const key of TABLE_KEYS) {
        expect(actual[key].length).toBeGreaterThan(0);
        expect([key, actual[key]]).toEqual([key, expected[key]]);
      }
      // Rebuilding again over the same tables starts over and gives the same rows.
      await rebuildReadModels(store, sql, tablesFor('rb_'), 'rebuild-test');
      expect(await snapshot(sql, tablesFor('rb_'))).toEqual(expected);
    });

    it('re-running projectBatch over already-applied events changes nothing (exactly-once)', async () => {
      const before = await snapshot(sql, LIVE_TABLES);
      const events = await store.readAll();
      await projectBatch(store, sql, LIVE, LIVE_TABLES, applyAll, events);
      await projectBatch(store, sql, LIVE, LIVE_TABLES, applyAll, events.slice(Math.floor(events.length / 2)));
      expect(await snapshot(sql, LIVE_TABLES)).toEqual(before);
      expect(await readCheckpoint(sql, LIVE)).toBe(lastPosition);
    });

    it('overlapping batches under one checkpoint apply each event once, matching the live tables', async () => {
      const tables = tablesFor('ob_');
      await runScript(sql, readModelSchema(tables));
      const events = await store.readAll();
      const third = Math.floor(events.length / 3);
      await projectBatch(store, sql, 'overlap-test', tables, applyAll, events.slice(0, 2 * third));
      await projectBatch(store, sql, 'overlap-test', tables, applyAll, events.slice(third));
      await projectBatch(store, sql, 'overlap-test', tables, applyAll, events.slice(0, third));
      expect(await snapshot(sql, tables)).toEqual(await snapshot(sql, LIVE_TABLES));
    });

    it('the read models agree with the deciders on every dataset', async () => {
      const t = LIVE_TABLES;
      for (const [datasetId, state] of workload.datasets) {
        const { rows } = await sql.query<{ version: string; total_entries: number; rejected_count: number; status: string }>(
          `SELECT version, total_entries, rejected_count, status FROM ${t.datasets} WHERE id = $1`,
          [datasetId],
        );
        const status = state.status;
        expect([datasetId, rows[0]]).toEqual([
          datasetId,
          { version: state.version, total_entries: state.entries.size, rejected_count: state.rejected.size, status },
        ]);

        const entries = await sql.query<{
          entry_id: string;
          version: number;
          question: string | null;
          answer: string | null;
          category: string;
          split: string | null;
        }>(
          `SELECT entry_id, version, question, answer, category, split FROM ${t.entries} WHERE dataset_id = $1 AND status = 'accepted' ORDER BY entry_number`,
          [datasetId],
        );
        expect(entries.rows).toEqual(
          [...state.entries.values()]
            .sort((a, b) => Number(a.entryId.slice(6)) - Number(b.entryId.slice(6)))
            .map((e) => ({
              entry_id: e.entryId,
              version: e.version,
              question: e.content.question,
              answer: e.content.answer,
              category: e.content.category,
              split: e.split,
            })),
        );

        for (const job of state.jobs.values()) {
          const jobRow = await sql.query<{ steps_done: number; steps_failed: number; finished: boolean }>(
            `SELECT steps_done, steps_failed, finished_at IS NOT NULL AS finished FROM ${t.jobs} WHERE id = $1`,
            [job.jobId],
          );
          expect([job.jobId, jobRow.rows[0]]).toEqual([
            job.jobId,
            { steps_done: job.done.size, steps_failed: job.failedChunks, finished: job.finished },
          ]);
        }
      }
    });
  },
);

describe.each(testDatabases())('event order a projection relies on, on $name', ({ create }) => {
  let sql: SqlClient;
  let store: PostgresEventStore;

  beforeEach(async () => {
    sql = await create();
    store = await PostgresEventStore.create(sql);
  });
  afterEach(async () => {
    await store.close();
    await sql.close();
  });

  it('readAll stays in commit order when transaction ids gain a digit (e.g. 999 → 1000)', async () => {
    if (!(await approachXidDigitBoundary(sql, 4n))) {
      process.stdout.write('[rebuild.int.spec] transaction ids are too far from gaining a digit; digit-boundary order not exercised\n');
      return;
    }
    for (let i = 0; i < 8; i++) await store.append('order-test', [{ id: deterministicId(`order-test:${i}`), type: 'Tick', data: { i } }]);
    const events = await store.readAll();
    expect(events.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const stream = await store.readStream('order-test');
    expect(stream.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n]);
  });
});
