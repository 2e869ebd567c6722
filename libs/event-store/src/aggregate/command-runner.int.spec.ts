import {
  ConcurrencyError,
  datasetDecider,
  datasetStream,
  jobDecider,
  jobStream,
  type DatasetCommand,
  type EditEntry,
} from '@compileo/domain';
import { NOW, item, recordChunk, requestGeneration } from '@compileo/testing';
import { InstrumentedEventStore, latch } from '@compileo/testing';
import { testDatabases } from '@compileo/testing';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import type { SqlClient } from '@compileo/sql';
import { CommandRunner } from './command-runner';
import { deterministicId } from './deterministic-id';

const STREAM = datasetStream('ds-1');

const edit = (entryId: string, expectedVersion: number | null, answer = `edited ${entryId}`): EditEntry => ({
  type: 'EditEntry',
  entryId,
  changes: { answer },
  feedback: null,
  expectedVersion,
  score: null,
  actor: 'tester',
  now: NOW,
});

describe.each(testDatabases())('CommandRunner on $name', ({ create }) => {
  let sql: SqlClient;
  let real: PostgresEventStore;
  let store: InstrumentedEventStore;

  /** A ready dataset ds-1 with entry_1..entry_4, written by a runner of its own. */
  const seedDataset = async (): Promise<void> => {
    const seeder = new CommandRunner(real);
    await seeder.run(STREAM, datasetDecider, requestGeneration());
    await seeder.run(STREAM, datasetDecider, recordChunk(0, [item('q1'), item('q2'), item('q3'), item('q4')]));
    await seeder.run(STREAM, datasetDecider, {
      type: 'CompleteGeneration',
      jobId: 'job-1',
      splits: null,
      report: null,
      benchmark: null,
      now: NOW,
    });
  };

  beforeEach(async () => {
    sql = await create();
    real = await PostgresEventStore.create(sql, { pollIntervalMs: 50 });
    store = new InstrumentedEventStore(real);
  });

  afterEach(async () => {
    await real.close();
    await sql.close();
  });

  it('appends with the revision it read: no_stream first, then the last revision', async () => {
    const runner = new CommandRunner(store);
    const created = await runner.run(STREAM, datasetDecider, requestGeneration());
    expect(created.events.map((e) => e.type)).toEqual(['DatasetGenerationRequested']);
    expect(created.state.status).toBe('generating');
    expect(created.position).not.toBeNull();
    const chunk = await runner.run(STREAM, datasetDecider, recordChunk(0, [item('a')]));
    const completed = await runner.run(STREAM, datasetDecider, {
      type: 'CompleteGeneration',
      jobId: 'job-1',
      splits: { entry_1: 'train' },
      report: null,
      benchmark: null,
      now: NOW,
    });
    expect(completed.events.map((e) => e.type)).toEqual(['DatasetSplitAssigned', 'DatasetGenerationCompleted']);
    expect(store.appends.map((a) => a.expectedRevision)).toEqual(['no_stream', 0n, 1n]);
    expect(real.comparePositions(chunk.position as string, completed.position as string)).toBeLessThan(0);

    const recorded = await real.readStream(STREAM);
    expect(recorded.map((e) => [e.revision, e.type])).toEqual([
      [0n, 'DatasetGenerationRequested'],
      [1n, 'DatasetChunkProcessed'],
      [2n, 'DatasetSplitAssigned'],
      [3n, 'DatasetGenerationCompleted'],
    ]);
    // The returned position is that of the last event appended.
    expect(completed.position).toBe(recorded[3].position);
    expect(recorded[0].metadata).toMatchObject({ schemaVersion: 1 });
  });

  it('records the metadata it is given beside the schema version', async () => {
    const runner = new CommandRunner(store);
    await runner.run(STREAM, datasetDecider, requestGeneration(), { metadata: { correlationId: 'corr-1', actor: 'alice' } });
    const [event] = await real.readStream(STREAM);
    expect(event.metadata).toEqual({ schemaVersion: 1, correlationId: 'corr-1', actor: 'alice' });
  });

  it('a decision with no events appends nothing and returns a null position', async () => {
    await seedDataset();
    const runner = new CommandRunner(store);
    const result = await runner.run(STREAM, datasetDecider, recordChunk(0, [item('again')]));
    expect(result).toMatchObject({ events: [], position: null });
    expect(store.appends).toEqual([]);
  });

  it('retries transparently when another writer moved the stream between its load and its append', async () => {
    await seedDataset();
    const runner = new CommandRunner(store);
    const other = new CommandRunner(real);
    let interfered = false;
    store.beforeAppend = async () => {
      if (interfered) return;
      interfered = true;
      await other.run(STREAM, datasetDecider, edit('entry_2', 1));
    };
    const result = await runner.run(STREAM, datasetDecider, edit('entry_1', 1));
    expect(result.events).toHaveLength(1);
    expect(store.failedAppends.map((a) => a.expectedRevision)).toEqual([2n]);
    expect(store.appends.map((a) => a.expectedRevision)).toEqual([3n]);
    expect(result.state.entries.get('entry_1')?.version).toBe(2);
    expect(result.state.entries.get('entry_2')?.version).toBe(2);
    expect(result.state.version).toBe('1.0.2');
    const types = (await real.readStream(STREAM)).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['DatasetEntryEdited', 'DatasetEntryEdited']);
  });

  it('concurrent edits of different entries of one dataset all succeed without a conflict', async () => {
    await seedDataset();
    const runners = [0, 1, 2, 3].map(() => new CommandRunner(store));
    const results = await Promise.all(runners.map((runner, i) => runner.run(STREAM, datasetDecider, edit(`entry_${i + 1}`, 1))));
    expect(results.every((r) => r.events.length === 1)).toBe(true);
    const state = (await new CommandRunner(real).load(STREAM, datasetDecider)).state;
    expect([...state.entries.values()].map((e) => [e.entryId, e.version, e.content.answer])).toEqual([
      ['entry_1', 2, 'edited entry_1'],
      ['entry_2', 2, 'edited entry_2'],
      ['entry_3', 2, 'edited entry_3'],
      ['entry_4', 2, 'edited entry_4'],
    ]);
    expect(state.version).toBe('1.0.4');
    expect(store.appends).toHaveLength(4);
  });

  it('does not retry a ConcurrencyError the decider raises (a stale entry version)', async () => {
    await seedDataset();
    const runner = new CommandRunner(store);
    await runner.run(STREAM, datasetDecider, edit('entry_1', 1));
    const reads = store.readStreamCalls;
    const error = await runner.run(STREAM, datasetDecider, edit('entry_1', 1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ expected: '1', actual: '2' });
    expect(store.readStreamCalls - reads).toBe(1);
    expect(store.appends).toHaveLength(1);
    expect(store.failedAppends).toEqual([]);
  });

  it('a writer racing on the same entry with the same expected version loses with a ConcurrencyError after one retry', async () => {
    await seedDataset();
    const runner = new CommandRunner(store);
    const other = new CommandRunner(real);
    let interfered = false;
    store.beforeAppend = async () => {
      if (interfered) return;
      interfered = true;
      await other.run(STREAM, datasetDecider, edit('entry_1', 1, 'theirs'));
    };
    const error = await runner.run(STREAM, datasetDecider, edit('entry_1', 1, 'mine')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ expected: '1', actual: '2' });
    const state = (await new CommandRunner(real).load(STREAM, datasetDecider)).state;
    expect(state.entries.get('entry_1')?.content.answer).toBe('theirs');
  });

  it('gives up after maxRetries when the stream keeps moving', async () => {
    await seedDataset();
    const runner = new CommandRunner(store);
    const other = new CommandRunner(real);
    let n = 0;
    store.beforeAppend = async () => {
      await other.run(STREAM, datasetDecider, {
        type: 'AddFeedback',
        feedbackId: `fb-${n++}`,
        entryIds: ['entry_4'],
        feedbackType: 'quality_issue',
        comments: null,
        rating: null,
        actor: 'x',
        now: NOW,
      });
    };
    const error = await runner.run(STREAM, datasetDecider, edit('entry_1', 1), { maxRetries: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(store.failedAppends).toHaveLength(3);
  });

  it('with an idSeed, a repeated run is a no-op, and two workers racing on one chunk append it once with the same ids', async () => {
    const seeder = new CommandRunner(real);
    await seeder.run(STREAM, datasetDecider, requestGeneration());
    const command: DatasetCommand = recordChunk(0, [item('a'), item('b')]);
    const idSeed = 'job-1:chunk:0';

    // Both workers load the stream before either appends: each decides the same events.
    const workerA = new CommandRunner(store);
    const workerB = new CommandRunner(store);
    const bothLoaded = latch();
    let waiting = 0;
    store.beforeAppend = async () => {
      if (++waiting === 2) bothLoaded.open();
      await bothLoaded.promise;
    };
    const [a, b] = await Promise.all([
      workerA.run(STREAM, datasetDecider, command, { idSeed }),
      workerB.run(STREAM, datasetDecider, command, { idSeed }),
    ]);
    store.beforeAppend = null;
    expect(a.events).toHaveLength(1);
    expect(b.events).toHaveLength(1);
    expect(a.position).toBe(b.position);
    expect(store.appends.map((x) => x.eventIds)).toEqual([[deterministicId(`${idSeed}:0`)], [deterministicId(`${idSeed}:0`)]]);

    const again = await workerA.run(STREAM, datasetDecider, command, { idSeed });
    expect(again).toMatchObject({ events: [], position: null });

    const recorded = await real.readStream(STREAM);
    expect(recorded.map((e) => e.type)).toEqual(['DatasetGenerationRequested', 'DatasetChunkProcessed']);
    expect(recorded[1].id).toBe(deterministicId(`${idSeed}:0`));
  });

  it('without an idSeed, event ids are fresh UUIDs', async () => {
    const runner = new CommandRunner(store);
    const claim = { type: 'ClaimJob', jobId: 'job-1', datasetId: 'ds-1', workerId: 'w', now: NOW, leaseMs: 0 } as const;
    await runner.run(jobStream('job-1'), jobDecider, claim);
    await runner.run(jobStream('job-1'), jobDecider, claim);
    const ids = (await real.readStream(jobStream('job-1'))).map((e) => e.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('its state cache picks up events appended by another CommandRunner instance', async () => {
    await seedDataset();
    const runnerA = new CommandRunner(store);
    const runnerB = new CommandRunner(real);
    expect((await runnerA.load(STREAM, datasetDecider)).revision).toBe(2n);
    await runnerB.run(STREAM, datasetDecider, edit('entry_1', 1, 'by B'));
    await runnerB.run(jobStream('job-1'), jobDecider, {
      type: 'ClaimJob',
      jobId: 'job-1',
      datasetId: 'ds-1',
      workerId: 'B',
      now: NOW,
      leaseMs: 0,
    });

    const loaded = await runnerA.load(STREAM, datasetDecider);
    expect(loaded.revision).toBe(3n);
    expect(loaded.state.entries.get('entry_1')).toMatchObject({ version: 2, content: { answer: 'by B' } });

    // A decides on B's edit at the first attempt: no stale-cache conflict, no retry.
    const result = await runnerA.run(STREAM, datasetDecider, edit('entry_1', 2, 'by A'));
    expect(result.state.entries.get('entry_1')?.version).toBe(3);
    expect(store.failedAppends).toEqual([]);
    const claimed = await runnerA.run(jobStream('job-1'), jobDecider, {
      type: 'ClaimJob',
      jobId: 'job-1',
      datasetId: 'ds-1',
      workerId: 'A',
      now: NOW,
      leaseMs: 0,
    });
    expect(claimed.events[0].data.attempt).toBe(2);
  });

  it('a fresh runner loads a stream of more than ten events in revision order (revision 10 after 9, not after 1)', async () => {
    await seedDataset();
    const writer = new CommandRunner(real);
    for (let version = 1; version <= 9; version++)
      await writer.run(STREAM, datasetDecider, edit('entry_1', version, `answer v${version + 1}`));
    const recorded = await real.readStream(STREAM);
    expect(recorded.map((e) => e.revision)).toEqual(Array.from({ length: 12 }, (_, i) => BigInt(i)));

    const fresh = new CommandRunner(store);
    const loaded = await fresh.load(STREAM, datasetDecider);
    expect(loaded.revision).toBe(11n);
    expect(loaded.state.entries.get('entry_1')).toMatchObject({ version: 10, content: { answer: 'answer v10' } });
    // The API holding a fresh cache accepts the client's current version.
    const result = await new CommandRunner(store).run(STREAM, datasetDecider, edit('entry_1', 10, 'answer v11'));
    expect(result.state.entries.get('entry_1')?.version).toBe(11);
  });

  it('keeps the state of different deciders on one stream apart', async () => {
    await seedDataset();
    const runner = new CommandRunner(store);
    const full = await runner.load(STREAM, datasetDecider);
    const counting = { initialState: () => 0, evolve: (n: number) => n + 1, decide: () => [] };
    const counted = await runner.load(STREAM, counting);
    expect(full.state.entries.size).toBe(4);
    expect(counted).toEqual({ state: 3, revision: 2n });
  });
});
