import { z } from 'zod';
import { StartupError } from './startup-failure';

const priceTableSchema = z.record(z.object({ input_per_million: z.number().min(0), output_per_million: z.number().min(0) }).strict());

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const ms = z.coerce.number().int().min(10).max(3_600_000);

/** Every setting the service reads from the environment, with its default. The README's table mirrors this. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** Kafka bootstrap servers (`host:port,host:port`): when set, jobs travel through Kafka instead of the embedded bus. */
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'must be host:port, comma-separated')
    .optional(),
  COMPILEO_KAFKA_TOPIC: z
    .string()
    .regex(/^[a-zA-Z0-9._-]{1,200}$/, 'must be a Kafka topic name')
    .default('compileo.jobs'),
  COMPILEO_KAFKA_GROUP: z.string().min(1).default('compileo-workers'),
  COMPILEO_KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(8),
  COMPILEO_KAFKA_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  /** The broker's own bounds apply (group.min/max.session.timeout.ms: 6 s to 30 min by default). */
  COMPILEO_KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
  /** PostgreSQL only: the schema to use (created if missing); lets several deployments share a database. */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case SQL identifier')
    .optional(),
  COMPILEO_DEFAULT_MODEL: z.string().min(1).optional(),
  GEMINI_API_KEY: z.string().min(1).optional(),
  GEMINI_BASE_URL: z.string().url().optional(),
  OLLAMA_HOST: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** Per model call; a slower call is abandoned and retried with back-off. */
  COMPILEO_MODEL_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  /** Ceiling of calls in flight to one model across all jobs; 429s lower it adaptively. */
  /** A remote model (e.g. gemini-2.5-flash) that also scores entries with a weighted rubric; unset: heuristics only. */
  COMPILEO_JUDGE_MODEL: z.string().min(1).optional(),
  COMPILEO_MAX_MODEL_CALLS: z.coerce.number().int().min(1).max(256).default(32),
  /** JSON: {"<model>": {"input_per_million": USD, "output_per_million": USD}}; costs are recorded for models listed. */
  COMPILEO_PRICE_TABLE: z
    .string()
    .transform((text, ctx) => {
      try {
        return priceTableSchema.parse(JSON.parse(text));
      } catch (error) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `must be a JSON price table: ${error instanceof Error ? error.message : String(error)}`,
        });
        return z.NEVER;
      }
    })
    .optional(),
  COMPILEO_IN_PROCESS_WORKER: flag.default('true'),
  COMPILEO_MAX_CONCURRENT_JOBS: z.coerce.number().int().min(1).max(64).default(2),
  /** How long a worker's hold on a job lasts without a heartbeat; another worker takes the job over after it. */
  COMPILEO_JOB_LEASE_MS: z.coerce.number().int().min(300).max(3_600_000).default(30_000),
  COMPILEO_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(20 * 1024 * 1024),
  /** HTTP limits (issue 7): a slow or idle client is dropped instead of holding a socket for minutes. */
  /** Until a request's headers have arrived; never more than the request timeout. */
  COMPILEO_HTTP_HEADERS_TIMEOUT_MS: ms.default(20_000),
  /** Until the whole request (headers and body) has arrived; a slower client gets a 408 and is disconnected. */
  COMPILEO_HTTP_REQUEST_TIMEOUT_MS: ms.default(120_000),
  /** How long an idle keep-alive connection waits for its next request. */
  COMPILEO_HTTP_KEEP_ALIVE_TIMEOUT_MS: ms.default(5_000),
  /** A socket with no traffic either way for this long is closed (a stalled reader of a download, too). */
  COMPILEO_HTTP_IDLE_TIMEOUT_MS: ms.default(60_000),
  /** Open connections at once; one more is closed as soon as it is accepted. */
  COMPILEO_HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(1024),
  /** DOCX (a ZIP archive): caps on the uncompressed size and entry count its directory declares; over either is a 413. */
  COMPILEO_MAX_ARCHIVE_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(100 * 1024 * 1024),
  COMPILEO_MAX_ARCHIVE_ENTRIES: z.coerce.number().int().min(1).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AppConfig = z.infer<typeof schema>;

/** Settings that constrain each other. */
const checkedSchema = schema.refine((c) => c.COMPILEO_HTTP_HEADERS_TIMEOUT_MS <= c.COMPILEO_HTTP_REQUEST_TIMEOUT_MS, {
  // Node refuses a server whose header timeout exceeds its request timeout.
  path: ['COMPILEO_HTTP_HEADERS_TIMEOUT_MS'],
  message: 'must not exceed COMPILEO_HTTP_REQUEST_TIMEOUT_MS',
});

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Parses the environment; a bad value stops the process with a message naming the variable. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = checkedSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new StartupError(String(parsed.error.issues[0]?.path[0] ?? 'configuration'), `Invalid configuration: ${problems}`);
  }
  return parsed.data;
};
