import type { SqlExecutor } from '@compileo/sql';
import { LIVE_TABLES as t } from '../tables';
import { iso } from './iso-time';

export interface TaxonomyRow {
  readonly id: string;
  readonly name: string;
  readonly project_id: string;
  readonly description: string | null;
  readonly categories_count: number;
  readonly categories: string[];
  readonly taxonomy: unknown;
  readonly created_at: string;
}

const COLUMNS = `id, name, project_id, description, categories_count, categories, taxonomy, ${iso('created_at')}`;

export const listTaxonomies = async (sql: SqlExecutor, projectId?: string): Promise<TaxonomyRow[]> =>
  projectId
    ? (
        await sql.query<TaxonomyRow>(
          `SELECT ${COLUMNS} FROM ${t.taxonomies} WHERE project_id = $1 ORDER BY ${t.taxonomies}.created_at, id`,
          [projectId],
        )
      ).rows
    : (await sql.query<TaxonomyRow>(`SELECT ${COLUMNS} FROM ${t.taxonomies} ORDER BY ${t.taxonomies}.created_at, id`)).rows;

export const findTaxonomy = async (sql: SqlExecutor, id: string): Promise<TaxonomyRow | null> =>
  (await sql.query<TaxonomyRow>(`SELECT ${COLUMNS} FROM ${t.taxonomies} WHERE id = $1`, [id])).rows[0] ?? null;

export const findTaxonomyByName = async (sql: SqlExecutor, projectId: string, name: string): Promise<TaxonomyRow | null> =>
  (
    await sql.query<TaxonomyRow>(
      `SELECT ${COLUMNS} FROM ${t.taxonomies} WHERE project_id = $1 AND name = $2 ORDER BY ${t.taxonomies}.created_at DESC LIMIT 1`,
      [projectId, name],
    )
  ).rows[0] ?? null;
