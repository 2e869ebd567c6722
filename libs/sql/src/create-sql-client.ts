import { join } from 'node:path';
import { PgSqlClient } from './pg-sql-client';
import { PgliteSqlClient } from './pglite-sql-client';
import type { SqlClient } from './sql-client';

export interface SqlClientConfig {
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of embedded PGlite. */
  readonly databaseUrl?: string;
  /** PGlite keeps its files under `${dataDir}/pglite` (default './data'). */
  readonly dataDir?: string;
  /** PostgreSQL only: schema to create and use as search_path. */
  readonly schema?: string;
}

export const createSqlClient = async (config: SqlClientConfig = {}): Promise<SqlClient> => {
  if (config.databaseUrl) return PgSqlClient.create({ connectionString: config.databaseUrl, schema: config.schema });
  return PgliteSqlClient.create(join(config.dataDir ?? './data', 'pglite'));
};
