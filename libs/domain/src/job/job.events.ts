import type { DomainEvent } from '../shared/decider';

/**
 * A worker took the job; a later attempt after a crash or redelivery appends another claim. Schema 2: the
 * claim is a lease, held until `leaseUntil` unless its holder renews it; schema 1 claims held none.
 */
export type JobClaimed = DomainEvent<
  'JobClaimed',
  {
    readonly jobId: string;
    readonly datasetId: string;
    readonly attempt: number;
    readonly workerId: string;
    readonly claimedAt: string;
    readonly leaseUntil: string;
  }
>;

/** The worker holding the job's lease (its `attempt`) extended it: its heartbeat while the job runs. */
export type JobLeaseRenewed = DomainEvent<
  'JobLeaseRenewed',
  { readonly jobId: string; readonly attempt: number; readonly workerId: string; readonly leaseUntil: string; readonly renewedAt: string }
>;

/** The worker let the job go (it finished, or stopped), so another may take it at once. */
export type JobLeaseReleased = DomainEvent<
  'JobLeaseReleased',
  { readonly jobId: string; readonly attempt: number; readonly workerId: string; readonly releasedAt: string }
>;

export type JobEvent = JobClaimed | JobLeaseRenewed | JobLeaseReleased;
