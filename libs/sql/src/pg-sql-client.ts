import { Client, Pool, type ClientConfig } from 'pg';
import type { SqlClient, SqlExecutor } from './sql-client';

export interface PgSqlClientOptions {
  readonly connectionString: string;
  /** When given: created if missing and made the `search_path` of every connection (test isolation). */
  readonly schema?: string;
  readonly maxConnections?: number;
  /** The pool for client reads (`reads`), apart from the service's own, so a crowd of readers cannot take every connection. */
  readonly maxReadConnections?: number;
}

type Rows<R> = { rows: R[] };

// Restricting names keeps the schema safe to splice into SQL and into the `-c search_path=` option.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const quoteChannel = (channel: string): string => `"${channel.replace(/"/g, '""')}"`;

/** One shared LISTEN connection; LISTEN/UNLISTEN per channel as its first/last callback comes/goes. */
class Listener {
  private client: Promise<Client> | undefined;
  private readonly callbacks = new Map<string, Set<() => void>>();

  constructor(private readonly config: ClientConfig) {}

  async add(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const client = await this.connect();
    let set = this.callbacks.get(channel);
    if (set === undefined) {
      set = new Set();
      this.callbacks.set(channel, set);
    }
    // A fresh function per call so the same callback can be registered twice and removed once.
    const entry = (): void => onNotify();
    set.add(entry);
    if (set.size === 1) await client.query(`LISTEN ${quoteChannel(channel)}`);
    let removed = false;
    return async () => {
      if (removed) return;
      removed = true;
      const current = this.callbacks.get(channel);
      if (current === undefined || !current.delete(entry) || current.size > 0) return;
      this.callbacks.delete(channel);
      // The connection may have died; callers only need the callback gone.
      await client.query(`UNLISTEN ${quoteChannel(channel)}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.callbacks.clear();
    if (client !== undefined) await (await client.catch(() => undefined))?.end().catch(() => undefined);
  }

  private connect(): Promise<Client> {
    if (this.client === undefined) {
      const client = new Client(this.config);
      client.on('notification', (message) => {
        for (const callback of this.callbacks.get(message.channel) ?? []) callback();
      });
      // No reconnect: a lost connection is dropped so the next `add` opens a new one. Readers poll
      // anyway, so missed notifications only delay them.
      client.on('error', () => {
        this.client = undefined;
        this.callbacks.clear();
      });
      this.client = client.connect().then(() => client);
      this.client.catch(() => {
        this.client = undefined;
      });
    }
    return this.client;
  }
}

const queryOn = async <R>(pool: Pool, sql: string, params?: readonly unknown[]): Promise<Rows<R>> => {
  const result = await pool.query(sql, params === undefined ? undefined : [...params]);
  return { rows: result.rows as R[] };
};

/** A pool whose idle client's error is not fatal: without a listener it would crash the process; the pool drops that client. */
const poolOf = (config: ClientConfig, max: number): Pool => new Pool({ ...config, max }).on('error', () => undefined);

/** SqlClient over `pg` Pools: one for the service's statements, a smaller one for client reads. */
export class PgSqlClient implements SqlClient {
  readonly dialect = 'postgres' as const;
  readonly reads: SqlExecutor = { query: (sql, params) => queryOn(this.readPool, sql, params) };

  private constructor(
    private readonly pool: Pool,
    private readonly readPool: Pool,
    private readonly listener: Listener,
  ) {}

  static async create(options: PgSqlClientOptions): Promise<PgSqlClient> {
    const { connectionString, schema } = options;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
    if (schema !== undefined) {
      const admin = new Client({ connectionString });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      } finally {
        await admin.end();
      }
    }
    const config: ClientConfig = { connectionString, ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }) };
    return new PgSqlClient(
      poolOf(config, options.maxConnections ?? 10),
      poolOf(config, options.maxReadConnections ?? 4),
      new Listener(config),
    );
  }

  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Rows<R>> {
    return queryOn<R>(this.pool, sql, params);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const tx: SqlExecutor = {
        query: async <R = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => {
          const result = await client.query(sql, params === undefined ? undefined : [...params]);
          return { rows: result.rows as R[] };
        },
      };
      const value = await fn(tx);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError; // do not return a connection in an unknown state to the pool
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    return this.listener.add(channel, onNotify);
  }

  async close(): Promise<void> {
    await this.listener.close();
    await Promise.all([this.pool.end(), this.readPool.end()]);
  }
}
