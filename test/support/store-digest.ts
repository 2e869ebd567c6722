import { SQL_CLIENT, type SqlClient } from '@compileo/sql';
import type { TestApp } from './test-app';

/** What a request could change: the event log's length and position, and every read model's rows. */
export type StoreDigest = Readonly<Record<string, string>>;

/**
 * Reads the store's digest in one statement: `count:max` of `es_events`, and an md5 of each `rm_*`
 * table's rows in a stable order. Equal digests before and after a request mean it wrote nothing.
 */
export const storeDigest = async (t: TestApp): Promise<() => Promise<StoreDigest>> => {
  const sql = t.app.get<symbol, SqlClient>(SQL_CLIENT, { strict: false });
  const { rows } = await sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_name LIKE 'rm\\_%' ORDER BY table_name`,
  );
  const tables = rows.map((r) => r.table_name);
  const digestOf = (table: string): string =>
    `(SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM ${table} r) AS ${table}`;
  const statement = `SELECT (SELECT count(*) || ':' || coalesce(max(global_position)::text, '-') FROM es_events) AS es_events,
    ${tables.map(digestOf).join(',\n    ')}`;
  return async () => (await sql.query<Record<string, string>>(statement)).rows[0];
};
