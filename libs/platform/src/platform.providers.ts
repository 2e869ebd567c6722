import { EmbeddedJobBus, JOB_BUS, KafkaJobBus } from '@compileo/bus';
import { CommandRunner, EVENT_STORE, type EventStore } from '@compileo/event-store';
import { READ_SQL, SQL_CLIENT, type SqlClient } from '@compileo/sql';
import { ModelRegistry } from '@compileo/generation';
import { applyAll, LIVE_TABLES, ProjectionRunner } from '@compileo/read-models';
import { Logger, type Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './app-config';
import { CLOCK, systemClock } from './clock';
import { WORKER_ID } from './worker-id';
import { openDatabase, type OpenedDatabase } from './database';

const DATABASE = Symbol('DATABASE');
/** The DATA_DIR lock (null on PostgreSQL); PlatformLifecycle releases it, `main` records the port in it. */
export const DATA_DIR_LOCK = Symbol('DATA_DIR_LOCK');

/**
 * The shared infrastructure both apps stand on, and the one place where adapters are chosen from the
 * configuration (event store, SQL database, job bus, model providers); no vendor type leaves it except
 * behind a port.
 */
export const platformProviders = (config: AppConfig): Provider[] => [
  { provide: APP_CONFIG, useValue: config },
  { provide: CLOCK, useValue: systemClock },
  { provide: DATABASE, useFactory: () => openDatabase(config) },
  { provide: DATA_DIR_LOCK, useFactory: (db: OpenedDatabase) => db.lock, inject: [DATABASE] },
  { provide: SQL_CLIENT, useFactory: (db: { sql: SqlClient }) => db.sql, inject: [DATABASE] },
  { provide: READ_SQL, useFactory: (sql: SqlClient) => sql.reads, inject: [SQL_CLIENT] },
  { provide: EVENT_STORE, useFactory: (db: { store: EventStore }) => db.store, inject: [DATABASE] },
  { provide: CommandRunner, useFactory: (store: EventStore) => new CommandRunner(store), inject: [EVENT_STORE] },
  {
    provide: JOB_BUS,
    useFactory: (store: EventStore, sql: SqlClient) => {
      const logger = new Logger('JobBus');
      const onError = (error: unknown) => logger.error(error);
      if (config.KAFKA_BROKERS === undefined) {
        return new EmbeddedJobBus(store, sql, { maxConcurrentJobs: config.COMPILEO_MAX_CONCURRENT_JOBS, onError });
      }
      return new KafkaJobBus(store, sql, {
        brokers: config.KAFKA_BROKERS.split(','),
        clientId: 'compileo',
        groupId: config.COMPILEO_KAFKA_GROUP,
        topic: config.COMPILEO_KAFKA_TOPIC,
        partitions: config.COMPILEO_KAFKA_PARTITIONS,
        maxAttempts: config.COMPILEO_KAFKA_MAX_ATTEMPTS,
        retryDelayMs: 1_000,
        maxConcurrentJobs: config.COMPILEO_MAX_CONCURRENT_JOBS,
        sessionTimeoutMs: config.COMPILEO_KAFKA_SESSION_TIMEOUT_MS,
        workerId: WORKER_ID,
        relayLeaseMs: 10_000,
        onError,
        onClientLog: (message, fields) => logger.warn({ kafkajs: fields }, message),
      });
    },
    inject: [EVENT_STORE, SQL_CLIENT],
  },
  {
    provide: ProjectionRunner,
    useFactory: (store: EventStore, sql: SqlClient) => {
      const logger = new Logger('ReadModels');
      return new ProjectionRunner(store, sql, 'read-models', LIVE_TABLES, applyAll, (error) => logger.error(error));
    },
    inject: [EVENT_STORE, SQL_CLIENT],
  },
  {
    provide: ModelRegistry,
    useFactory: () =>
      new ModelRegistry({
        geminiApiKey: config.GEMINI_API_KEY,
        geminiBaseUrl: config.GEMINI_BASE_URL,
        ollamaHost: config.OLLAMA_HOST,
        openaiBaseUrl: config.OPENAI_BASE_URL,
        openaiApiKey: config.OPENAI_API_KEY,
        defaultModel: config.COMPILEO_DEFAULT_MODEL,
        prices: config.COMPILEO_PRICE_TABLE,
        callTimeoutMs: config.COMPILEO_MODEL_TIMEOUT_MS,
        maxConcurrentCalls: config.COMPILEO_MAX_MODEL_CALLS,
        judgeModel: config.COMPILEO_JUDGE_MODEL,
      }),
  },
];
