import { loadConfig, type AppConfig } from '@compileo/platform';
import type { INestApplication } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { testDatabaseUrl, uniqueSchemaName } from '@compileo/testing';

export type Backend = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export const testBackends = (): Backend[] => (testDatabaseUrl() ? ['pglite', 'postgres'] : ['pglite']);

export interface TestApp {
  readonly app: INestApplication;
  readonly http: ReturnType<typeof request>;
  readonly config: AppConfig;
  close(): Promise<void>;
}

/** Environment for a fresh, isolated database on `backend`, and how to remove it afterwards. */
export const isolatedEnvironment = async (backend: Backend): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> => {
  if (backend === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'compileo-test-'));
    return { env: { DATA_DIR: dir }, cleanup: () => rm(dir, { recursive: true, force: true }) };
  }
  const url = testDatabaseUrl()!;
  const schema = uniqueSchemaName();
  // No database under it, but finished datasets' files (output_dir) are written to DATA_DIR/exports/.
  const dir = await mkdtemp(join(tmpdir(), 'compileo-test-'));
  return {
    // A restarted process takes over the jobs of the one it replaces once their leases lapse: 3 s, not 30.
    env: { DATABASE_URL: url, DATABASE_SCHEMA: schema, DATA_DIR: dir, COMPILEO_JOB_LEASE_MS: '3000' },
    cleanup: async () => {
      await rm(dir, { recursive: true, force: true });
      const client = new Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
};

/** The real app (HTTP stack, database, in-process worker) on an isolated database, served by supertest. */
export const startTestApp = async (backend: Backend, env: Record<string, string> = {}): Promise<TestApp> => {
  const isolated = await isolatedEnvironment(backend);
  let config: ReturnType<typeof loadConfig>;
  let app: Awaited<ReturnType<typeof createApp>> | null = null;
  try {
    config = loadConfig({ LOG_LEVEL: 'error', ...isolated.env, ...env });
    app = await createApp(config);
    await app.init();
  } catch (error) {
    // A failed start-up leaves nothing open: no database connection, no temporary directory or schema.
    await app?.close().catch(() => undefined);
    await isolated.cleanup();
    throw error;
  }
  return {
    app,
    http: request(app.getHttpServer()),
    config,
    close: async () => {
      await app.close();
      await isolated.cleanup();
    },
  };
};
