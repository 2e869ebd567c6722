import type { Migration } from '@compileo/sql';

/** The embedded bus keeps its low-water mark here. */
export const busMigrations: readonly Migration[] = [
  { id: '201_bus_checkpoints', sql: 'CREATE TABLE IF NOT EXISTS bus_checkpoints (name text PRIMARY KEY, position text NOT NULL)' },
];
