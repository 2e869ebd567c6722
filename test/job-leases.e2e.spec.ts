import { buses, distributedBackends, ended, distributedRuns, expectResumedOnce } from './support/distributed-run';
import { startWorker, stopService, type ServiceProcess } from './support/service-process';

const errorLines = (worker: ServiceProcess): string[] =>
  worker
    .output()
    .split('\n')
    .filter((line) => /"level":"error"|ERROR/.test(line));

/**
 * Issue 9 #3: a worker owns a job through a lease in the job's stream. On the embedded bus every worker sees
 * every trigger, so without the lease two workers would both run each job and send each chunk to the model
 * twice (this test went red with the lease check taken out of the decider).
 */
describe('job leases: two workers on one PostgreSQL', () => {
  if (distributedBackends.length === 0) {
    it('SKIPPED: TEST_DATABASE_URL is not set, so the two-worker run was not exercised', () => undefined);
    return;
  }
  jest.setTimeout(180_000);
  const runs = distributedRuns();

  it.each(buses)(
    '%s bus: runs every job exactly once: one claim a job, every chunk sent to the model once, every job completed',
    async (bus) => {
      const run = await runs.start(200, bus);
      const workers = [await startWorker(run.env), await startWorker(run.env)];
      const jobs = [];
      for (let i = 0; i < 6; i++) jobs.push(await run.generate());
      const finished: Record<string, unknown>[] = [];
      for (const job of jobs) finished.push(await run.until(job.job_id, ended));
      expect(finished.map((s) => s.status)).toEqual(Array(6).fill('completed'));
      expect(finished.map((s) => s.attempts)).toEqual(Array(6).fill(1));
      expect(run.model.generationCalls()).toHaveLength(6 * run.chunks);
      for (const worker of workers) expect(errorLines(worker)).toEqual([]);
    },
  );

  it("embedded bus: takes over a killed worker's job once its lease lapses, and finishes it from the last finished chunk", async () => {
    const run = await runs.start(400, 'embedded');
    const first = await startWorker(run.env);
    const job = await run.generate();
    const mid = await run.until(job.job_id, (s) => Number(s.progress) > 0);
    await stopService(first, 'SIGKILL');
    // The second worker finds the job leased by a process it cannot see die, and waits for the lease (3 s) to lapse.
    await startWorker(run.env);
    const done = await run.until(job.job_id, ended);
    expect(mid.status).toBe('running');
    await expectResumedOnce(run, job, done);
  });
});
