import type { SqlClient, SqlExecutor } from './sql-client';

export interface Migration {
  /** Applied in ascending id order; never rename or edit an applied migration. */
  readonly id: string;
  /** May hold several statements. */
  readonly sql: string;
}

// Per schema, so suites isolated in different schemas do not wait on each other.
const LOCK = `SELECT pg_advisory_xact_lock(hashtext('schema_migrations:' || current_schema()))`;

const lockAndEnsureTable = async (tx: SqlExecutor): Promise<void> => {
  await tx.query(LOCK);
  await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
};

/**
 * Applies the pending migrations, each in its own transaction. The advisory lock serialises processes
 * migrating the same schema; the applied check is repeated under the lock so none runs twice.
 * Returns the ids applied by this call.
 */
export const runMigrations = async (sql: SqlClient, migrations: readonly Migration[]): Promise<string[]> => {
  const ids = migrations.map((m) => m.id);
  if (new Set(ids).size !== ids.length) throw new Error(`Duplicate migration ids: ${ids.join(', ')}`);
  const applied: string[] = [];
  const ordered = [...migrations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const migration of ordered) {
    const ran = await sql.transaction(async (tx) => {
      await lockAndEnsureTable(tx);
      const { rows } = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [migration.id]);
      if (rows.length > 0) return false;
      await tx.query(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, now())', [migration.id]);
      return true;
    });
    if (ran) applied.push(migration.id);
  }
  return applied;
};
