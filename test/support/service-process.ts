import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  /** Resolves when the process has exited (or could not be spawned). */
  readonly exited: Promise<void>;
}

/** Every process these helpers started that has not exited yet; `stopAllServices()` stops them. */
const running = new Set<ServiceProcess>();

const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

/** Signals the child's whole process group (it leads one: spawned detached), or the child alone if that fails. */
const killGroup = (child: ChildProcess, signal: NodeJS.Signals): void => {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    if (!hasExited(child)) child.kill(signal);
  }
};

export interface ProcessOptions {
  readonly args: readonly string[];
  readonly env?: Record<string, string>;
  readonly baseUrl?: string;
  /**
   * Polled until it returns true; start-up fails if the process exits first or the probe throws. There is no
   * deadline: a start-up that hangs is ended by the test's timeout and the teardown's `stopAllServices()`.
   */
  readonly ready?: (service: ServiceProcess) => Promise<boolean>;
}

/**
 * Spawns `node <args>` in a process group of its own, tracked until it exits. If start-up fails, the whole
 * group is killed before the error is thrown, so a failed start leaves nothing running.
 */
export const startProcess = async (options: ProcessOptions): Promise<ServiceProcess> => {
  const child = spawn(process.execPath, options.args, {
    env: { ...process.env, NODE_OPTIONS: '', ...options.env },
    stdio: 'pipe',
    detached: true,
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      log += `\n${error.message}`;
      resolve();
    });
  });
  const service: ServiceProcess = { baseUrl: options.baseUrl ?? '', child, output: () => log, exited };
  running.add(service);
  void exited.then(() => running.delete(service));
  if (!options.ready) return service;
  try {
    for (;;) {
      if (await options.ready(service)) return service;
      const pause = new Promise<'pause'>((r) => setTimeout(r, 100, 'pause'));
      if ((await Promise.race([pause, exited.then(() => 'exited' as const)])) === 'exited') {
        throw new Error(`process exited during start-up (code ${child.exitCode}, signal ${child.signalCode}):\n${log}`);
      }
    }
  } catch (error) {
    await stopService(service, 'SIGKILL');
    throw error;
  }
};

/**
 * Starts the built service (`npm test` builds it first) as a real child process and waits for /health. If it
 * exits first, it is cleaned up and the error carries its output.
 */
export const startService = (env: Record<string, string>, port: number): Promise<ServiceProcess> => {
  const baseUrl = `http://127.0.0.1:${port}`;
  return startProcess({
    args: [MAIN],
    env: { LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    baseUrl,
    ready: async () => {
      try {
        return (await fetch(`${baseUrl}/health`)).ok;
      } catch {
        return false; // not listening yet
      }
    },
  });
};

/** Sends `signal` to the process group and resolves when the process has exited. A group left behind by an exited process is killed too. */
export const stopService = async (service: ServiceProcess, signal: NodeJS.Signals): Promise<void> => {
  killGroup(service.child, hasExited(service.child) ? 'SIGKILL' : signal);
  await service.exited;
};

/** Kills every process these helpers started that is still running; for afterEach/afterAll, so a failed or timed-out test leaves nothing behind. */
export const stopAllServices = async (): Promise<void> => {
  await Promise.all([...running].map((service) => stopService(service, 'SIGKILL')));
};

/** Whether a process is alive (a zombie waiting to be reaped counts as gone). */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true; // no /proc: trust kill(0)
  }
};

/** Starts the built worker process (no HTTP): it takes jobs from the shared database's event log. */
export const startWorker = (env: Record<string, string>): Promise<ServiceProcess> =>
  startProcess({ args: [WORKER_MAIN], env: { LOG_LEVEL: 'warn', ...env } });
