import type { SqlExecutor } from '@compileo/sql';
import { LIVE_TABLES as t } from '../tables';
import { iso } from './iso-time';

export interface ParametersRow {
  readonly id: string;
  readonly project_id: string;
  readonly parameters: Record<string, unknown>;
  readonly created_at: string;
}

export const latestParameters = async (sql: SqlExecutor, projectId: string): Promise<ParametersRow | null> =>
  (
    await sql.query<ParametersRow>(
      `SELECT id, project_id, parameters, ${iso('created_at')} FROM ${t.parameters} WHERE project_id = $1 ORDER BY seq DESC LIMIT 1`,
      [projectId],
    )
  ).rows[0] ?? null;
