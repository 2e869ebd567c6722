import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');
const WORKER_MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'src', 'main.js');

/** A free TCP port on loopback. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export interface ServiceProcess {
  readonly baseUrl: string;
  readonly child: ChildProcess;
  output(): string;
}

/**
 * Starts the built service (`npm test` builds it first) as a real child process and waits for /health.
 */
export const startService = async (env: Record<string, string>, port: number): Promise<ServiceProcess> => {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env }, stdio: 'pipe' });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`service did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { baseUrl, child, output: () => log };
};

/** Sends `signal` and resolves when the process has exited. */
export const stopService = (service: ServiceProcess, signal: NodeJS.Signals): Promise<void> =>
  new Promise((resolve) => {
    if (service.child.exitCode !== null || service.child.signalCode !== null) return resolve();
    service.child.once('exit', () => resolve());
    service.child.kill(signal);
  });

/** Starts the built worker process (no HTTP): it takes jobs from the shared database's event log. */
export const startWorker = (env: Record<string, string>): ServiceProcess => {
  const child = spawn(process.execPath, [WORKER_MAIN], { env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', ...env }, stdio: 'pipe' });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  return { baseUrl: '', child, output: () => log };
};
