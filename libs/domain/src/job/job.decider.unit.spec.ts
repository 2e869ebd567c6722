import { fold, jobDecider, jobStream, type ClaimJob, type JobEvent } from '@compileo/domain';

const claim = (workerId: string): ClaimJob => ({
  type: 'ClaimJob',
  jobId: 'job-1',
  datasetId: 'ds-1',
  workerId,
  now: '2025-01-01T00:00:00.000Z',
});

describe('job decider', () => {
  it('names its stream job-<id>', () => expect(jobStream('job-1')).toBe('job-job-1'));

  it('numbers claims 1, 2, 3: each redelivery or restart is a new attempt', () => {
    const history: JobEvent[] = [];
    for (const worker of ['w1', 'w2', 'w1']) history.push(...jobDecider.decide(claim(worker), fold(jobDecider, history)));
    expect(history.map((e) => [e.data.attempt, e.data.workerId])).toEqual([
      [1, 'w1'],
      [2, 'w2'],
      [3, 'w1'],
    ]);
    expect(history[0]).toEqual({
      type: 'JobClaimed',
      data: { jobId: 'job-1', datasetId: 'ds-1', attempt: 1, workerId: 'w1', claimedAt: '2025-01-01T00:00:00.000Z' },
    });
    expect(fold(jobDecider, history)).toEqual({ attempts: 3 });
  });

  it('attempts never go backwards when folding an out-of-order attempt number', () => {
    const event = (attempt: number): JobEvent => ({
      type: 'JobClaimed',
      data: { jobId: 'j', datasetId: 'd', attempt, workerId: 'w', claimedAt: '' },
    });
    expect(fold(jobDecider, [event(1), event(3), event(2)])).toEqual({ attempts: 3 });
  });
});
