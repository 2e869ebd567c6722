import { PostgresEventStore } from '@compileo/event-store';
import { runMigrations, type SqlClient } from '@compileo/sql';
import { testDatabases } from '@compileo/testing';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { busMigrations } from '../bus.migrations';
import type { JobHandler, JobTrigger } from '../job-bus.port';
import { KafkaJobBus, type KafkaJobBusOptions } from './kafka-job-bus';
import { readTrigger } from './trigger-message';

const brokers = process.env.TEST_KAFKA_BROKERS?.split(',');

/** Resolves once `check()` holds, polling; no deadline of its own: the test's timeout is the hang guard. */
const eventually = async (check: () => boolean | Promise<boolean>): Promise<void> => {
  while (!(await check())) await new Promise((r) => setTimeout(r, 50));
};

describe('KafkaJobBus on a real Kafka broker', () => {
  if (!brokers) {
    it('SKIPPED: TEST_KAFKA_BROKERS is not set (deploy/kafka/start.sh prints it), so the Kafka bus was not exercised', () => undefined);
    return;
  }
  jest.setTimeout(120_000);
  let sql: SqlClient;
  let store: PostgresEventStore;
  let id: string;
  const buses: KafkaJobBus[] = [];
  beforeEach(async () => {
    sql = await testDatabases()[0].create();
    await runMigrations(sql, busMigrations);
    store = await PostgresEventStore.create(sql, { pollIntervalMs: 50 });
    id = randomUUID().slice(0, 8);
  });
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.stop()));
    await store.close();
    await sql.close();
  });

  const startBus = async (handler: JobHandler, options: Partial<KafkaJobBusOptions> = {}): Promise<KafkaJobBus> => {
    const bus = new KafkaJobBus(store, sql, {
      brokers,
      clientId: `test-${id}`,
      groupId: `workers-${id}`,
      topic: `jobs-${id}`,
      partitions: 2,
      maxAttempts: 3,
      retryDelayMs: 50,
      maxConcurrentJobs: 2,
      sessionTimeoutMs: 10_000,
      workerId: `worker-${buses.length}`,
      relayLeaseMs: 3000,
      onError: () => undefined,
      onClientLog: () => undefined,
      ...options,
    });
    buses.push(bus);
    await bus.start(handler);
    return bus;
  };

  const request = (n: number) =>
    store.append(`dataset-ds${n}`, [{ id: randomUUID(), type: 'DatasetGenerationRequested', data: { jobId: `job${n}` } }]);

  /** Every message on a topic, from the start (a fresh consumer group of its own). */
  const topicMessages = async (topic: string): Promise<{ trigger: JobTrigger; attempt: number }[]> => {
    const kafka = new Kafka({ clientId: `reader-${id}`, brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    const total = offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0);
    const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
    const seen: { trigger: JobTrigger; attempt: number }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const received = readTrigger(message.value, message.headers);
        if (received) seen.push({ trigger: received.trigger, attempt: received.attempt });
      },
    });
    await eventually(() => seen.length >= total);
    await consumer.disconnect();
    return seen;
  };

  it('relays each trigger from the log once, keyed by dataset, and two workers of one group share them', async () => {
    const handled: { worker: number; jobId: string }[] = [];
    const handler =
      (worker: number): JobHandler =>
      async (trigger) =>
        void handled.push({ worker, jobId: trigger.jobId });
    await startBus(handler(0));
    await startBus(handler(1));
    for (let n = 0; n < 6; n++) await request(n);
    await eventually(() => handled.length >= 6);
    expect(handled.map((h) => h.jobId).sort()).toEqual(['job0', 'job1', 'job2', 'job3', 'job4', 'job5']);
    // One relay holds the lease: each trigger is on the topic once.
    const published = await topicMessages(`jobs-${id}`);
    expect(published.map((m) => m.trigger.jobId).sort()).toEqual(['job0', 'job1', 'job2', 'job3', 'job4', 'job5']);
    expect(published.find((m) => m.trigger.jobId === 'job3')?.trigger).toEqual({ jobId: 'job3', datasetId: 'ds3', kind: 'generation' });
  });

  it('retries a failing handler through the retry topic and, after the last attempt, parks the trigger in the dead-letter topic', async () => {
    const attempts = new Map<string, number>();
    await startBus(async (trigger) => {
      attempts.set(trigger.jobId, (attempts.get(trigger.jobId) ?? 0) + 1);
      if (trigger.jobId === 'job1' && attempts.get('job1')! < 2) throw new Error('model unreachable');
      if (trigger.jobId === 'job2') throw new Error('always broken');
    });
    await request(1);
    await request(2);
    await eventually(() => attempts.get('job1') === 2 && attempts.get('job2') === 3);
    const parked = await topicMessages(`jobs-${id}.dlt`);
    expect(parked).toEqual([{ trigger: { jobId: 'job2', datasetId: 'ds2', kind: 'generation' }, attempt: 3 }]);
    expect((await topicMessages(`jobs-${id}.retry`)).map((m) => [m.trigger.jobId, m.attempt]).sort()).toEqual([
      ['job1', 2],
      ['job2', 2],
      ['job2', 3],
    ]);
  });

  it('commits a trigger only once its handler returned: one aborted by a shutdown is delivered again', async () => {
    let first = true;
    const started = new Promise<void>((resolve) => {
      void startBus(async (_trigger, signal) => {
        if (!first) return;
        first = false;
        resolve();
        // A job that runs until the bus stops.
        await new Promise<void>((done) => signal.addEventListener('abort', () => done()));
      });
    });
    await request(7);
    await started;
    await buses.shift()!.stop();
    const again: string[] = [];
    await startBus(async (trigger) => void again.push(trigger.jobId));
    await eventually(() => again.length > 0);
    expect(again).toEqual(['job7']);
  });
});
