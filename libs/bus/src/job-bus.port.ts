/**
 * The job bus port: delivers job triggers to a worker's handler. The event log is the outbox, so a
 * trigger is always an event already in the store; adapters differ only in how it travels (in-process
 * from the log, or through Kafka). A handler that returns has finished the job; one that throws, or a
 * process that dies, leaves the trigger to be delivered again, and handlers make that a no-op or a resume.
 */
export interface JobTrigger {
  readonly jobId: string;
  readonly datasetId: string;
  readonly kind: 'generation' | 'regeneration';
}

export type JobHandler = (trigger: JobTrigger, signal: AbortSignal) => Promise<void>;

export interface JobBus {
  start(handler: JobHandler): Promise<void>;
  /** Stops taking triggers and aborts the handlers in flight (their jobs resume on the next start). */
  stop(): Promise<void>;
}

export const JOB_BUS = Symbol('JOB_BUS');
