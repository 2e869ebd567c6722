import type { EventStore, Position } from '@compileo/event-store';
import type { SqlClient } from '@compileo/sql';
import { projectBatch } from './project-batch';
import { applyAll } from './projections/all.projections';
import { readModelSchema } from './read-model.migrations';
import { runScript } from './sql-script';
import { TABLE_KEYS, type Tables } from './tables';

const PAGE = 1000;

export const dropTables = async (sql: SqlClient, tables: Tables): Promise<void> => {
  for (const key of TABLE_KEYS) await sql.query(`DROP TABLE IF EXISTS ${tables[key]}`);
};

/**
 * Drops and recreates the tables of `tables`, then projects every event from position zero into them
 * under the checkpoint `name`. Returns the last position applied.
 */
export const rebuildReadModels = async (store: EventStore, sql: SqlClient, tables: Tables, name: string): Promise<Position | undefined> => {
  await sql.query('DELETE FROM rm_checkpoints WHERE name = $1', [name]);
  await dropTables(sql, tables);
  await runScript(sql, readModelSchema(tables));
  let from: Position | undefined;
  for (;;) {
    const events = await store.readAll({ from, maxCount: PAGE });
    if (events.length === 0) return from;
    await projectBatch(store, sql, name, tables, applyAll, events);
    from = events[events.length - 1].position;
  }
};
