import { ConflictError } from '../errors';
import type { Decider, StoredEvent } from '../shared/decider';
import type { JobClaimed, JobEvent } from './job.events';

export interface ClaimJob {
  readonly type: 'ClaimJob';
  readonly jobId: string;
  readonly datasetId: string;
  readonly workerId: string;
  readonly now: string;
  /** How long the lease holds without a renewal. */
  readonly leaseMs: number;
  /** A holder the caller knows to be dead (a process of its own host that no longer runs): its lease is void. */
  readonly takeOverFrom?: string;
}

export interface RenewJobLease {
  readonly type: 'RenewJobLease';
  readonly jobId: string;
  readonly workerId: string;
  readonly attempt: number;
  readonly now: string;
  readonly leaseMs: number;
}

export interface ReleaseJobLease {
  readonly type: 'ReleaseJobLease';
  readonly jobId: string;
  readonly workerId: string;
  readonly attempt: number;
  readonly now: string;
}

export type JobCommand = ClaimJob | RenewJobLease | ReleaseJobLease;

export interface JobLease {
  readonly workerId: string;
  readonly attempt: number;
  readonly until: string;
}

export interface JobState {
  readonly attempts: number;
  /** Who may work on the job, until when; null when nobody holds it. */
  readonly lease: JobLease | null;
}

/** Another worker holds the job's lease: it is at work on the job, so this one must not start. */
export class JobLeasedError extends ConflictError {
  constructor(
    readonly jobId: string,
    readonly holder: JobLease,
  ) {
    super(`job ${jobId} is leased by ${holder.workerId} (attempt ${holder.attempt}) until ${holder.until}`, 'job_id');
  }
}

/** This worker's lease is gone (it lapsed and another worker took the job): it must stop working on it. */
export class JobLeaseLostError extends ConflictError {
  constructor(jobId: string, workerId: string, attempt: number, holder: JobLease | null) {
    super(
      `job ${jobId}: ${workerId} (attempt ${attempt}) no longer holds its lease${holder ? `; ${holder.workerId} (attempt ${holder.attempt}) does` : ''}`,
      'job_id',
    );
  }
}

export const jobStream = (jobId: string): string => `job-${jobId}`;

const plus = (now: string, ms: number): string => new Date(Date.parse(now) + ms).toISOString();

const holds = (lease: JobLease | null, workerId: string, attempt: number): lease is JobLease =>
  lease !== null && lease.workerId === workerId && lease.attempt === attempt;

const decide = (command: JobCommand, state: JobState): JobEvent[] => {
  switch (command.type) {
    case 'ClaimJob': {
      const held = state.lease;
      // Held is held, by this worker too: two deliveries of one job in one process must not both run it.
      if (held && held.workerId !== command.takeOverFrom && held.until > command.now) {
        throw new JobLeasedError(command.jobId, held);
      }
      return [
        {
          type: 'JobClaimed',
          data: {
            jobId: command.jobId,
            datasetId: command.datasetId,
            attempt: state.attempts + 1,
            workerId: command.workerId,
            claimedAt: command.now,
            leaseUntil: plus(command.now, command.leaseMs),
          },
        },
      ];
    }
    case 'RenewJobLease':
      if (!holds(state.lease, command.workerId, command.attempt)) {
        throw new JobLeaseLostError(command.jobId, command.workerId, command.attempt, state.lease);
      }
      return [
        {
          type: 'JobLeaseRenewed',
          data: {
            jobId: command.jobId,
            attempt: command.attempt,
            workerId: command.workerId,
            leaseUntil: plus(command.now, command.leaseMs),
            renewedAt: command.now,
          },
        },
      ];
    case 'ReleaseJobLease':
      // Letting go of a lease one no longer holds changes nothing.
      if (!holds(state.lease, command.workerId, command.attempt)) return [];
      return [
        {
          type: 'JobLeaseReleased',
          data: { jobId: command.jobId, attempt: command.attempt, workerId: command.workerId, releasedAt: command.now },
        },
      ];
  }
};

const evolve = (state: JobState, event: JobEvent): JobState => {
  switch (event.type) {
    case 'JobClaimed':
      return {
        attempts: Math.max(state.attempts, event.data.attempt),
        lease: { workerId: event.data.workerId, attempt: event.data.attempt, until: event.data.leaseUntil },
      };
    case 'JobLeaseRenewed':
      return holds(state.lease, event.data.workerId, event.data.attempt)
        ? { ...state, lease: { ...state.lease, until: event.data.leaseUntil } }
        : state;
    case 'JobLeaseReleased':
      return holds(state.lease, event.data.workerId, event.data.attempt) ? { ...state, lease: null } : state;
  }
};

/** Schema 1 claims held no lease: read as one that ended when it was taken, so it keeps no one out. */
const upcast = (event: StoredEvent): JobEvent => {
  if (event.type !== 'JobClaimed' || event.schemaVersion >= 2) return event as unknown as JobEvent;
  const data = event.data as Omit<JobClaimed['data'], 'leaseUntil'>;
  return { type: 'JobClaimed', data: { ...data, leaseUntil: data.claimedAt } };
};

export const jobDecider: Decider<JobCommand, JobState, JobEvent> = {
  initialState: () => ({ attempts: 0, lease: null }),
  decide,
  evolve,
  evolveStored: (state, event) => evolve(state, upcast(event)),
  schemaVersions: { JobClaimed: 2 },
};
