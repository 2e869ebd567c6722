/**
 * The one SQL surface the event store and read models use, over PGlite (embedded) or `pg` (PostgreSQL).
 * Statements are written once for both. int8/xid8 columns are selected as text and parsed explicitly,
 * because PGlite and pg return them as different JavaScript types.
 */
export interface SqlExecutor {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: R[] }>;
}

export interface SqlClient extends SqlExecutor {
  readonly dialect: 'pglite' | 'postgres';
  /**
   * For reads served to clients: they never delay the service's own statements (commands, projections, jobs).
   * PGlite: they wait while the service's statements are queued (see PriorityLane); PostgreSQL: a pool of their own.
   */
  readonly reads: SqlExecutor;
  /** Runs `fn` in one transaction on one connection; rolls back when it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Calls `onNotify` on each NOTIFY on `channel`; resolves to an unlisten function. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const SQL_CLIENT = Symbol('SQL_CLIENT');
/** `SqlClient.reads`: what query services use. */
export const READ_SQL = Symbol('READ_SQL');
