import { Worker } from 'node:worker_threads';

/** Limits for one parse in a worker thread. */
export interface WorkerLimits {
  /**
   * Longest the worker may go without a message: a worker that reports progress (`{ progress }`) keeps
   * going while it does (a 20,000-page PDF is not refused for being long), one that is stuck is stopped.
   */
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

/** What the worker program posts: progress any number of times, then one result. `kind: 'setup'` blames the server, not the file. */
type Reply<T> = { progress: number } | { ok: true; value: T } | { ok: false; kind?: 'setup'; name: string; message: string };

/**
 * Runs `source` (CommonJS, evaluated in a short-lived worker thread that posts one `{ ok, value | name, message }`
 * reply) under `limits`, so a hostile file neither blocks the event loop nor takes the process's memory: the
 * worker is stopped when it stays silent past the timeout, or dies alone at its heap cap.
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
    const stalled = () =>
      finish(() => reject(new WorkerRunError('timeout', `took longer than ${Math.round(limits.timeoutMs / 1000)} s to read`)));
    let timer = setTimeout(stalled, limits.timeoutMs);
    worker.on('message', (reply: Reply<T>) => {
      if (settled) return; // a report queued behind the timeout must not arm a new timer
      if ('progress' in reply) {
        clearTimeout(timer);
        timer = setTimeout(stalled, limits.timeoutMs);
        return;
      }
      finish(() =>
        reply.ok ? resolve(reply.value) : reject(new WorkerRunError(reply.kind ?? 'failed', `${reply.name}: ${reply.message}`)),
      );
    });
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
