import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { fixture } from './api-flow';
import { startRecordingModel, type RecordingModel } from './recording-model';
import { freePort, startService, stopAllServices, type ServiceProcess } from './service-process';
import { isolatedEnvironment, testBackends } from './test-app';

/** Several worker processes share one store only on PostgreSQL. */
export const distributedBackends = testBackends().filter((b) => b === 'postgres');

/** The embedded bus (every worker follows the log), and Kafka (one consumer group) when a broker is up. */
export const buses = ['embedded', ...(process.env.TEST_KAFKA_BROKERS ? ['kafka'] : [])] as const;
export type Bus = (typeof buses)[number];

const json = async (res: Response): Promise<Record<string, unknown>> => {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
};

export const ended = (s: Record<string, unknown>): boolean => s.status === 'completed' || s.status === 'failed';

export interface DistributedRun {
  /** The environment for workers (`startWorker(env)`). */
  readonly env: Record<string, string>;
  readonly api: ServiceProcess;
  readonly model: RecordingModel;
  /** Chunks of the project's one document. */
  readonly chunks: number;
  readonly generate: () => Promise<Record<string, unknown>>;
  readonly status: (jobId: unknown) => Promise<Record<string, unknown>>;
  /** Polls the job's status until `done(status)`; no deadline: the test's timeout is the hang guard. */
  readonly until: (jobId: unknown, done: (s: Record<string, unknown>) => boolean) => Promise<Record<string, unknown>>;
  readonly entries: (datasetId: unknown) => Promise<Record<string, unknown>>;
  /** The worker id (`host:pid`) that last claimed the job, read from its stream. */
  readonly leaseHolder: (jobId: unknown) => Promise<string | null>;
  readonly cleanup: () => Promise<void>;
}

/**
 * For tests of several processes on one PostgreSQL: an isolated schema, a recording model whose every call
 * waits for a second one (or `releaseAfterMs`), the API alone (no in-process worker), and a project with
 * one document. Workers are the test's to start.
 */
export const startDistributedRun = async (
  releaseAfterMs: number,
  bus: Bus,
  extraEnv: Record<string, string> = {},
): Promise<DistributedRun> => {
  const model = await startRecordingModel({ releaseAfterMs });
  model.holdUntil(2);
  const isolated = await isolatedEnvironment('postgres');
  const kafka: Record<string, string> =
    bus === 'kafka'
      ? {
          KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS!,
          COMPILEO_KAFKA_TOPIC: `jobs-${randomUUID()}`,
          COMPILEO_KAFKA_GROUP: `workers-${randomUUID()}`,
        }
      : {};
  const env: Record<string, string> = {
    ...isolated.env,
    ...kafka,
    GEMINI_API_KEY: 'k',
    GEMINI_BASE_URL: model.url,
    COMPILEO_MAX_CONCURRENT_JOBS: '3',
    ...extraEnv,
  };
  const api = await startService({ ...env, COMPILEO_IN_PROCESS_WORKER: 'false' }, await freePort());
  const base = `${api.baseUrl}/api/v1`;
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(json);
  const project = await post('/projects', { name: 'distributed' });
  const document = await post('/documents', { project_id: project.id, file_name: 'diabetes.md', content: await fixture('diabetes.md') });
  const status = (jobId: unknown) => fetch(`${base}/datasets/generate/${String(jobId)}/status`).then(json);
  return {
    env,
    api,
    model,
    chunks: Number((document.documents as { chunk_count: number }[])[0].chunk_count),
    generate: () => post('/datasets/generate', { project_id: project.id, classification_model: 'gemini-2.5-flash', concurrency: 2 }),
    status,
    until: async (jobId, done) => {
      for (;;) {
        const s = await status(jobId);
        if (done(s)) return s;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    entries: (datasetId) => fetch(`${base}/datasets/${String(datasetId)}/entries?per_page=1000`).then(json),
    leaseHolder: async (jobId) => {
      const client = new Client({ connectionString: env.DATABASE_URL, options: `-c search_path=${env.DATABASE_SCHEMA}` });
      await client.connect();
      try {
        const { rows } = await client.query<{ worker: string }>(
          `SELECT data->>'workerId' AS worker FROM es_events WHERE stream_id = $1 AND event_type = 'JobClaimed' ORDER BY stream_revision DESC LIMIT 1`,
          [`job-${String(jobId)}`],
        );
        return rows[0]?.worker ?? null;
      } finally {
        await client.end();
      }
    },
    cleanup: async () => {
      await stopAllServices();
      await model.close();
      await isolated.cleanup();
    },
  };
};

/**
 * For a describe block: stops whatever run its test started after each test (also a failed or timed-out one).
 * `start` takes `startDistributedRun`'s arguments.
 */
export const distributedRuns = (): { start: (...args: Parameters<typeof startDistributedRun>) => Promise<DistributedRun> } => {
  let run: DistributedRun | null = null;
  afterEach(async () => {
    await run?.cleanup();
    run = null;
  });
  return { start: async (...args) => (run = await startDistributedRun(...args)) };
};

/**
 * What a job taken over from a killed worker must show: completed on a second attempt, only the chunks in flight
 * at the kill (at most the job's `concurrency`, 2) sent to the model again, and no entry twice.
 */
export const expectResumedOnce = async (
  run: DistributedRun,
  job: Record<string, unknown>,
  done: Record<string, unknown>,
): Promise<void> => {
  expect(done).toMatchObject({ status: 'completed', attempts: 2 });
  expect(run.model.generationCalls().length - run.chunks).toBeLessThanOrEqual(2);
  const listed = (await run.entries(job.dataset_id)).entries as { question: string }[];
  expect(new Set(listed.map((e) => e.question)).size).toBe(listed.length);
};
