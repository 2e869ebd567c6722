import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built service (`dist/`, embedded: API and worker in one process) on a free port and a fresh DATA_DIR. */
export interface Service {
  readonly base: string;
  /** `${base}/api/v1` */
  readonly api: string;
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

/**
 * Starts the service and waits for /health. BENCH_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) goes to
 * its node, to see what it spends its time on; `env` is added to this process's environment (DATABASE_URL…).
 */
export const startService = async (env: Record<string, string> = {}): Promise<Service> => {
  const dir = mkdtempSync(join(tmpdir(), 'compileo-bench-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, 'dist/apps/api/src/main.js'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with code ${child.exitCode}`);
    const up = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { base, api: `${base}/api/v1`, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
};

export const json = async <T>(url: string, init?: RequestInit): Promise<T> => {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

export const post = <T>(url: string, body: unknown): Promise<T> =>
  json<T>(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export interface JobStatus {
  readonly status: string;
  readonly current_step: string;
  readonly result: { readonly dataset_id?: string; readonly entries_count?: number } | null;
  readonly error: string | null;
}

/** Polls a job every 100 ms until it ends (completed, or throws); returns when it began `Finishing` and ended. */
export const watchJob = async (url: string): Promise<{ status: JobStatus; finishingAt: number; endedAt: number }> => {
  let finishingAt = Number.NaN;
  for (;;) {
    const status = await json<JobStatus>(url);
    if (status.current_step === 'Finishing' && Number.isNaN(finishingAt)) finishingAt = performance.now();
    if (status.status !== 'pending' && status.status !== 'running') {
      if (status.status !== 'completed') throw new Error(`job ${status.status}: ${status.error ?? ''}`);
      const endedAt = performance.now();
      return { status, finishingAt: Number.isNaN(finishingAt) ? endedAt : finishingAt, endedAt };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
};

export const runBench = (main: () => Promise<void>): void => {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
};
