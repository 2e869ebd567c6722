import { Worker } from 'node:worker_threads';

/** Limits for one parse in a worker thread. */
export interface WorkerLimits {
  /** Wall-clock limit for one file. */
  readonly timeoutMs: number;
  /** V8 old-generation heap cap for the worker. */
  readonly maxHeapMb: number;
}

/** Why a worker gave no result: it hit a limit, its code threw (`failed`), or it could not run (`setup`). */
export class WorkerRunError extends Error {
  constructor(
    readonly kind: 'timeout' | 'memory' | 'failed' | 'setup',
    message: string,
  ) {
    super(message);
    this.name = 'WorkerRunError';
  }
}

type Reply<T> = { ok: true; value: T } | { ok: false; name: string; message: string };

/**
 * Runs `source` (CommonJS, evaluated in a short-lived worker thread that posts one `{ ok, value | name, message }`
 * reply) under `limits`, so a hostile file neither blocks the event loop nor takes the process's memory: the
 * worker is stopped at the timeout or dies alone at its heap cap.
 */
export const runInWorker = <T>(source: string, workerData: unknown, transferList: ArrayBuffer[], limits: WorkerLimits): Promise<T> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(source, {
      eval: true,
      workerData,
      transferList,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(new WorkerRunError('timeout', `took longer than ${Math.round(limits.timeoutMs / 1000)} s to read`))),
      limits.timeoutMs,
    );
    worker.on('message', (reply: Reply<T>) =>
      finish(() => (reply.ok ? resolve(reply.value) : reject(new WorkerRunError('failed', `${reply.name}: ${reply.message}`)))),
    );
    worker.on('error', (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new WorkerRunError('memory', `needs more than ${limits.maxHeapMb} MB to read`)
            : new WorkerRunError('setup', `parser worker failed: ${error.message}`),
        ),
      ),
    );
    worker.on('exit', (code) =>
      finish(() => reject(new WorkerRunError('setup', `parser worker exited with code ${code} before replying`))),
    );
  });
