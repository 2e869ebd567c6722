import type { DomainEvent } from '../shared/decider';

/** A worker took the job; a later attempt after a crash or redelivery appends another claim. */
export type JobClaimed = DomainEvent<
  'JobClaimed',
  {
    readonly jobId: string;
    readonly datasetId: string;
    readonly attempt: number;
    readonly workerId: string;
    readonly claimedAt: string;
  }
>;

export type JobEvent = JobClaimed;
