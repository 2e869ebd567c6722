import {
  ConcurrencyError,
  DomainError,
  NotFoundError,
  ValidationError,
  datasetDecider,
  fold,
  type DatasetCommand,
  type DatasetEvent,
  type DatasetState,
} from '@compileo/domain';
import { NOW, generationConfig, item, only, recordChunk, regenerationConfig, requestGeneration } from '../../../../test/support/domain-fixtures';

/** Given past events, when a command: the events it decides (evolving a copy of history as it goes). */
class Scenario {
  private readonly history: DatasetEvent[] = [];

  constructor(initial: readonly DatasetEvent[] = []) {
    this.history.push(...initial);
  }

  get state(): DatasetState {
    return fold(datasetDecider, this.history);
  }

  get events(): readonly DatasetEvent[] {
    return this.history;
  }

  /** Decides `command` on the current state and records what it decided. */
  run(command: DatasetCommand): readonly DatasetEvent[] {
    const decided = datasetDecider.decide(command, this.state);
    this.history.push(...decided);
    return decided;
  }
}

const caught = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the command to throw');
};

const generating = (overrides: Parameters<typeof requestGeneration>[0] = {}): Scenario => {
  const s = new Scenario();
  s.run(requestGeneration(overrides));
  return s;
};

/** A ready dataset with entry_1..entry_3 accepted. */
const ready = (overrides: Parameters<typeof requestGeneration>[0] = {}): Scenario => {
  const s = generating(overrides);
  s.run(recordChunk(0, [item('q1', { category: 'Alpha' }), item('q2', { category: 'Alpha' }), item('q3', { category: 'Alpha' })]));
  s.run({ type: 'CompleteGeneration', jobId: 'job-1', splits: null, report: null, benchmark: null, now: NOW });
  return s;
};

