/**
 * Generation throughput benchmark: N chunks, a model of fixed latency L, concurrency C. Compares the wall
 * time with the ideal N·L/C and prints one JSON line per figure. Two layers:
 *
 * - `processor`: the real worker path, GenerationJobProcessor.run() on an in-memory PGlite (event store +
 *   read-model tables; one database for the run, a new dataset per setting), so prompt building, the pool, quality scoring, de-duplication, the serialised
 *   RecordChunk appends and the final CompleteGeneration are all in the measurement. Setup (migrations,
 *   chunk rows, the RequestGeneration event) is not.
 * - `pool`: the provider + pool layer alone (drawItems through runPool, no database), as a baseline that
 *   shows how much of the overhead is the database/append path.
 *
 * The model is the real RemoteModelProvider over a stub TextModelClient of latency L (BENCH_PROVIDER=remote,
 * the default), or a bare stub ModelProvider of latency L (BENCH_PROVIDER=stub).
 *
 * Env: BENCH_N (200), BENCH_L (latency ms, 50), BENCH_C (comma list, "1,4,16"), BENCH_ITEMS (items per
 * chunk, 3), BENCH_LAYERS ("processor"; "processor,pool" adds the baseline, ~13 s more at the defaults).
 * The ideal is ceil(N/C)·L (= N·L/C when C divides N): a lane cannot run a fraction of a chunk.
 */
import 'reflect-metadata';
import { datasetDecider, datasetStream, type DatasetState, type RequestGeneration } from '@compileo/domain';
import { CommandRunner, PostgresEventStore } from '@compileo/event-store';
import { PgliteSqlClient, runMigrations } from '@compileo/sql';
import { ModelRegistry, type ResolvedModel, type ModelProvider, type SourceChunk } from '@compileo/generation';
import { loadConfig, systemClock } from '@compileo/platform';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIVE_TABLES, readModelMigrations } from '@compileo/read-models';
import { drawItems } from '../../libs/jobs/src/pipeline/draw-items';
import { GenerationJobProcessor } from '../../libs/jobs/src/generation/generation-job.processor';
import { runPool } from '../../libs/jobs/src/pipeline/run-pool';
import { RemoteModelProvider } from '../../libs/generation/src/remote/remote.provider';
import { StubModelProvider, StubTextModelClient } from './stub-model';

type Layer = 'processor' | 'pool';
type ProviderKind = 'remote' | 'stub';

/** The model under test, and how many model calls it has made (checked against N after each run). */
interface Model {
  readonly provider: ModelProvider;
  readonly calls: () => number;
}

/**
 * `remote`: the real RemoteModelProvider (limiter, per-call timeout, retries, JSON parsing and item
 * validation) over a stub TextModelClient of latency L returning valid JSON items. `stub`: a bare
 * ModelProvider of latency L, for comparison with the provider's own cost.
 */
const makeModel = (kind: ProviderKind, latencyMs: number, items: number): Model => {
  if (kind === 'stub') {
    const provider = new StubModelProvider(latencyMs);
    return { provider, calls: () => provider.calls };
  }
  const client = new StubTextModelClient(latencyMs, items);
  return { provider: new RemoteModelProvider(client), calls: () => client.calls };
};

interface Setting {
  readonly provider: ProviderKind;
  readonly n: number;
  readonly latencyMs: number;
  readonly concurrency: number;
  readonly items: number;
}

const intEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got '${raw}'`);
  return value;
};

const listEnv = (name: string, fallback: string): string[] =>
  (process.env[name] ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

const emit = (layer: Layer, s: Setting, metric: string, value: number, unit: string): void => {
  const rounded = Math.round(value * 100) / 100;
  process.stdout.write(
    `${JSON.stringify({ bench: 'generation', layer, provider: s.provider, n: s.n, latency_ms: s.latencyMs, concurrency: s.concurrency, items_per_chunk: s.items, metric, value: rounded, unit })}\n`,
  );
};

const report = (layer: Layer, s: Setting, wallMs: number): void => {
  const idealMs = Math.ceil(s.n / s.concurrency) * s.latencyMs;
  const overheadMs = wallMs - idealMs;
  emit(layer, s, 'wall_ms', wallMs, 'ms');
  emit(layer, s, 'ideal_ms', idealMs, 'ms');
  emit(layer, s, 'overhead_ms', overheadMs, 'ms');
  emit(layer, s, 'overhead_pct', idealMs > 0 ? (overheadMs / idealMs) * 100 : 0, '%');
  emit(layer, s, 'chunks_per_s', s.n / (wallMs / 1000), 'chunks/s');
};

const chunkText = (i: number): string =>
  `## Section ${i}\n\n` +
  Array.from(
    { length: 8 },
    (_, k) => `Sentence ${k} of chunk ${i} explains how the reactor ${k} converts energy into motion under load.`,
  ).join(' ');

