import type { Position } from '@compileo/event-store';
import type { SqlExecutor } from '@compileo/sql';

export const readCheckpoint = async (sql: SqlExecutor, name: string): Promise<Position | undefined> => {
  const { rows } = await sql.query<{ position: string }>('SELECT position FROM rm_checkpoints WHERE name = $1', [name]);
  return rows[0]?.position;
};

export const writeCheckpoint = async (sql: SqlExecutor, name: string, position: Position): Promise<void> => {
  await sql.query(
    `INSERT INTO rm_checkpoints (name, position, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
    [name, position],
  );
};
