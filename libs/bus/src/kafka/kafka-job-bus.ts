import type { EventStore } from '@compileo/event-store';
import type { SqlClient } from '@compileo/sql';
import { Kafka, logLevel, Partitioners, type Consumer, type EachMessagePayload, type Producer } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobBus, JobHandler } from '../job-bus.port';
import { KafkaRelay } from './kafka-relay';
import { ensureTopics, jobTopics, type JobTopics } from './kafka-topics';
import { readTrigger, triggerMessage } from './trigger-message';

export interface KafkaJobBusOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** The consumer group the workers share. */
  readonly groupId: string;
  /** The jobs topic; retries go to `<topic>.retry`, triggers that failed every attempt to `<topic>.dlt`. */
  readonly topic: string;
  /** Partitions of each topic when the bus creates them: the most workers that share the jobs. */
  readonly partitions: number;
  /** Deliveries of a trigger before it goes to the dead-letter topic. */
  readonly maxAttempts: number;
  /** Wait before the first retry; doubled for each later one. */
  readonly retryDelayMs: number;
  /** Jobs one worker runs at once (partitions it consumes concurrently). */
  readonly maxConcurrentJobs: number;
  /** How long the group waits for a silent worker (a killed one) before its partitions go to the others. */
  readonly sessionTimeoutMs: number;
  /** This worker, for the relay lease. */
  readonly workerId: string;
  /** The relay lease: one worker's relay publishes triggers; another takes over when it lapses. */
  readonly relayLeaseMs: number;
  readonly onError: (error: unknown) => void;
  /**
   * kafkajs's own log lines, warnings and errors alike: it retries what fails (a partition whose leader is still
   * being elected, a rebalance) and logs each try, so they are the library's notes, not the service's errors;
   * what still fails after its retries reaches `onError`.
   */
  readonly onClientLog: (message: string, fields: Record<string, unknown>) => void;
}

/**
 * The job bus on Kafka. The event log stays the outbox: a relay publishes each trigger to the jobs topic, keyed
 * by dataset. Workers form one consumer group; a worker runs the trigger's job with its partition paused (the
 * consumer goes on heartbeating and rebalancing meanwhile) and commits the message's offset only once the handler
 * has returned, that is once the job's outcome is recorded.
 * A handler that throws sends the trigger to the retry topic (after a growing delay) and, after `maxAttempts`,
 * to the dead-letter topic. Stopping aborts the handlers in flight and commits nothing for them, so their
 * triggers are delivered again, to whichever worker then holds their partition.
 */
export class KafkaJobBus implements JobBus {
  private readonly kafka: Kafka;
  private readonly topics: JobTopics;
  private abort = new AbortController();
  private producer: Producer | null = null;
  private consumer: Consumer | null = null;
  private relay: KafkaRelay | null = null;
  private readonly running = new Set<Promise<void>>();
  private slots = 0;
  private readonly queued: (() => void)[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly options: KafkaJobBusOptions,
  ) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ namespace, log: { message, ...fields } }) =>
          options.onClientLog(`${namespace}: ${message}`, fields),
    });
    this.topics = jobTopics(options.topic);
  }

  async start(handler: JobHandler): Promise<void> {
    this.abort = new AbortController();
    // Quiet: two workers starting together race to create the topics, and kafkajs logs the loser's answer as an error.
    const admin = new Kafka({ clientId: this.options.clientId, brokers: [...this.options.brokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await ensureTopics(admin, this.topics, this.options.partitions);
    } finally {
      await admin.disconnect();
    }
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await this.producer.connect();
    this.relay = new KafkaRelay(this.store, this.sql, this.producer, {
      topic: this.topics.jobs,
      owner: this.options.workerId,
      leaseMs: this.options.relayLeaseMs,
      onError: this.options.onError,
    });
    this.relay.start();
    this.consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: this.options.sessionTimeoutMs,
      heartbeatInterval: Math.min(3_000, Math.floor(this.options.sessionTimeoutMs / 3)),
      // A partition resumed after its job waits for the fetch in flight: keep that wait short.
      maxWaitTimeInMs: 500,
    });
    // A crash kafkajs will not recover from leaves a worker that consumes nothing: say so, loudly.
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.options.onError(new Error(`Kafka consumer stopped for good: ${payload.error.message}`));
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.topics.jobs, this.topics.retry], fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: this.options.maxConcurrentJobs,
      eachMessage: async (payload) => {
        // The job runs apart from this callback, its partition paused until it ends: kafkajs rejoins the group only
        // between callbacks, so a callback as long as a job would hold every rebalance of the group until it ended.
        const resume = payload.pause();
        const work = this.deliver(handler, payload)
          .catch((error) => this.options.onError(error))
          .finally(() => {
            this.running.delete(work);
            if (!this.abort.signal.aborted) resume();
          });
        this.running.add(work);
      },
    });
  }

  async stop(): Promise<void> {
    this.abort.abort();
    for (const release of this.queued.splice(0)) release();
    await Promise.allSettled([...this.running]);
    await this.relay?.stop();
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.relay = null;
    this.consumer = null;
    this.producer = null;
  }

  /** At most `maxConcurrentJobs` jobs at once, whatever the number of partitions this worker holds. */
  private async slot(): Promise<() => void> {
    if (this.slots >= this.options.maxConcurrentJobs) await new Promise<void>((release) => this.queued.push(release));
    this.slots++;
    return () => {
      this.slots--;
      this.queued.shift()?.();
    };
  }

  private async deliver(handler: JobHandler, { topic, partition, message }: EachMessagePayload): Promise<void> {
    const signal = this.abort.signal;
    const received = readTrigger(message.value, message.headers);
    if (!received) {
      await this.send(this.topics.deadLetter, { key: message.key, value: message.value, headers: message.headers });
    } else {
      const wait = received.notBefore - Date.now();
      if (wait > 0) await sleep(wait, undefined, { signal }).catch(() => undefined);
      if (signal.aborted) return;
      const release = await this.slot();
      try {
        if (signal.aborted) return;
        await handler(received.trigger, signal);
      } catch (error) {
        if (signal.aborted) return;
        this.options.onError(error);
        const reason = error instanceof Error ? error.message : String(error);
        const next = received.attempt + 1;
        if (next > this.options.maxAttempts) {
          await this.send(this.topics.deadLetter, triggerMessage(received.trigger, received.attempt, undefined, reason));
        } else {
          const delay = this.options.retryDelayMs * 2 ** (received.attempt - 1);
          await this.send(this.topics.retry, triggerMessage(received.trigger, next, Date.now() + delay, reason));
        }
      } finally {
        release();
      }
      // A handler that returned because the bus stopped has not finished its job.
      if (signal.aborted) return;
    }
    // After a rebalance that moved the partition away the commit is refused; the new owner gets the trigger again
    // and finds the job finished.
    await this.consumer
      ?.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }])
      .catch((error: unknown) => this.options.onClientLog(`commit refused: ${String(error)}`, { topic, partition }));
  }

  private async send(topic: string, message: Parameters<Producer['send']>[0]['messages'][number]): Promise<void> {
    await this.producer!.send({ topic, acks: -1, messages: [message] });
  }
}
