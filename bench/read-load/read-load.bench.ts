import { syntheticMarkdown } from '@compileo/testing';
import { Client } from 'pg';
import { json, percentile, post, runBench, startService, watchJob, type Service } from '../support/service';

/**
 * Do jobs keep their pace while clients read? On the built service (embedded: API and worker in one process),
 * runs the same generation job twice: once idle, once while BENCH_POLLERS clients poll its status and
 * BENCH_READERS clients read random entry pages of an earlier dataset, each client one request at a time with
 * BENCH_THINK_MS between. Prints the job's wall time both ways, the slowdown, and the read latencies.
 * BENCH_BACKEND=pglite (default) or postgres (a fresh database on BENCH_POSTGRES_URL's server, dropped after).
 */
const SECTIONS = Number(process.env.BENCH_SECTIONS ?? 300);
const POLLERS = Number(process.env.BENCH_POLLERS ?? 200);
const READERS = Number(process.env.BENCH_READERS ?? 50);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const BACKEND = process.env.BENCH_BACKEND ?? 'pglite';
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** A read slower than this counts as timed out (and is abandoned). */
const READ_TIMEOUT_MS = 30_000;

const print = (metric: string, value: number, unit: string, extra: Record<string, unknown> = {}): void => {
  process.stdout.write(
    `${JSON.stringify({ bench: 'read-load', metric, value: Math.round(value * 100) / 100, unit, backend: BACKEND, sections: SECTIONS, pollers: POLLERS, readers: READERS, think_ms: THINK_MS, ...extra })}\n`,
  );
};

/** A fresh PostgreSQL database for one run, or nothing on PGlite. */
const database = async (): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> => {
  if (BACKEND === 'pglite') return { env: {}, drop: async () => undefined };
  if (BACKEND !== 'postgres') throw new Error(`BENCH_BACKEND must be pglite or postgres, not ${BACKEND}`);
  const name = `compileo_bench_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
};

const generate = (service: Service, projectId: string) =>
  post<{ job_id: string }>(`${service.api}/datasets/generate`, {
    project_id: projectId,
    classification_model: 'extractive',
    datasets_per_chunk: 3,
    include_evaluation_sets: true,
  });

/** Runs one job to completion; returns its wall time in ms. */
const timedJob = async (service: Service, projectId: string): Promise<{ ms: number; jobId: string; datasetId: string }> => {
  const started = performance.now();
  const { job_id } = await generate(service, projectId);
  const { status, endedAt } = await watchJob(`${service.api}/datasets/generate/${job_id}/status`);
  return { ms: endedAt - started, jobId: job_id, datasetId: status.result?.dataset_id ?? '' };
};

interface Reads {
  readonly latencies: number[];
  timeouts: number;
  errors: number;
}

/** One client: `next()` gives the URL of its next read; it reads until `stop` is set. */
const client = async (next: () => string, reads: Reads, stop: { done: boolean }): Promise<void> => {
  // Clients that poll on an interval do not start in step: each begins at a random point of its first interval.
  if (THINK_MS > 0) await new Promise((r) => setTimeout(r, Math.random() * THINK_MS));
  while (!stop.done) {
    const started = performance.now();
    try {
      const res = await fetch(next(), { signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
      await res.arrayBuffer();
      if (res.ok) reads.latencies.push(performance.now() - started);
      else reads.errors++;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') reads.timeouts++;
      else reads.errors++;
    }
    if (THINK_MS > 0) await new Promise((r) => setTimeout(r, THINK_MS));
  }
};

const report = (kind: string, reads: Reads): void => {
  const sorted = [...reads.latencies].sort((a, b) => a - b);
  const extra = { reads: sorted.length, timeouts: reads.timeouts, errors: reads.errors };
  print(`${kind}_p50`, percentile(sorted, 50), 'ms', extra);
  print(`${kind}_p99`, percentile(sorted, 99), 'ms', extra);
  print(`${kind}_max`, sorted.at(-1) ?? 0, 'ms', extra);
};

const main = async (): Promise<void> => {
  const db = await database();
  const service = await startService(db.env);
  try {
    const project = await post<{ id: string }>(`${service.api}/projects`, { name: 'bench' });
    await post(`${service.api}/documents`, { project_id: project.id, file_name: 'big.md', content: syntheticMarkdown(SECTIONS) });
    // The first run warms the process up and gives the readers a dataset to page through.
    const warm = await timedJob(service, project.id);
    const idle = await timedJob(service, project.id);
    print('job_idle_ms', idle.ms, 'ms');

    const { total_entries } = await json<{ total_entries: number }>(`${service.api}/datasets/${warm.datasetId}`);
    const pages = Math.max(1, Math.ceil(total_entries / 50));
    const { job_id } = await generate(service, project.id);
    const statusUrl = `${service.api}/datasets/generate/${job_id}/status`;
    const polls: Reads = { latencies: [], timeouts: 0, errors: 0 };
    const pageReads: Reads = { latencies: [], timeouts: 0, errors: 0 };
    const stop = { done: false };
    const started = performance.now();
    const clients = [
      ...Array.from({ length: POLLERS }, () => client(() => statusUrl, polls, stop)),
      ...Array.from({ length: READERS }, () =>
        client(
          () => `${service.api}/datasets/${warm.datasetId}/entries?page=${1 + Math.floor(Math.random() * pages)}&per_page=50`,
          pageReads,
          stop,
        ),
      ),
    ];
    const loaded = await watchJob(statusUrl);
    const loadedMs = loaded.endedAt - started;
    stop.done = true;
    await Promise.all(clients);
    print('job_loaded_ms', loadedMs, 'ms');
    print('slowdown', loadedMs / idle.ms, 'x');
    report('status_poll', polls);
    report('entries_page', pageReads);
    const all: Reads = {
      latencies: [...polls.latencies, ...pageReads.latencies],
      timeouts: polls.timeouts + pageReads.timeouts,
      errors: 0,
    };
    report('read', all);
  } finally {
    await service.stop();
    await db.drop();
  }
};

runBench(main);
