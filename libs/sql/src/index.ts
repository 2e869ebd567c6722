export type { SqlClient, SqlExecutor } from './sql-client';
export { READ_SQL, SQL_CLIENT } from './sql-client';
export { createSqlClient, type SqlClientConfig } from './create-sql-client';
export { runMigrations, type Migration } from './migrate';
export { PgSqlClient, type PgSqlClientOptions } from './pg-sql-client';
export { PgliteSqlClient } from './pglite-sql-client';
