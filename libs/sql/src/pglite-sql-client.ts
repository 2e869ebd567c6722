import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { Pacer } from './pacer';
import { PriorityLane } from './priority-lane';
import type { SqlClient, SqlExecutor } from './sql-client';

type Rows<R> = { rows: R[] };

/**
 * Without params the statement goes through `exec` (simple protocol), so it may hold several
 * statements, as `pg` allows; with params it is one prepared statement.
 */
const run = async <R>(pacer: Pacer, target: PGlite | Transaction, sql: string, params?: readonly unknown[]): Promise<Rows<R>> => {
  await pacer.pace();
  if (params === undefined || params.length === 0) {
    const results = await target.exec(sql);
    const last = results[results.length - 1];
    return { rows: (last?.rows ?? []) as R[] };
  }
  const result = await target.query<R>(sql, [...params]);
  return { rows: result.rows };
};

/**
 * SqlClient over embedded PGlite. PGlite runs one statement at a time, and a whole `transaction()` holds
 * the one connection, so a query issued elsewhere while a transaction runs waits for it rather than
 * joining it; who goes next is decided by a PriorityLane (the service's statements before client reads).
 * Consequence: inside `transaction(fn)`, `fn` must use its `tx`, never this client (that would wait on itself).
 */
export class PgliteSqlClient implements SqlClient {
  readonly dialect = 'pglite' as const;
  readonly reads: SqlExecutor = {
    query: <R = Record<string, unknown>>(sql: string, params?: readonly unknown[]) =>
      this.lane.run('read', () => run<R>(this.pacer, this.db, sql, params)),
  };
  private readonly lane = new PriorityLane();
  private readonly pacer = new Pacer();

  private constructor(private readonly db: PGlite) {}

  /** `dataDir` given: persistent, files under it (created if missing). Omitted: in memory. */
  static async create(dataDir?: string): Promise<PgliteSqlClient> {
    if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
    const db = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
    return new PgliteSqlClient(db);
  }

  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Rows<R>> {
    return this.lane.run('service', () => run<R>(this.pacer, this.db, sql, params));
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.lane.run('service', () =>
      this.db.transaction((tx) =>
        fn({ query: <R = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => run<R>(this.pacer, tx, sql, params) }),
      ),
    );
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const unlisten = await this.db.listen(channel, () => onNotify());
    let done = false;
    return async () => {
      if (done || this.db.closed) return;
      done = true;
      await unlisten();
    };
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
