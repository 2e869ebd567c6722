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