const request = (datasetId: string, chunkIds: readonly string[], s: Setting, model: string): RequestGeneration => ({
  type: 'RequestGeneration',
  datasetId,
  jobId: `${datasetId}-job`,
  projectId: 'bench-project',
  name: 'bench',
  version: '1.0.0',
  config: {
    prompt_name: 'default',
    custom_prompt: null,
    generation_mode: 'default',
    format_type: 'jsonl',
    concurrency: s.concurrency,
    include_evaluation_sets: true,
    taxonomy_project: null,
    taxonomy_name: null,
    output_dir: '.',
    analyze_quality: true,
    quality_threshold: 0,
    enable_versioning: false,
    dataset_name: null,
    run_benchmarks: false,
    benchmark_suite: 'none',
    parsing_model: model,
    chunking_model: model,
    classification_model: model,
    datasets_per_chunk: s.items,
    parameters: {},
  },
  model,
  taxonomyId: null,
  categories: null,
  chunkIds,
  splitSeed: 'bench-seed',
  now: systemClock.now().toISOString(),
});

interface Db {
  readonly sql: PgliteSqlClient;
  readonly store: PostgresEventStore;
}

/** One in-memory PGlite for the whole run (its start-up costs seconds); each setting uses its own dataset and chunks. */
const openDb = async (): Promise<Db> => {
  const sql = await PgliteSqlClient.create();
  const store = await PostgresEventStore.create(sql);
  await runMigrations(sql, readModelMigrations);
  const now = new Date().toISOString();
  await sql.query(
    `INSERT INTO ${LIVE_TABLES.documents} (id, project_id, file_name, content_type, size_bytes, status, chunk_count, chunk_size, chunk_overlap, created_at)
     VALUES ('bench-doc', 'bench-project', 'bench.md', 'text/markdown', 0, 'processed', 0, 1000, 0, $1)`,
    [now],
  );
  return { sql, store };
};

/** The registry the worker asks for its model, answering with the bench's provider for any name. */
class BenchModels extends ModelRegistry {
  constructor(private readonly provider: ModelProvider) {
    super({ defaultModel: provider.name });
  }

  override resolve(): ResolvedModel {
    return { provider: this.provider.name, model: this.provider.name };
  }

  override providerFor(): ModelProvider {
    return this.provider;
  }
}

let runs = 0;

/** The processor layer: chunk rows and a RequestGeneration event, then GenerationJobProcessor.run() timed. */
const benchProcessor = async (db: Db, s: Setting, provider: ModelProvider): Promise<number> => {
  const { sql, store } = db;
  const datasetId = `bench-${++runs}-${s.n}-${s.latencyMs}-${s.concurrency}`;
  const chunkIds = Array.from({ length: s.n }, (_, i) => `${datasetId}-chunk-${i}`);
  await sql.query(
    `INSERT INTO ${LIVE_TABLES.chunks} (id, document_id, project_id, chunk_index, text, heading, heading_path, start_offset, end_offset, created_at)
     SELECT id, 'bench-doc', 'bench-project', i - 1, txt, 'Section ' || (i - 1), '[]'::jsonb, 0, length(txt), $3
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS c(id, txt, i)`,
    [chunkIds, chunkIds.map((_, i) => chunkText(i)), new Date().toISOString()],
  );
  const runner = new CommandRunner(store);
  const models = new BenchModels(provider);
  const command = request(datasetId, chunkIds, s, provider.name);
  await runner.run(datasetStream(datasetId), datasetDecider, command);
  // A fresh runner, so the job starts with a cold state cache, as a worker picking the job up would.
  // The finished dataset's files (output_dir) go to a scratch folder, as they would to DATA_DIR/exports.
  const config = loadConfig({ LOG_LEVEL: 'error', DATA_DIR: join(tmpdir(), 'compileo-bench') });
  const processor = new GenerationJobProcessor(new CommandRunner(store), models, sql, systemClock, config);
  const started = performance.now();
  await processor.run({ jobId: command.jobId, datasetId, kind: 'generation' }, new AbortController().signal, async () => undefined);
  const wallMs = performance.now() - started;
  const { state } = await runner.load(datasetStream(datasetId), datasetDecider);
  check(state, command.jobId, s);
  return wallMs;
};

