/**
 * Read-model table names. Live tables use the `rm_` prefix; a rebuild projects into tables with another
 * prefix, so that it can be compared with the live ones row for row and then swapped in.
 */
export interface Tables {
  readonly prefix: string;
  readonly projects: string;
  readonly documents: string;
  readonly chunks: string;
  readonly taxonomies: string;
  readonly datasets: string;
  readonly entries: string;
  readonly feedback: string;
  readonly jobs: string;
  readonly parameters: string;
}

export const TABLE_KEYS = [
  'projects',
  'documents',
  'chunks',
  'taxonomies',
  'datasets',
  'entries',
  'feedback',
  'jobs',
  'parameters',
] as const;

export const tablesFor = (prefix: string): Tables => {
  if (!/^[a-z][a-z0-9_]*_$/.test(prefix)) throw new Error(`invalid read-model table prefix: ${prefix}`);
  const names = Object.fromEntries(TABLE_KEYS.map((key) => [key, `${prefix}${key}`])) as Record<(typeof TABLE_KEYS)[number], string>;
  return { prefix, ...names };
};

export const LIVE_TABLES = tablesFor('rm_');
