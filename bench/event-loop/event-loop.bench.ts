import { syntheticMarkdown } from '@compileo/testing';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Is the event loop free while a large job runs and completes? Starts the built service (embedded, in its
 * own process), generates a dataset of about BENCH_SECTIONS × BENCH_ITEMS entries with splits, and asks
 * /health over and over, one request at a time, until the job has completed. Prints the /health latency
 * percentiles over the whole job and over its completion (from the last chunk to `completed`).
 */
const SECTIONS = Number(process.env.BENCH_SECTIONS ?? 1000);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 10);

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

const json = async <T>(url: string, init?: RequestInit): Promise<T> => {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

const post = <T>(url: string, body: unknown): Promise<T> =>
  json<T>(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const print = (metric: string, value: number, unit: string, extra: Record<string, unknown> = {}): void => {
  process.stdout.write(
    `${JSON.stringify({ bench: 'event-loop', metric, value: Math.round(value * 10) / 10, unit, sections: SECTIONS, items: ITEMS, ...extra })}\n`,
  );
};

interface Status {
  readonly status: string;
  readonly progress: number;
  readonly result: { readonly dataset_id?: string; readonly entries_count?: number } | null;
}

const main = async (): Promise<void> => {
  const dir = mkdtempSync(join(tmpdir(), 'compileo-bench-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (
        await fetch(`${base}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const B = `${base}/api/v1`;
    const project = await post<{ id: string }>(`${B}/projects`, { name: 'bench' });
    await post(`${B}/documents`, { project_id: project.id, file_name: 'big.md', content: syntheticMarkdown(SECTIONS) });
    const job = await post<{ job_id: string }>(`${B}/datasets/generate`, {
      project_id: project.id,
      classification_model: 'extractive',
      datasets_per_chunk: ITEMS,
      include_evaluation_sets: true,
      concurrency: 4,
    });
    const all: number[] = [];
    const completing: number[] = [];
    let status: Status = { status: 'pending', progress: 0, result: null };
    let lastStatusAt = 0;
    while (status.status === 'pending' || status.status === 'running') {
      const started = performance.now();
      await fetch(`${base}/health`);
      const ms = performance.now() - started;
      all.push(ms);
      if (status.progress >= 100) completing.push(ms);
      if (performance.now() - lastStatusAt > 250) {
        status = await json<Status>(`${B}/datasets/generate/${job.job_id}/status`);
        lastStatusAt = performance.now();
      }
    }
    if (status.status !== 'completed') throw new Error(`job ${status.status}`);
    const entries = status.result?.entries_count ?? 0;
    for (const [phase, samples] of [
      ['job', all],
      ['completion', completing],
    ] as const) {
      const sorted = [...samples].sort((a, b) => a - b);
      print('health_p50', percentile(sorted, 50), 'ms', { phase, entries, samples: sorted.length });
      print('health_p99', percentile(sorted, 99), 'ms', { phase, entries, samples: sorted.length });
      print('health_max', sorted.at(-1) ?? 0, 'ms', { phase, entries, samples: sorted.length });
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
