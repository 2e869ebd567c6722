import type { IHeaders, Message } from 'kafkajs';
import type { JobTrigger } from '../job-bus.port';

/** Headers a trigger message carries: its delivery attempt, and for a retry the earliest time to run it. */
const ATTEMPT = 'compileo-attempt';
const NOT_BEFORE = 'compileo-not-before';
const ERROR = 'compileo-error';

/** A trigger as a Kafka message, keyed by dataset so one dataset's jobs keep their order on one partition. */
export const triggerMessage = (trigger: JobTrigger, attempt = 1, notBefore?: number, error?: string): Message => ({
  key: trigger.datasetId,
  value: JSON.stringify(trigger),
  headers: {
    [ATTEMPT]: String(attempt),
    ...(notBefore === undefined ? {} : { [NOT_BEFORE]: String(notBefore) }),
    ...(error === undefined ? {} : { [ERROR]: error }),
  },
});

const header = (headers: IHeaders | undefined, name: string): string | undefined => {
  const value = headers?.[name];
  return value === undefined ? undefined : String(Array.isArray(value) ? value[0] : value);
};

export interface ReceivedTrigger {
  readonly trigger: JobTrigger;
  readonly attempt: number;
  readonly notBefore: number;
}

/** The trigger a message holds, or null when it holds none (it goes to the dead-letter topic as it is). */
export const readTrigger = (value: Buffer | null, headers: IHeaders | undefined): ReceivedTrigger | null => {
  try {
    const parsed = JSON.parse(value?.toString('utf8') ?? '') as Partial<JobTrigger>;
    if (typeof parsed.jobId !== 'string' || typeof parsed.datasetId !== 'string') return null;
    if (parsed.kind !== 'generation' && parsed.kind !== 'regeneration') return null;
    return {
      trigger: { jobId: parsed.jobId, datasetId: parsed.datasetId, kind: parsed.kind },
      attempt: Number(header(headers, ATTEMPT) ?? 1) || 1,
      notBefore: Number(header(headers, NOT_BEFORE) ?? 0) || 0,
    };
  } catch {
    return null;
  }
};
