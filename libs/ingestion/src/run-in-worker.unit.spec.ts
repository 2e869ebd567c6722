import { runInWorker, WorkerRunError } from './run-in-worker';

/** A worker program: `body` runs with `post` bound to the parent port and `data` = workerData. */
const program = (body: string): string =>
  `const { parentPort, workerData: data } = require('node:worker_threads'); const post = (m) => parentPort.postMessage(m); ${body}`;

const run = (body: string, data: unknown = null, timeoutMs = 10_000, maxHeapMb = 64) =>
  runInWorker<unknown>(program(body), data, [], { timeoutMs, maxHeapMb });

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as WorkerRunError,
  );

describe('runInWorker', () => {
  it("resolves with the worker's value", async () => {
    await expect(run('post({ ok: true, value: data * 2 });', 21)).resolves.toBe(42);
  });

  it('keeps a worker that reports progress past the timeout, and stops one that goes silent', async () => {
    // Progress every 50 ms for 2.5 s against a 1 s limit: each report restarts the clock.
    const reporting = `let n = 0; const t = setInterval(() => { post({ progress: ++n }); if (n === 50) { clearInterval(t); post({ ok: true, value: n }); } }, 50);`;
    await expect(run(reporting, null, 1000)).resolves.toBe(50);
    const silent = await failure(run('setInterval(() => undefined, 1000);', null, 200));
    expect(silent).toMatchObject({ kind: 'timeout', message: 'took longer than 0 s to read' });
  });

  it("tells the worker's own failure, a setup failure it reports and its heap cap apart", async () => {
    expect(await failure(run("post({ ok: false, name: 'TypeError', message: 'bad file' });"))).toMatchObject({
      kind: 'failed',
      message: 'TypeError: bad file',
    });
    expect(await failure(run("post({ ok: false, kind: 'setup', name: 'Error', message: 'Cannot find module' });"))).toMatchObject({
      kind: 'setup',
    });
    const hog = 'const keep = []; for (;;) keep.push(new Array(1e5).fill(Math.random()));';
    expect(await failure(run(hog, null, 60_000, 32))).toMatchObject({ kind: 'memory', message: 'needs more than 32 MB to read' });
    expect(await failure(run('process.exit(3);'))).toMatchObject({ kind: 'setup' });
  });
});
