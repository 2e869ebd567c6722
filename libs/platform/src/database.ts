import { eventStoreMigrations, PostgresEventStore } from '@compileo/event-store';
import { createSqlClient, runMigrations, type SqlClient } from '@compileo/sql';
import { busMigrations } from '@compileo/bus';
import { readModelMigrations } from '@compileo/read-models';
import type { AppConfig } from './app-config';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import { databaseStartupError, ensureWritableDir, StartupError } from './startup-failure';

/** Every migration of the service's own tables, in the order they apply. */
export const SERVICE_MIGRATIONS = [...eventStoreMigrations, ...readModelMigrations, ...busMigrations];

export interface OpenedDatabase {
  readonly sql: SqlClient;
  readonly store: PostgresEventStore;
  /** PGlite only: this process's exclusive lock on DATA_DIR; release it after closing `sql`. */
  readonly lock: DataDirLock | null;
}

/** PGlite has one owner: two processes on one directory would diverge (issue 7). PostgreSQL is shared by design. */
const lockDataDir = (dataDir: string): DataDirLock => {
  try {
    return acquireDataDirLock(dataDir);
  } catch (error) {
    if (error instanceof StartupError) throw error;
    throw databaseStartupError({ DATA_DIR: dataDir }, error);
  }
};

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR, locked for
 * this process) and migrates it. A failure is a StartupError naming the variable to fix.
 */
export const openDatabase = async (config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_SCHEMA' | 'DATA_DIR'>): Promise<OpenedDatabase> => {
  let lock: DataDirLock | null = null;
  if (!config.DATABASE_URL) {
    ensureWritableDir(config.DATA_DIR);
    lock = lockDataDir(config.DATA_DIR);
  }
  let sql: SqlClient | undefined;
  try {
    sql = await createSqlClient({ databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, dataDir: config.DATA_DIR });
    await runMigrations(sql, SERVICE_MIGRATIONS);
  } catch (error) {
    await sql?.close().catch(() => undefined);
    lock?.release();
    throw databaseStartupError(config, error);
  }
  const store = await PostgresEventStore.create(sql);
  return { sql, store, lock };
};
