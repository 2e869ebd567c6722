import type { SqlExecutor } from '@compileo/sql';
import { LIVE_TABLES as t } from '../tables';
import { iso } from './iso-time';

export interface ProjectRow {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly created_at: string;
  readonly document_count: number;
  readonly dataset_count: number;
}

const COLUMNS = `id, name, description, ${iso('created_at')}, document_count, dataset_count`;

export const listProjects = async (sql: SqlExecutor): Promise<ProjectRow[]> =>
  (await sql.query<ProjectRow>(`SELECT ${COLUMNS} FROM ${t.projects} ORDER BY ${t.projects}.created_at, id`)).rows;

export const findProject = async (sql: SqlExecutor, id: string): Promise<ProjectRow | null> =>
  (await sql.query<ProjectRow>(`SELECT ${COLUMNS} FROM ${t.projects} WHERE id = $1`, [id])).rows[0] ?? null;
