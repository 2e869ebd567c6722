import type { Migration } from '@compileo/sql';

/** The embedded bus keeps its low-water mark here, the Kafka relay its position and its lease (one relay at a time). */
export const busMigrations: readonly Migration[] = [
  { id: '201_bus_checkpoints', sql: 'CREATE TABLE IF NOT EXISTS bus_checkpoints (name text PRIMARY KEY, position text NOT NULL)' },
  {
    id: '202_bus_relay_leases',
    sql: 'CREATE TABLE IF NOT EXISTS bus_relay_leases (name text PRIMARY KEY, owner text NOT NULL, until timestamptz NOT NULL)',
  },
];
