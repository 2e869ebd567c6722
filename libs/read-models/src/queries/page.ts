import type { SqlExecutor } from '@compileo/sql';

/** A page asked for by limit and offset (the routes' `page`/`per_page`). */
export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
}

/** One page of rows and the total count of rows that match. */
export interface Page<R> {
  readonly rows: R[];
  readonly total: number;
}

/** A filtered, ordered listing: the count of what matches, and one page of it, in two statements. */
export interface Listing {
  readonly columns: string;
  readonly from: string;
  readonly where: string;
  readonly params: readonly unknown[];
  readonly orderBy: string;
}

export const pageRows = async <R>(sql: SqlExecutor, l: Listing, page: PageRequest): Promise<Page<R>> => {
  const total = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${l.from} WHERE ${l.where}`, l.params);
  const n = l.params.length;
  const rows = await sql.query<R>(
    `SELECT ${l.columns} FROM ${l.from} WHERE ${l.where} ORDER BY ${l.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...l.params, page.limit, page.offset],
  );
  return { rows: rows.rows, total: total.rows[0].n };
};
