import 'reflect-metadata';
import { loadConfig, openDatabase } from '@compileo/platform';
import { LIVE_TABLES, rebuildReadModels } from '@compileo/read-models';

/**
 * `npm run rebuild-read-models`: drops the read-model tables and projects the whole event log into them
 * again from position zero. Stop the service first; it resumes from the new checkpoint when restarted.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const { sql, store, lock } = await openDatabase(config);
  const started = Date.now();
  try {
    const position = await rebuildReadModels(store, sql, LIVE_TABLES, 'read-models');
    process.stdout.write(`read models rebuilt up to position ${position ?? '(empty log)'} in ${Date.now() - started} ms\n`);
  } finally {
    await store.close();
    await sql.close();
    lock?.release();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
