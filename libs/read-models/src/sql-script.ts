import type { SqlExecutor } from '@compileo/sql';

/** Runs a script of `;`-terminated statements one by one (PGlite's extended protocol takes one per query). */
export const runScript = async (sql: SqlExecutor, script: string): Promise<void> => {
  for (const statement of script
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean))
    await sql.query(statement);
};