describe('dataset decider', () => {
  describe('RequestGeneration', () => {
    it('on a new stream records the request and starts generating at the requested version', () => {
      const s = new Scenario();
      const event = only(s.run(requestGeneration({ version: '2.1.0' })), 'DatasetGenerationRequested');
      expect(event.data).toMatchObject({ datasetId: 'ds-1', jobId: 'job-1', requestedAt: NOW, version: '2.1.0', chunkIds: ['chunk-a', 'chunk-b', 'chunk-c'] });
      expect(event.data).not.toHaveProperty('type');
      expect(event.data).not.toHaveProperty('now');
      expect(s.state.status).toBe('generating');
      expect(s.state.version).toBe('2.1.0');
      expect(s.state.jobs.get('job-1')).toMatchObject({ kind: 'generation', finished: false });
    });

    it('twice on one stream is a ConcurrencyError (the stream exists)', () => {
      const s = generating();
      const error = caught(() => s.run(requestGeneration()));
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ expected: 'no_stream', actual: 'stream_exists', statusCode: 409 });
    });

    it('any other command on a stream with no request is a NotFoundError', () => {
      expect(caught(() => new Scenario().run(recordChunk(0, [item('q')])))).toBeInstanceOf(NotFoundError);
    });
  });

  describe('RecordChunk', () => {
    it('numbers entries entry_<n> from 1, continuing across chunks, and never reuses a rejected number', () => {
      const s = generating({ config: generationConfig({ analyze_quality: true, quality_threshold: 0.5 }) });
      const first = only(s.run(recordChunk(0, [item('a'), item('b', { qualityScore: 0.1 })])), 'DatasetChunkProcessed');
      expect(first.data.accepted.map((e) => e.entryId)).toEqual(['entry_1']);
      expect(first.data.rejected.map((e) => e.entryId)).toEqual(['entry_2']);
      const second = only(s.run(recordChunk(1, [item('c'), item('d')])), 'DatasetChunkProcessed');
      expect(second.data.accepted.map((e) => e.entryId)).toEqual(['entry_3', 'entry_4']);
      expect(second.data.accepted.map((e) => e.sourceChunk)).toEqual(['chunk-1', 'chunk-1']);
      expect(s.state.nextEntryNumber).toBe(5);
      expect([...s.state.entries.keys()]).toEqual(['entry_1', 'entry_3', 'entry_4']);
      expect(s.state.rejectedCount).toBe(1);
    });

    it('continues numbering after a chunk whose items were all rejected', () => {
      const s = generating({ config: generationConfig({ analyze_quality: true, quality_threshold: 0.95 }) });
      s.run(recordChunk(0, [item('a'), item('b')]));
      const second = only(s.run(recordChunk(1, [item('c', { qualityScore: 0.99 })])), 'DatasetChunkProcessed');
      expect(second.data.accepted.map((e) => e.entryId)).toEqual(['entry_3']);
    });

    it('rejects below quality_threshold only when analyze_quality is on', () => {
      const on = generating({ config: generationConfig({ analyze_quality: true, quality_threshold: 0.6 }) });
      const rejected = only(on.run(recordChunk(0, [item('low', { qualityScore: 0.59 }), item('edge', { qualityScore: 0.6 }), item('unscored', { qualityScore: null })])), 'DatasetChunkProcessed');
      expect(rejected.data.rejected).toHaveLength(1);
      expect(rejected.data.rejected[0]).toMatchObject({ entryId: 'entry_1', rejection: { reason: 'below_threshold', score: 0.59, threshold: 0.6 } });
      expect(rejected.data.accepted.map((e) => e.question)).toEqual(['edge', 'unscored']);

      const off = generating({ config: generationConfig({ analyze_quality: false, quality_threshold: 0.6 }) });
      const kept = only(off.run(recordChunk(0, [item('low', { qualityScore: 0.01 })])), 'DatasetChunkProcessed');
      expect(kept.data.rejected).toEqual([]);
      expect(kept.data.accepted.map((e) => e.entryId)).toEqual(['entry_1']);
    });

    it('rejects exact duplicates (after normalisation) naming the first entry, within a chunk and across chunks', () => {
      const s = generating();
      const first = only(s.run(recordChunk(0, [item('What is X?', { answer: 'It is Y.' }), item('what is x', { answer: 'IT IS Y' })])), 'DatasetChunkProcessed');
      expect(first.data.accepted.map((e) => e.entryId)).toEqual(['entry_1']);
      expect(first.data.rejected[0]).toMatchObject({ entryId: 'entry_2', rejection: { reason: 'duplicate', duplicate_of: 'entry_1', similarity: 1 } });
      const second = only(s.run(recordChunk(1, [item('What is X?', { answer: 'It is Y.' })])), 'DatasetChunkProcessed');
      expect(second.data.rejected[0]).toMatchObject({ entryId: 'entry_3', rejection: { reason: 'duplicate', duplicate_of: 'entry_1' } });
      expect(s.state.entries.size).toBe(1);
    });

    it('rejects worker-flagged near-duplicates of an existing entry and of a sibling, resolving {batchIndex} to its id', () => {
      const s = generating();
      s.run(recordChunk(0, [item('original')]));
      const event = only(
        s.run(
          recordChunk(1, [
            item('near the original', { duplicateOf: { entryId: 'entry_1', similarity: 0.93 } }),
            item('sibling'),
            item('near the sibling', { duplicateOf: { batchIndex: 1, similarity: 0.91 } }),
          ]),
        ),
        'DatasetChunkProcessed',
      );
      expect(event.data.accepted.map((e) => e.entryId)).toEqual(['entry_3']);
      expect(event.data.rejected).toEqual([
        expect.objectContaining({ entryId: 'entry_2', rejection: { reason: 'duplicate', duplicate_of: 'entry_1', similarity: 0.93 } }),
        expect.objectContaining({ entryId: 'entry_4', rejection: { reason: 'duplicate', duplicate_of: 'entry_3', similarity: 0.91 } }),
      ]);
      // The worker's hint is bookkeeping, not content: it is not recorded on the entry.
      for (const record of [...event.data.accepted, ...event.data.rejected]) expect(record).not.toHaveProperty('duplicateOf');
    });

    it('still applies the quality threshold to an item whose {batchIndex} names no sibling', () => {
      const s = generating({ config: generationConfig({ analyze_quality: true, quality_threshold: 0.5 }) });
      const event = only(s.run(recordChunk(0, [item('low and orphaned', { qualityScore: 0.1, duplicateOf: { batchIndex: 7, similarity: 0.9 } })])), 'DatasetChunkProcessed');
      expect(event.data.accepted).toEqual([]);
      expect(event.data.rejected[0]?.rejection).toEqual({ reason: 'below_threshold', score: 0.1, threshold: 0.5 });
    });

    it('after an entry is edited mid-generation, duplicates are judged against its current content', () => {
      const s = generating();
      s.run(recordChunk(0, [item('original question', { answer: 'original answer' })]));
      s.run({ type: 'EditEntry', entryId: 'entry_1', changes: { question: 'edited question' }, feedback: null, expectedVersion: 1, actor: 'a', now: NOW });
      const event = only(
        s.run(recordChunk(1, [item('original question', { answer: 'original answer' }), item('edited question', { answer: 'original answer' })])),
        'DatasetChunkProcessed',
      );
      // entry_1 no longer reads 'original question', so that item is new; the second is entry_1's exact copy.
      expect(event.data.accepted.map((e) => e.entryId)).toEqual(['entry_2']);
      expect(event.data.rejected.map((e) => [e.entryId, e.rejection])).toEqual([['entry_3', { reason: 'duplicate', duplicate_of: 'entry_1', similarity: 1 }]]);
    });

    it('never names an item a duplicate of itself ({batchIndex} equal to its own index)', () => {
      const s = generating();
      const event = only(s.run(recordChunk(0, [item('first'), item('second', { duplicateOf: { batchIndex: 1, similarity: 0.99 } })])), 'DatasetChunkProcessed');
      expect(event.data.rejected.map((e) => e.rejection)).toEqual([]);
      expect(event.data.accepted.map((e) => e.entryId)).toEqual(['entry_1', 'entry_2']);
    });

    it('recording the same chunk twice yields no events', () => {
      const s = generating();
      expect(s.run(recordChunk(0, [item('a')]))).toHaveLength(1);
      expect(s.run(recordChunk(0, [item('a'), item('different')]))).toEqual([]);
      expect(s.state.entries.size).toBe(1);
      expect(s.state.nextEntryNumber).toBe(2);
    });

    it('counts a failed chunk and records its reason; the job goes on', () => {
      const s = generating();
      const failed = only(s.run(recordChunk(0, [], { failure: 'model timed out' })), 'DatasetChunkProcessed');
      expect(failed.data).toMatchObject({ failure: 'model timed out', accepted: [], rejected: [] });
      s.run(recordChunk(1, [item('a')]));
      expect(s.state.jobs.get('job-1')).toMatchObject({ failedChunks: 1, finished: false });
      expect(s.state.jobs.get('job-1')?.done).toEqual(new Set(['0', '1']));
    });

    it('ignores chunks of an unknown or finished job', () => {
      const s = ready();
      expect(s.run(recordChunk(5, [item('late')]))).toEqual([]);
      expect(s.run(recordChunk(0, [item('other job')], { jobId: 'job-unknown' }))).toEqual([]);
    });
  });

  describe('CompleteGeneration', () => {
    it('without splits completes with the result counts', () => {
      const s = generating({ config: generationConfig({ analyze_quality: true, quality_threshold: 0.5 }) });
      s.run(recordChunk(0, [item('a'), item('b', { qualityScore: 0.2 })]));
      s.run(recordChunk(1, [], { failure: 'boom' }));
      const completed = only(s.run({ type: 'CompleteGeneration', jobId: 'job-1', splits: null, report: null, benchmark: null, now: '2025-01-02T00:00:00.000Z' }), 'DatasetGenerationCompleted');
      expect(completed.data).toEqual({
        jobId: 'job-1',
        result: { dataset_id: 'ds-1', entries_count: 1, rejected_count: 1, chunks_processed: 2, chunks_failed: 1, version: '1.0.0' },
        completedAt: '2025-01-02T00:00:00.000Z',
      });
      expect(s.state.status).toBe('ready');
      expect(s.state.jobs.get('job-1')?.finished).toBe(true);
    });

    it('with splits assigns them (with the request seed) before completing', () => {
      const s = generating({ splitSeed: 'the-seed' });
      s.run(recordChunk(0, [item('a'), item('b'), item('c')]));
      const events = s.run({ type: 'CompleteGeneration', jobId: 'job-1', splits: { entry_1: 'train', entry_2: 'validation', entry_3: 'test' }, report: null, benchmark: null, now: NOW });
      expect(events.map((e) => e.type)).toEqual(['DatasetSplitAssigned', 'DatasetGenerationCompleted']);
      expect(events[0].data).toEqual({ seed: 'the-seed', assignments: { entry_1: 'train', entry_2: 'validation', entry_3: 'test' } });
      expect([...s.state.entries.values()].map((e) => e.split)).toEqual(['train', 'validation', 'test']);
    });

    it('twice, or for an unknown job, yields no events', () => {
      const s = ready();
      expect(s.run({ type: 'CompleteGeneration', jobId: 'job-1', splits: null, report: null, benchmark: null, now: NOW })).toEqual([]);
      expect(s.run({ type: 'CompleteGeneration', jobId: 'nope', splits: null, report: null, benchmark: null, now: NOW })).toEqual([]);
    });
  });

  describe('FailGeneration', () => {
    it('fails a running job once', () => {
      const s = generating();
      const failed = only(s.run({ type: 'FailGeneration', jobId: 'job-1', error: 'every chunk failed', now: NOW }), 'DatasetGenerationFailed');
      expect(failed.data).toEqual({ jobId: 'job-1', error: 'every chunk failed', failedAt: NOW });
      expect(s.state.status).toBe('failed');
      expect(s.run({ type: 'FailGeneration', jobId: 'job-1', error: 'again', now: NOW })).toEqual([]);
      expect(s.run({ type: 'CompleteGeneration', jobId: 'job-1', splits: null, report: null, benchmark: null, now: NOW })).toEqual([]);
    });

    it('does nothing to a completed job', () => {
      expect(ready().run({ type: 'FailGeneration', jobId: 'job-1', error: 'late', now: NOW })).toEqual([]);
    });
  });

  describe('EditEntry', () => {
    const edit = (overrides: Partial<Extract<DatasetCommand, { type: 'EditEntry' }>> = {}): Extract<DatasetCommand, { type: 'EditEntry' }> => ({
      type: 'EditEntry',
      entryId: 'entry_2',
      changes: { answer: 'better' },
      feedback: null,
      expectedVersion: null,
      actor: 'alice',
      now: NOW,
      ...overrides,
    });

    it('versions an entry 1 → 2 → 3, applying the changes and bumping the dataset patch version each time', () => {
      const s = ready();
      expect(s.state.entries.get('entry_2')?.version).toBe(1);
      const first = only(s.run(edit({ expectedVersion: 1, changes: { question: 'Q2?' }, feedback: 'typo' })), 'DatasetEntryEdited');
      expect(first.data).toEqual({ entryId: 'entry_2', changes: { question: 'Q2?' }, feedback: 'typo', version: 2, actor: 'alice', editedAt: NOW });
      expect(s.state.version).toBe('1.0.1');
      const second = only(s.run(edit({ expectedVersion: 2, changes: { answer: 'A2' } })), 'DatasetEntryEdited');
      expect(second.data.version).toBe(3);
      expect(s.state.version).toBe('1.0.2');
      expect(s.state.entries.get('entry_2')).toMatchObject({ version: 3, content: { question: 'Q2?', answer: 'A2', category: 'Alpha' } });
      expect(s.state.entries.get('entry_1')?.version).toBe(1);
    });

    it('without an expected version always applies', () => {
      const s = ready();
      s.run(edit());
      expect(only(s.run(edit()), 'DatasetEntryEdited').data.version).toBe(3);
    });

    it('with a stale expected version is a ConcurrencyError naming expected and actual', () => {
      const s = ready();
      s.run(edit({ expectedVersion: 1 }));
      const error = caught(() => s.run(edit({ expectedVersion: 1 })));
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ expected: '1', actual: '2', statusCode: 409 });
    });

    it('of an unknown entry is a NotFoundError', () => {
      const error = caught(() => ready().run(edit({ entryId: 'entry_99' })));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ resource: 'entry', id: 'entry_99' });
    });

    it('of a rejected entry is a NotFoundError (only accepted entries can be edited)', () => {
      const s = generating({ config: generationConfig({ analyze_quality: true, quality_threshold: 0.5 }) });
      s.run(recordChunk(0, [item('low', { qualityScore: 0.1 })]));
      expect(caught(() => s.run(edit({ entryId: 'entry_1' })))).toBeInstanceOf(NotFoundError);
    });

    it('to a category outside the taxonomy is a ValidationError; a taxonomy category or Other is fine', () => {
      const s = ready({ taxonomyId: 'tax-1', categories: ['Alpha', 'Beta'] });
      const error = caught(() => s.run(edit({ changes: { category: 'Gamma' } })));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems.map((p) => p.field)).toEqual(['category']);
      expect(s.run(edit({ changes: { category: 'Beta' } }))).toHaveLength(1);
      expect(s.run(edit({ changes: { category: 'Other' } }))).toHaveLength(1);
    });

    it('to any category is fine without a taxonomy', () => {
      expect(ready().run(edit({ changes: { category: 'Anything' } }))).toHaveLength(1);
    });
  });

  describe('AddFeedback', () => {
    const feedback = (entryIds: readonly string[]): Extract<DatasetCommand, { type: 'AddFeedback' }> => ({
      type: 'AddFeedback',
      feedbackId: 'fb-1',
      entryIds,
      feedbackType: 'quality_issue',
      comments: 'meh',
      rating: 2,
      actor: 'bob',
      now: NOW,
    });

    it('records feedback on existing entries without changing state', () => {
      const s = ready();
      const before = s.state;
      const event = only(s.run(feedback(['entry_1', 'entry_3'])), 'DatasetFeedbackAdded');
      expect(event.data).toEqual({ feedbackId: 'fb-1', entryIds: ['entry_1', 'entry_3'], feedbackType: 'quality_issue', comments: 'meh', rating: 2, actor: 'bob', createdAt: NOW });
      expect(s.state).toEqual(before);
    });

    it('with missing ids is a NotFoundError listing every one of them', () => {
      const error = caught(() => ready().run(feedback(['entry_1', 'entry_7', 'entry_8'])));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ resource: 'entry', id: ['entry_7', 'entry_8'] });
      expect((error as Error).message).toContain('entry_7, entry_8');
    });
  });

  describe('regeneration', () => {
    const request = (entryIds: readonly string[], jobId = 'regenerate_1'): Extract<DatasetCommand, { type: 'RequestRegeneration' }> => ({
      type: 'RequestRegeneration',
      jobId,
      entryIds,
      config: regenerationConfig({ improve_quality: true }),
      now: NOW,
    });
    const regenerated = (entryId: string, question: string, jobId = 'regenerate_1'): Extract<DatasetCommand, { type: 'RecordRegeneratedEntry' }> => ({
      type: 'RecordRegeneratedEntry',
      jobId,
      entryId,
      content: item(question),
      now: NOW,
    });

    it('RequestRegeneration while the dataset is generating is a DomainError', () => {
      const s = generating();
      s.run(recordChunk(0, [item('a')]));
      const error = caught(() => s.run(request(['entry_1'])));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ statusCode: 422 });
    });

    it('RequestRegeneration of missing ids is a NotFoundError listing them', () => {
      const error = caught(() => ready().run(request(['entry_1', 'entry_42'])));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ id: ['entry_42'] });
    });

    it('RequestRegeneration is allowed after a failed generation', () => {
      const s = generating();
      s.run(recordChunk(0, [item('a')]));
      s.run({ type: 'FailGeneration', jobId: 'job-1', error: 'x', now: NOW });
      expect(s.run(request(['entry_1']))).toHaveLength(1);
    });

    it('RecordRegeneratedEntry bumps the entry version and is idempotent per job; CompleteRegeneration bumps the dataset patch', () => {
      const s = ready();
      s.run({ type: 'EditEntry', entryId: 'entry_1', changes: { answer: 'edited' }, feedback: null, expectedVersion: 1, actor: 'a', now: NOW });
      expect(s.state.version).toBe('1.0.1');
      const requested = only(s.run(request(['entry_1', 'entry_2'])), 'DatasetRegenerationRequested');
      expect(requested.data).toEqual({ jobId: 'regenerate_1', entryIds: ['entry_1', 'entry_2'], config: regenerationConfig({ improve_quality: true }), requestedAt: NOW });
      expect(s.state.jobs.get('regenerate_1')).toMatchObject({ kind: 'regeneration', finished: false, entryIds: ['entry_1', 'entry_2'] });

      const first = only(s.run(regenerated('entry_1', 'fresh one')), 'DatasetEntryRegenerated');
      expect(first.data).toMatchObject({ jobId: 'regenerate_1', entryId: 'entry_1', version: 3, content: { question: 'fresh one' } });
      expect(s.run(regenerated('entry_1', 'fresher'))).toEqual([]);
      expect(s.state.entries.get('entry_1')).toMatchObject({ version: 3, content: { question: 'fresh one' } });
      expect(only(s.run(regenerated('entry_2', 'fresh two')), 'DatasetEntryRegenerated').data.version).toBe(2);
      // Regeneration alone does not bump the dataset version; completing it does, once.
      expect(s.state.version).toBe('1.0.1');

      const completed = only(s.run({ type: 'CompleteRegeneration', jobId: 'regenerate_1', failed: [], report: null, now: NOW }), 'DatasetRegenerationCompleted');
      expect(completed.data).toEqual({ jobId: 'regenerate_1', regenerated: 2, failed: [], completedAt: NOW });
      expect(s.state.version).toBe('1.0.2');
      expect(s.run({ type: 'CompleteRegeneration', jobId: 'regenerate_1', failed: [], report: null, now: NOW })).toEqual([]);
      expect(s.run(regenerated('entry_2', 'after completion'))).toEqual([]);
      expect(s.state.version).toBe('1.0.2');
    });

    it('CompleteRegeneration carries the failures the worker reports', () => {
      const s = ready();
      s.run(request(['entry_1', 'entry_2']));
      s.run(regenerated('entry_1', 'ok'));
      const completed = only(s.run({ type: 'CompleteRegeneration', jobId: 'regenerate_1', failed: [{ entryId: 'entry_2', reason: 'model refused' }], report: null, now: NOW }), 'DatasetRegenerationCompleted');
      expect(completed.data).toMatchObject({ regenerated: 1, failed: [{ entryId: 'entry_2', reason: 'model refused' }] });
    });

    it('a regenerated entry replaces its duplicate key: the old content is no longer a duplicate, the new one is', () => {
      const s = ready();
      s.run(request(['entry_1']));
      s.run(regenerated('entry_1', 'brand new'));
      expect(s.state.duplicateKeys.get(`q1\u0000answer to q1`)).toBeUndefined();
      expect(s.state.duplicateKeys.get(`brand new\u0000answer to brand new`)).toBe('entry_1');
    });
  });

  describe('replay', () => {
    it('folding the decided events from scratch gives the same state at every revision', () => {
      const s = ready();
      s.run({ type: 'EditEntry', entryId: 'entry_3', changes: { category: 'Beta' }, feedback: null, expectedVersion: 1, actor: 'a', now: NOW });
      const events = s.events;
      for (let n = 0; n <= events.length; n++) {
        const state = fold(datasetDecider, events.slice(0, n));
        expect(state.status).toBe(n === 0 ? 'none' : n < 3 ? 'generating' : 'ready');
      }
      expect(fold(datasetDecider, events)).toEqual(s.state);
      expect(fold(datasetDecider, events.slice(0, 2)).entries.get('entry_3')?.content.category).toBe('Alpha');
    });
  });
});
