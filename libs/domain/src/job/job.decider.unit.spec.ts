import {
  evolveStored,
  fold,
  jobDecider,
  JobLeasedError,
  JobLeaseLostError,
  jobStream,
  type ClaimJob,
  type JobCommand,
  type JobEvent,
  type JobState,
} from '@compileo/domain';

const at = (seconds: number): string => new Date(Date.UTC(2025, 0, 1, 0, 0, seconds)).toISOString();
const LEASE_MS = 30_000;

const claim = (workerId: string, now = at(0), extra: Partial<ClaimJob> = {}): ClaimJob => ({
  type: 'ClaimJob',
  jobId: 'job-1',
  datasetId: 'ds-1',
  workerId,
  now,
  leaseMs: LEASE_MS,
  ...extra,
});

/** Decides `commands` in order on one stream, as a CommandRunner would. */
const run = (commands: readonly JobCommand[], history: JobEvent[] = []): JobEvent[] => {
  for (const command of commands) history.push(...jobDecider.decide(command, fold(jobDecider, history)));
  return history;
};

describe('job decider', () => {
  it('names its stream job-<id>', () => expect(jobStream('job-1')).toBe('job-job-1'));

  it('a claim is a lease: attempt n, held by its worker until now + leaseMs', () => {
    const history = run([claim('w1')]);
    expect(history).toEqual([
      {
        type: 'JobClaimed',
        data: { jobId: 'job-1', datasetId: 'ds-1', attempt: 1, workerId: 'w1', claimedAt: at(0), leaseUntil: at(30) },
      },
    ]);
    expect(fold(jobDecider, history)).toEqual({ attempts: 1, lease: { workerId: 'w1', attempt: 1, until: at(30) } });
  });

  it('another worker cannot claim a job whose lease holds, and can once it lapses: a new attempt', () => {
    const history = run([claim('w1')]);
    expect(() => run([claim('w2', at(29))], [...history])).toThrow(JobLeasedError);
    expect(() => run([claim('w2', at(29))], [...history])).toThrow(`job job-1 is leased by w1 (attempt 1) until ${at(30)}`);
    run([claim('w2', at(30))], history);
    expect(fold(jobDecider, history).lease).toEqual({ workerId: 'w2', attempt: 2, until: at(60) });
  });

  it('a worker cannot claim again a job it holds: a second delivery in one process waits like any other', () => {
    const history = run([claim('w1')]);
    expect(() => run([claim('w1', at(10))], [...history])).toThrow(JobLeasedError);
  });

  it('the holder renews its lease while it works, so it never lapses under it', () => {
    const history = run([
      claim('w1'),
      { type: 'RenewJobLease', jobId: 'job-1', workerId: 'w1', attempt: 1, now: at(20), leaseMs: LEASE_MS },
    ]);
    expect(history[1]).toEqual({
      type: 'JobLeaseRenewed',
      data: { jobId: 'job-1', attempt: 1, workerId: 'w1', leaseUntil: at(50), renewedAt: at(20) },
    });
    expect(() => run([claim('w2', at(40))], [...history])).toThrow(JobLeasedError);
  });

  it('a worker whose lease another took cannot renew it: it has lost the job', () => {
    const history = run([claim('w1'), claim('w2', at(31))]);
    const renew = { type: 'RenewJobLease', jobId: 'job-1', workerId: 'w1', attempt: 1, now: at(32), leaseMs: LEASE_MS } as const;
    expect(() => run([renew], [...history])).toThrow(JobLeaseLostError);
    expect(() => run([renew], [...history])).toThrow('job job-1: w1 (attempt 1) no longer holds its lease; w2 (attempt 2) does');
  });

  it('a released lease lets another worker claim at once; releasing one no longer held changes nothing', () => {
    const history = run([claim('w1'), { type: 'ReleaseJobLease', jobId: 'job-1', workerId: 'w1', attempt: 1, now: at(5) }]);
    expect(history[1]).toEqual({ type: 'JobLeaseReleased', data: { jobId: 'job-1', attempt: 1, workerId: 'w1', releasedAt: at(5) } });
    expect(fold(jobDecider, history).lease).toBeNull();
    run([claim('w2', at(6))], history);
    expect(
      jobDecider.decide({ type: 'ReleaseJobLease', jobId: 'job-1', workerId: 'w1', attempt: 1, now: at(7) }, fold(jobDecider, history)),
    ).toEqual([]);
  });

  it('takes over at once from a holder the caller names as dead, and only from that one', () => {
    const history = run([claim('host:100')]);
    expect(() => run([claim('host:200', at(1), { takeOverFrom: 'host:300' })], [...history])).toThrow(JobLeasedError);
    run([claim('host:200', at(1), { takeOverFrom: 'host:100' })], history);
    expect(fold(jobDecider, history).lease?.workerId).toBe('host:200');
  });

  it('numbers claims 1, 2, 3 and never goes backwards when folding an out-of-order attempt', () => {
    expect(run([claim('w1'), claim('w1', at(30)), claim('w2', at(60))]).map((e) => e.data.attempt)).toEqual([1, 2, 3]);
    const event = (attempt: number): JobEvent => ({
      type: 'JobClaimed',
      data: { jobId: 'j', datasetId: 'd', attempt, workerId: 'w', claimedAt: at(0), leaseUntil: at(30) },
    });
    expect(fold(jobDecider, [event(1), event(3), event(2)]).attempts).toBe(3);
  });

  it('writes JobClaimed as schema 2 and reads a schema 1 claim as a lease that ended when it was taken', () => {
    expect(jobDecider.schemaVersions).toEqual({ JobClaimed: 2 });
    const v1 = {
      type: 'JobClaimed',
      data: { jobId: 'job-1', datasetId: 'ds-1', attempt: 4, workerId: 'old', claimedAt: at(0) },
      schemaVersion: 1,
    };
    const state: JobState = evolveStored(jobDecider, jobDecider.initialState(), v1);
    expect(state).toEqual({ attempts: 4, lease: { workerId: 'old', attempt: 4, until: at(0) } });
    expect(jobDecider.decide(claim('new', at(0)), state)[0].data).toMatchObject({ attempt: 5, workerId: 'new' });
  });
});