/** Fails the bench when the job did not really do the work (a fast wrong run must not look like a win). */
const check = (state: DatasetState, jobId: string, s: Setting): void => {
  const job = state.jobs.get(jobId);
  const expected = s.n * s.items;
  if (!job?.finished) throw new Error(`job ${jobId} did not finish`);
  if (state.entries.size !== expected) throw new Error(`expected ${expected} entries, got ${state.entries.size}`);
};

/** The pool layer: the same prompt building and provider calls through runPool, with no database. */
const benchPool = async (s: Setting, provider: ModelProvider): Promise<number> => {
  const chunkIds = Array.from({ length: s.n }, (_, i) => `bench-chunk-${i}`);
  // The request as the worker sees it: folded from the RequestGeneration decision, as in the event stream.
  const command = request('bench-pool', chunkIds, s, provider.name);
  const req = datasetDecider
    .decide(command, datasetDecider.initialState())
    .reduce(datasetDecider.evolve, datasetDecider.initialState()).request;
  if (!req) throw new Error('RequestGeneration produced no request');
  const chunks: SourceChunk[] = chunkIds.map((id, i) => ({ id, text: chunkText(i), heading: `Section ${i}`, documentName: 'bench.md' }));
  const signal = new AbortController().signal;
  let items = 0;
  const started = performance.now();
  await runPool(chunks, s.concurrency, signal, async (chunk) => {
    const drawn = await drawItems(provider, req, chunk, { count: s.items, negatives: 0, variant: 0, avoid: [], signal });
    items += drawn.items.length;
  });
  const wallMs = performance.now() - started;
  if (items !== s.n * s.items) throw new Error(`expected ${s.n * s.items} items, got ${items}`);
  return wallMs;
};

const main = async (): Promise<void> => {
  const n = intEnv('BENCH_N', 200);
  const latencyMs = intEnv('BENCH_L', 50);
  const items = intEnv('BENCH_ITEMS', 3);
  const concurrencies = listEnv('BENCH_C', '1,4,16').map((c) => {
    const value = Number(c);
    if (!Number.isInteger(value) || value < 1) throw new Error(`BENCH_C entries must be positive integers, got '${c}'`);
    return value;
  });
  const layers = listEnv('BENCH_LAYERS', 'processor') as Layer[];
  for (const layer of layers) if (layer !== 'processor' && layer !== 'pool') throw new Error(`unknown layer '${String(layer)}'`);
  const provider = (process.env.BENCH_PROVIDER ?? 'remote') as ProviderKind;
  if (provider !== 'remote' && provider !== 'stub') throw new Error(`BENCH_PROVIDER must be remote or stub, got '${String(provider)}'`);

  // Warm-up: JIT, module loading and PGlite's WASM start are paid here, not by the first measured setting.
  const db = layers.includes('processor') ? await openDb() : null;
  const warm: Setting = { provider, n: 8, latencyMs: 1, concurrency: 4, items };
  if (db) await benchProcessor(db, warm, makeModel(provider, 1, items).provider);

  for (const concurrency of concurrencies) {
    const s: Setting = { provider, n, latencyMs, concurrency, items };
    for (const layer of layers) {
      const model = makeModel(provider, latencyMs, items);
      const wallMs = layer === 'processor' && db ? await benchProcessor(db, s, model.provider) : await benchPool(s, model.provider);
      if (model.calls() !== n) throw new Error(`expected ${n} model calls, got ${model.calls()}`);
      report(layer, s, wallMs);
    }
  }
  if (db) {
    await db.store.close();
    await db.sql.close();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
