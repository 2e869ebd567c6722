import type { Decider } from '../shared/decider';
import type { JobEvent } from './job.events';

export interface ClaimJob {
  readonly type: 'ClaimJob';
  readonly jobId: string;
  readonly datasetId: string;
  readonly workerId: string;
  readonly now: string;
}

export interface JobState {
  readonly attempts: number;
}

export const jobStream = (jobId: string): string => `job-${jobId}`;

export const jobDecider: Decider<ClaimJob, JobState, JobEvent> = {
  initialState: () => ({ attempts: 0 }),
  decide: (command, state) => [
    {
      type: 'JobClaimed',
      data: {
        jobId: command.jobId,
        datasetId: command.datasetId,
        attempt: state.attempts + 1,
        workerId: command.workerId,
        claimedAt: command.now,
      },
    },
  ],
  evolve: (state, event) => ({ attempts: Math.max(state.attempts, event.data.attempt) }),
};
