/** Renders a timestamptz column as an ISO-8601 UTC string, identically on PGlite and PostgreSQL. */
export const iso = (column: string, alias = column): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${alias.includes('.') ? alias.split('.')[1] : alias}`;
