import { randomBytes } from 'node:crypto';
import { PgSqlClient } from '@compileo/sql';
import { PgliteSqlClient } from '@compileo/sql';
import type { SqlClient } from '@compileo/sql';

/**
 * The database backends every database-backed suite runs against:
 * - 'pglite': in-memory PGlite, always;
 * - 'postgres': only when TEST_DATABASE_URL is set. Each `create()` makes a fresh, uniquely named schema
 *   (the client's search_path), and the returned client's `close()` drops that schema CASCADE before
 *   ending its pool, so suites can run in parallel against one database.
 *
 * Usage: `describe.each(testDatabases())('on $name', ({ create }) => { ... })`, calling `create()` in a
 * beforeEach/beforeAll and `close()` on the client afterwards.
 */
export interface TestDatabase {
  readonly name: 'pglite' | 'postgres';
  readonly create: () => Promise<SqlClient>;
}

export const testDatabaseUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;

/** A schema name unique across concurrently running test workers. */
export const uniqueSchemaName = (): string => `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

/** A pg client on its own new schema; `close()` drops the schema, then ends the pool. */
export const createIsolatedPgClient = async (databaseUrl: string, schema = uniqueSchemaName()): Promise<SqlClient> => {
  const client = await PgSqlClient.create({ connectionString: databaseUrl, schema });
  let closed = false;
  return {
    dialect: client.dialect,
    reads: client.reads,
    query: (sql, params) => client.query(sql, params),
    transaction: (fn) => client.transaction(fn),
    listen: (channel, onNotify) => client.listen(channel, onNotify),
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.close();
      }
    },
  };
};

export const testDatabases = (): TestDatabase[] => {
  const databases: TestDatabase[] = [{ name: 'pglite', create: () => PgliteSqlClient.create() }];
  const url = testDatabaseUrl();
  if (url !== undefined) databases.push({ name: 'postgres', create: () => createIsolatedPgClient(url) });
  return databases;
};
