import { foldDataset, summarizeDataset, type DatasetState, type StoredEvent } from '@compileo/domain';
import { CommandRunner, PostgresEventStore, type RecordedEvent } from '@compileo/event-store';
import { runMigrations, type SqlClient } from '@compileo/sql';
import { SeededRandom, runDomainWorkload, seedFrom, testDatabases } from '@compileo/testing';
import { projectBatch } from './project-batch';
import { entryColumns } from './projections/entries.projection';
import { applyAll } from './projections/all.projections';
import { qualitySummary } from './queries/datasets.queries';
import { readModelMigrations, readModelSchema } from './read-model.migrations';
import { runScript } from './sql-script';
import { tablesFor, type Tables } from './tables';

const SEED = seedFrom(process.env.FOLD_SEED);
const STEPS = Number(process.env.FOLD_STEPS ?? 250);
const SAMPLES = 6;

type Row = Record<string, unknown>;

const stored = (e: RecordedEvent): StoredEvent => ({ type: e.type, data: e.data, schemaVersion: e.metadata.schemaVersion ?? 1 });

/** Plain JSON with whole numbers as text (pg returns int8 and numerics as strings, PGlite as numbers). */
const plain = (row: Row): Row =>
  JSON.parse(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : v))) as Row;

/** The entry rows a fold says the read model must hold, in entry order. */
const expectedEntries = (state: DatasetState): Row[] =>
  [
    ...[...state.entries.values()].map((e) => ({
      ...entryColumns({ ...e.content, entryId: e.entryId, sourceChunk: e.sourceChunk }, 'accepted'),
      version: e.version,
      split: e.split,
    })),
    ...[...state.rejected.values()].map((e) => ({
      ...entryColumns({ ...e.content, entryId: e.entryId, sourceChunk: e.sourceChunk, rejection: e.rejection }, 'rejected'),
      version: 1,
      split: null,
    })),
  ]
    .sort((a, b) => a.entry_number - b.entry_number)
    .map(plain);

const ENTRY_COLUMNS = Object.keys({
  ...entryColumns(
    {
      entryId: 'entry_1',
      sourceChunk: '',
      question: null,
      answer: null,
      category: '',
      difficulty: 'beginner',
      qualityScore: null,
      qualityComponents: null,
      metadata: {},
    },
    'accepted',
  ),
  version: 0,
  split: null,
});

/**
 * The pure fold is the dataset: at sampled points of a random command log, the read models projected
 * from that prefix equal the fold of each dataset's events, row for row (entries with content, version,
 * score, split and status; the dataset's name, status, version, counts and quality summary).
 */
describe.each(testDatabases())(
  `the fold equals the read models at sampled revisions on $name (seed ${SEED}; replay with FOLD_SEED=${SEED})`,
  ({ create }) => {
    let sql: SqlClient;
    let store: PostgresEventStore;
    let log: RecordedEvent[];

    beforeAll(async () => {
      sql = await create();
      store = await PostgresEventStore.create(sql, { pollIntervalMs: 20 });
      await runMigrations(sql, [...readModelMigrations]);
      await runDomainWorkload(new CommandRunner(store), new SeededRandom(SEED), STEPS);
      log = await store.readAll();
    });

    afterAll(async () => {
      await store?.close();
      await sql?.close();
    });

    const sampledPrefixes = (): number[] => {
      const random = new SeededRandom(SEED + 1);
      return [...new Set([log.length, ...Array.from({ length: SAMPLES - 1 }, () => 1 + Math.floor(random.next() * log.length))])].sort(
        (a, b) => a - b,
      );
    };

    it('a random log exercises every dataset event', () => {
      const types = new Set(log.filter((e) => e.streamId.startsWith('dataset-')).map((e) => e.type));
      expect([...types].sort()).toEqual(
        expect.arrayContaining([
          'DatasetChunkProcessed',
          'DatasetEntryEdited',
          'DatasetEntryRegenerated',
          'DatasetGenerationCompleted',
          'DatasetGenerationRequested',
          'DatasetSplitAssigned',
        ]),
      );
    });

    it('at every sampled prefix of the log', async () => {
      let compared = 0;
      for (const [n, length] of sampledPrefixes().entries()) {
        const prefix = log.slice(0, length);
        const tables: Tables = tablesFor(`fold${n}_`);
        await runScript(sql, readModelSchema(tables));
        await projectBatch(store, sql, `fold-${n}`, tables, applyAll, prefix);
        const streams = new Map<string, RecordedEvent[]>();
        for (const e of prefix) if (e.streamId.startsWith('dataset-')) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
        for (const [streamId, events] of streams) {
          const datasetId = streamId.slice('dataset-'.length);
          const state = foldDataset(events.map(stored));
          const dataset = (
            await sql.query<Row>(
              `SELECT name, status, version, total_entries, rejected_count, has_splits, quality_report, benchmarks FROM ${tables.datasets} WHERE id = $1`,
              [datasetId],
            )
          ).rows[0];
          expect([streamId, length, plain(dataset)]).toEqual([
            streamId,
            length,
            plain({
              name: state.request!.name,
              status: state.status,
              version: state.version,
              total_entries: state.entries.size,
              rejected_count: state.rejected.size,
              has_splits: state.hasSplits,
              quality_report: state.qualityReport,
              benchmarks: state.benchmarks,
            }),
          ]);
          const entries = await sql.query<Row>(
            `SELECT ${ENTRY_COLUMNS.join(', ')} FROM ${tables.entries} WHERE dataset_id = $1 ORDER BY entry_number`,
            [datasetId],
          );
          expect([streamId, length, entries.rows.map(plain)]).toEqual([streamId, length, expectedEntries(state)]);
          // The average is rounded to three decimals after summing in a different order: allow one in the last place.
          const { average_score: sqlAverage, ...sqlSummary } = await qualitySummary(sql, datasetId, tables);
          const { average_score: foldAverage, ...foldSummary } = summarizeDataset(state);
          expect([streamId, length, sqlSummary]).toEqual([streamId, length, foldSummary]);
          expect(Math.abs((sqlAverage ?? 0) - (foldAverage ?? 0))).toBeLessThanOrEqual(0.0011);
          expect(sqlAverage === null).toBe(foldAverage === null);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(SAMPLES);
    });
  },
);
