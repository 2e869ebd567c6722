import { PGlite } from '@electric-sql/pglite';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { PostgresEventStore, type EventMetadata } from '@compileo/event-store';
import { runMigrations, type SqlClient } from '@compileo/sql';
import { LIVE_TABLES, ProjectionRunner, applyAll, readModelMigrations } from '@compileo/read-models';
import { loadConfig } from '@compileo/platform';
import { createApp } from '../apps/api/src/create-app';
import { FIXTURES } from './support/api-flow';
import { testDatabases } from '@compileo/testing';

/**
 * Stores written by earlier builds keep working: `test/fixtures/v1-store` was recorded by the build
 * before events carried their outcomes (see its README). Its log, replayed by this build, gives the
 * read models that build had; its data directory opens, serves its datasets and takes new writes.
 */
const V1 = join(FIXTURES, 'v1-store');

interface LoggedEvent {
  readonly streamId: string;
  readonly revision: string;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

type Row = Record<string, unknown>;

const loggedEvents = async (): Promise<LoggedEvent[]> =>
  (await readFile(join(V1, 'events.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LoggedEvent);

/** Column values as plain JSON, with whole numbers as text: pg returns int8 as a string, PGlite as a number. */
const value = (v: unknown): unknown =>
  v instanceof Date
    ? v.toISOString()
    : typeof v === 'number' && Number.isInteger(v)
      ? String(v)
      : v === null || typeof v !== 'object'
        ? v
        : JSON.parse(JSON.stringify(v));
const normalised = (row: Row, columns: readonly string[]): Row => Object.fromEntries(columns.map((c) => [c, value(row[c])]));

/** Columns that name a place in the log rather than a fact of the dataset. */
const POSITIONAL = new Set(['log_position']);

describe.each(testDatabases())('a v1 event log replayed by this build, on $name', ({ create }) => {
  let sql: SqlClient;
  let store: PostgresEventStore;
  let expected: Record<string, Row[]>;

  beforeAll(async () => {
    sql = await create();
    store = await PostgresEventStore.create(sql, { pollIntervalMs: 20 });
    await runMigrations(sql, [...readModelMigrations]);
    for (const e of await loggedEvents()) {
      const revision = BigInt(e.revision);
      await store.append(e.streamId, [{ id: e.id, type: e.type, data: e.data, metadata: e.metadata }], {
        expectedRevision: revision === 0n ? 'no_stream' : revision - 1n,
      });
    }
    const runner = new ProjectionRunner(store, sql, 'read-models', LIVE_TABLES, applyAll, (error) => {
      throw error;
    });
    await runner.start();
    await runner.waitFor((await store.readAll()).at(-1)!.position);
    await runner.stop();
    expected = JSON.parse(await readFile(join(V1, 'read-models.json'), 'utf8')) as Record<string, Row[]>;
  });

  afterAll(async () => {
    await store?.close();
    await sql?.close();
  });

  it.each(['rm_projects', 'rm_documents', 'rm_taxonomies', 'rm_datasets', 'rm_entries', 'rm_feedback', 'rm_jobs'])(
    '%s equals what the v1 build projected',
    async (table) => {
      const rows = expected[table];
      expect(rows.length).toBeGreaterThan(0);
      const columns = Object.keys(rows[0]).filter((c) => !POSITIONAL.has(c));
      const order = table === 'rm_entries' ? 'dataset_id, entry_number' : table === 'rm_feedback' ? 'id, entry_id' : 'id';
      const actual = (await sql.query<Row>(`SELECT * FROM ${table} ORDER BY ${order}`)).rows;
      expect(actual.map((r) => normalised(r, columns))).toEqual(rows.map((r) => normalised(r, columns)));
    },
  );
});

describe('a data directory made by the v1 build', () => {
  let dir: string;
  let close: () => Promise<void>;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'compileo-v1-'));
    const dump = await readFile(join(V1, 'pglite-datadir.tar.gz'));
    const unpacked = await PGlite.create({ dataDir: join(dir, 'pglite'), loadDataDir: new Blob([dump]) });
    await unpacked.close();
    const app = await createApp(loadConfig({ LOG_LEVEL: 'error', DATA_DIR: dir }));
    await app.init();
    http = request(app.getHttpServer());
    close = () => app.close();
  });

  afterAll(async () => {
    await close?.();
    await rm(dir, { recursive: true, force: true });
  });

  interface V1Dataset {
    readonly id: string;
    readonly version: string;
    readonly total_entries: number;
  }
  const datasetNamed = async (name: string): Promise<V1Dataset> => {
    const expected = JSON.parse(await readFile(join(V1, 'read-models.json'), 'utf8')) as Record<string, (Row & V1Dataset)[]>;
    return expected.rm_datasets.find((d) => d.name === name)!;
  };

  it('serves its datasets and entries as the v1 build did', async () => {
    const v1 = await datasetNamed('fixture_qa');
    const dataset = await http.get(`/api/v1/datasets/${v1.id}`).expect(200);
    expect(dataset.body).toMatchObject({ id: v1.id, name: 'fixture_qa', version: v1.version, total_entries: v1.total_entries });
    const page = await http.get(`/api/v1/datasets/${v1.id}/entries?per_page=100`).expect(200);
    expect(page.body.total).toBe(v1.total_entries);
    expect(page.body.entries.find((e: Row) => e.id === 'entry_1')).toMatchObject({ answer: 'A corrected answer.', version: 2 });
    await http.get(`/api/v1/datasets/${v1.id}/download`).expect(200);
  });

  it('takes new writes on top of the old log: an edit of an edited entry bumps its version and the dataset patch', async () => {
    const v1 = await datasetNamed('fixture_qa');
    const [major, minor, patch] = String(v1.version).split('.').map(Number);
    const edited = await http
      .put(`/api/v1/datasets/${v1.id}/entries/entry_1`)
      .set('If-Match', '"2"')
      .send({ question: 'Asked again?' })
      .expect(200);
    expect(edited.body.version).toBe(3);
    const dataset = await http.get(`/api/v1/datasets/${v1.id}`).expect(200);
    expect(dataset.body.version).toBe(`${major}.${minor}.${patch + 1}`);
    const page = await http.get(`/api/v1/datasets/${v1.id}/entries?per_page=100`).expect(200);
    expect(page.body.entries.find((e: Row) => e.id === 'entry_1')).toMatchObject({
      question: 'Asked again?',
      answer: 'A corrected answer.',
      version: 3,
    });
  });
});
