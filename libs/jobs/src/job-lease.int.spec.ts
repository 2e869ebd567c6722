import { jobDecider, JobLeasedError, JobLeaseLostError, jobStream } from '@compileo/domain';
import { CommandRunner, PostgresEventStore } from '@compileo/event-store';
import type { SqlClient } from '@compileo/sql';
import { testDatabases } from '@compileo/testing';
import { JobLeaseHolder, type LeaseOptions } from './job-lease';

const trigger = { jobId: 'job-1', datasetId: 'ds-1', kind: 'generation' } as const;
const clock = { now: () => new Date() };
const worker = (workerId: string, extra: Partial<LeaseOptions> = {}): LeaseOptions => ({
  workerId,
  leaseMs: 60_000,
  exclusiveStore: false,
  ...extra,
});

describe.each(testDatabases())('JobLeaseHolder on $name', ({ create }) => {
  let sql: SqlClient;
  let store: PostgresEventStore;
  let runner: CommandRunner;
  beforeEach(async () => {
    sql = await create();
    store = await PostgresEventStore.create(sql);
    runner = new CommandRunner(store);
  });
  afterEach(async () => {
    await store.close();
    await sql.close();
  });

  const types = async (): Promise<string[]> => (await store.readStream(jobStream('job-1'))).map((e) => e.type);

  it('claims, renews while held, and releases, so the next worker may claim at once', async () => {
    const a = new JobLeaseHolder(runner, clock, trigger, worker('a', { leaseMs: 300 }), () => undefined);
    await a.claim();
    await expect(new JobLeaseHolder(runner, clock, trigger, worker('b'), () => undefined).claim()).rejects.toThrow(JobLeasedError);
    // Renewals come every 100 ms; wait for one as an event, not by the clock.
    while (!(await types()).includes('JobLeaseRenewed')) await new Promise((r) => setTimeout(r, 20));
    await a.release();
    expect((await types()).at(-1)).toBe('JobLeaseReleased');
    const b = new JobLeaseHolder(runner, clock, trigger, worker('b'), () => undefined);
    await b.claim();
    expect((await runner.load(jobStream('job-1'), jobDecider)).state.lease).toMatchObject({ workerId: 'b', attempt: 2 });
    await b.release();
  });

  it('tells its worker when another took the job over: the renewal fails and the work must stop', async () => {
    let lost: JobLeaseLostError | null = null;
    const stopped = new Promise<void>((resolve) => {
      const a = new JobLeaseHolder(runner, clock, trigger, worker('a', { leaseMs: 300 }), (error) => {
        lost = error;
        resolve();
      });
      void a.claim();
    });
    while (!(await types()).includes('JobClaimed')) await new Promise((r) => setTimeout(r, 20));
    // A worker on an exclusive store takes over from any other holder at once, as after a crash.
    const b = new JobLeaseHolder(runner, clock, trigger, worker('b', { exclusiveStore: true }), () => undefined);
    await b.claim();
    await stopped;
    await b.release();
    expect(lost).toBeInstanceOf(JobLeaseLostError);
    expect(String(lost)).toMatch(/a \(attempt 1\) no longer holds its lease; b \(attempt 2\) does/);
  });

  it('stops its worker when the store cannot confirm the lease before it runs out', async () => {
    let unreachable = false;
    const flaky = new (class extends CommandRunner {
      override run: CommandRunner['run'] = (...args) =>
        unreachable ? Promise.reject(new Error('connection refused')) : super.run(...args);
    })(store);
    const lost = await new Promise<JobLeaseLostError>((resolve) => {
      const holder = new JobLeaseHolder(flaky, clock, trigger, worker('a', { leaseMs: 300 }), resolve);
      void holder.claim().then(() => {
        unreachable = true;
      });
    });
    expect(lost).toBeInstanceOf(JobLeaseLostError);
    expect(lost.message).toBe('job job-1: a (attempt 1) no longer holds its lease');
  });
});
