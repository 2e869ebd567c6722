import { eventStoreMigrations, PostgresEventStore } from '@compileo/event-store';
import { createSqlClient, runMigrations, type SqlClient } from '@compileo/sql';
import { busMigrations } from '@compileo/bus';
import { readModelMigrations } from '@compileo/read-models';
import type { AppConfig } from './app-config';
import { databaseStartupError, ensureWritableDir } from './startup-failure';

/** Every migration of the service's own tables, in the order they apply. */
export const SERVICE_MIGRATIONS = [...eventStoreMigrations, ...readModelMigrations, ...busMigrations];

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR) and migrates
 * it. A failure is a StartupError naming the variable to fix.
 */
export const openDatabase = async (
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_SCHEMA' | 'DATA_DIR'>,
): Promise<{ sql: SqlClient; store: PostgresEventStore }> => {
  if (!config.DATABASE_URL) ensureWritableDir(config.DATA_DIR);
  let sql: SqlClient | undefined;
  try {
    sql = await createSqlClient({ databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, dataDir: config.DATA_DIR });
    await runMigrations(sql, SERVICE_MIGRATIONS);
  } catch (error) {
    await sql?.close().catch(() => undefined);
    throw databaseStartupError(config, error);
  }
  const store = await PostgresEventStore.create(sql);
  return { sql, store };
};
