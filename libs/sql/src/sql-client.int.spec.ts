import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabases } from '@compileo/testing';
import { createSqlClient } from './create-sql-client';
import { runMigrations, type Migration } from './migrate';
import type { SqlClient } from './sql-client';

const migrations: readonly Migration[] = [
  { id: '002_more', sql: `INSERT INTO things (name) VALUES ('two')` },
  { id: '001_things', sql: `CREATE TABLE things (name text PRIMARY KEY); INSERT INTO things (name) VALUES ('one');` },
];

describe.each(testDatabases())('SqlClient on $name', ({ create }) => {
  let sql: SqlClient;
  beforeEach(async () => {
    sql = await create();
  });
  afterEach(async () => {
    await sql.close();
  });

  it('rolls a transaction back when it throws', async () => {
    await sql.query('CREATE TABLE t (n int)');
    await expect(
      sql.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES ($1)', [1]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await sql.query('SELECT n FROM t')).rows).toEqual([]);
  });

  it('a query issued while a transaction runs elsewhere does not see or join it', async () => {
    await sql.query('CREATE TABLE t (n int)');
    let release = (): void => undefined;
    const held = new Promise<void>((r) => (release = r));
    const tx = sql.transaction(async (t) => {
      await t.query('INSERT INTO t VALUES ($1)', [1]);
      await held;
      throw new Error('rolled back');
    });
    await new Promise((r) => setTimeout(r, 50));
    const outside = sql.query<{ count: string }>('SELECT count(*)::text AS count FROM t');
    release();
    await expect(tx).rejects.toThrow('rolled back');
    expect((await outside).rows).toEqual([{ count: '0' }]);
  });

  it("client reads never hold up the service's statements", async () => {
    // PGlite: the reads queue behind a running transaction and the service query jumps them; PostgreSQL: the
    // reads fill their own pool and the service query runs beside them.
    const readSql = sql.dialect === 'postgres' ? 'SELECT pg_sleep(0.2)' : 'SELECT 1';
    const done: string[] = [];
    let release = (): void => undefined;
    const held = new Promise<void>((r) => (release = r));
    const running = sql.transaction(async (tx) => {
      await tx.query('SELECT 1');
      await held;
    });
    const reads = Array.from({ length: 10 }, (_, i) => sql.reads.query(readSql).then(() => void done.push(`read ${i}`)));
    const service = sql.query('SELECT 2').then(() => void done.push('service'));
    await new Promise((r) => setTimeout(r, 20));
    release();
    await Promise.all([running, service, ...reads]);
    expect(done.indexOf('service')).toBeLessThanOrEqual(1);
  });

  it('delivers NOTIFY to listeners until they unlisten', async () => {
    let calls = 0;
    const unlisten = await sql.listen('test_channel', () => calls++);
    await sql.transaction(async (tx) => {
      await tx.query(`SELECT pg_notify('test_channel', 'x')`);
    });
    while (calls === 0) await new Promise((r) => setTimeout(r, 10)); // no deadline: the test's timeout is the hang guard
    expect(calls).toBe(1);
    await unlisten();
    await sql.query(`SELECT pg_notify('test_channel', 'y')`);
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toBe(1);
  });

  it('applies migrations once, in id order, even when run concurrently', async () => {
    const [first, second] = await Promise.all([runMigrations(sql, migrations), runMigrations(sql, migrations)]);
    expect([...first, ...second].sort()).toEqual(['001_things', '002_more']);
    expect(await runMigrations(sql, migrations)).toEqual([]);
    expect((await sql.query('SELECT name FROM things ORDER BY name')).rows).toEqual([{ name: 'one' }, { name: 'two' }]);
    expect((await sql.query('SELECT id FROM schema_migrations ORDER BY id')).rows).toEqual([{ id: '001_things' }, { id: '002_more' }]);
  });

  it('a failing migration is rolled back; earlier ones stay applied', async () => {
    const good: Migration = { id: '001_good', sql: 'CREATE TABLE good (n int)' };
    const bad: Migration = { id: '002_bad', sql: 'CREATE TABLE half (n int); SELECT no_such_function();' };
    await expect(runMigrations(sql, [good, bad])).rejects.toThrow();
    expect((await sql.query(`SELECT to_regclass('half')::text AS t`)).rows).toEqual([{ t: null }]);
    expect((await sql.query('SELECT id FROM schema_migrations')).rows).toEqual([{ id: '001_good' }]);
  });
});

describe('createSqlClient without a database URL', () => {
  it('keeps PGlite files under <dataDir>/pglite and reopens them', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'compileo-es-'));
    try {
      const first = await createSqlClient({ dataDir });
      expect(first.dialect).toBe('pglite');
      await first.query('CREATE TABLE kept (n int)');
      await first.query('INSERT INTO kept VALUES ($1)', [7]);
      await first.close();
      expect(readdirSync(join(dataDir, 'pglite')).length).toBeGreaterThan(0);

      const second = await createSqlClient({ dataDir });
      expect((await second.query('SELECT n FROM kept')).rows).toEqual([{ n: 7 }]);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
