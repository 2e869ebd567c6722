import { ConcurrencyError, DomainError, NotFoundError } from '@compileo/domain';
import { NOW, generationConfig, item, only, recordChunk, requestGeneration } from '@compileo/testing';
import { caught, generating, ready, Scenario } from './dataset-scenario.fixture';

describe('dataset decider', () => {
  describe('RequestGeneration', () => {
    it('on a new stream records the request and starts generating at the requested version', () => {
      const s = new Scenario();
      const event = only(s.run(requestGeneration({ version: '2.1.0' })), 'DatasetGenerationRequested');
      expect(event.data).toMatchObject({
        datasetId: 'ds-1',
        jobId: 'job-1',
        requestedAt: NOW,
        version: '2.1.0',
        chunkIds: ['chunk-a', 'chunk-b', 'chunk-c'],
      });
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
      expect(error).toMatchObject({ expected: 'no_stream', actual: 'stream_exists', code: 'CONFLICT' });
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
      expect(s.state.rejected.size).toBe(1);
    });

    it('leaves every earlier state as it was (the command runner caches states and processors keep them)', () => {
      const s = generating();
      s.run(recordChunk(0, [item('a'), item('b')]));
      const before = s.state;
      s.run(recordChunk(1, [item('c')]));
      expect([...before.entries.keys()]).toEqual(['entry_1', 'entry_2']);
      expect([...(before.jobs.get('job-1')?.done ?? [])]).toEqual(['0']);
      expect([...s.state.entries.keys()]).toEqual(['entry_1', 'entry_2', 'entry_3']);
    });

    it('continues numbering after a chunk whose items were all rejected', () => {
      const s = generating({ config: generationConfig({ analyze_quality: true, quality_threshold: 0.95 }) });
      s.run(recordChunk(0, [item('a'), item('b')]));
      const second = only(s.run(recordChunk(1, [item('c', { qualityScore: 0.99 })])), 'DatasetChunkProcessed');
      expect(second.data.accepted.map((e) => e.entryId)).toEqual(['entry_3']);
    });

    it('rejects below quality_threshold only when analyze_quality is on', () => {
      const on = generating({ config: generationConfig({ analyze_quality: true, quality_threshold: 0.6 }) });
      const rejected = only(
        on.run(
          recordChunk(0, [
            item('low', { qualityScore: 0.59 }),
            item('edge', { qualityScore: 0.6 }),
            item('unscored', { qualityScore: null }),
          ]),
        ),
        'DatasetChunkProcessed',
      );
      expect(rejected.data.rejected).toHaveLength(1);
      expect(rejected.data.rejected[0]).toMatchObject({
        entryId: 'entry_1',
        rejection: { reason: 'below_threshold', score: 0.59, threshold: 0.6 },
      });
      expect(rejected.data.accepted.map((e) => e.question)).toEqual(['edge', 'unscored']);

      const off = generating({ config: generationConfig({ analyze_quality: false, quality_threshold: 0.6 }) });
      const kept = only(off.run(recordChunk(0, [item('low', { qualityScore: 0.01 })])), 'DatasetChunkProcessed');
      expect(kept.data.rejected).toEqual([]);
      expect(kept.data.accepted.map((e) => e.entryId)).toEqual(['entry_1']);
    });

    it('rejects exact duplicates (after normalisation) naming the first entry, within a chunk and across chunks', () => {
      const s = generating();
      const first = only(
        s.run(recordChunk(0, [item('What is X?', { answer: 'It is Y.' }), item('what is x', { answer: 'IT IS Y' })])),
        'DatasetChunkProcessed',
      );
      expect(first.data.accepted.map((e) => e.entryId)).toEqual(['entry_1']);
      expect(first.data.rejected[0]).toMatchObject({
        entryId: 'entry_2',
        rejection: { reason: 'duplicate', duplicate_of: 'entry_1', similarity: 1 },
      });
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
      const event = only(
        s.run(recordChunk(0, [item('low and orphaned', { qualityScore: 0.1, duplicateOf: { batchIndex: 7, similarity: 0.9 } })])),
        'DatasetChunkProcessed',
      );
      expect(event.data.accepted).toEqual([]);
      expect(event.data.rejected[0]?.rejection).toEqual({ reason: 'below_threshold', score: 0.1, threshold: 0.5 });
    });

    it('after an entry is edited mid-generation, duplicates are judged against its current content', () => {
      const s = generating();
      s.run(recordChunk(0, [item('original question', { answer: 'original answer' })]));
      s.run({
        type: 'EditEntry',
        entryId: 'entry_1',
        changes: { question: 'edited question' },
        feedback: null,
        expectedVersion: 1,
        score: null,
        actor: 'a',
        now: NOW,
      });
      const event = only(
        s.run(
          recordChunk(1, [
            item('original question', { answer: 'original answer' }),
            item('edited question', { answer: 'original answer' }),
          ]),
        ),
        'DatasetChunkProcessed',
      );
      // entry_1 no longer reads 'original question', so that item is new; the second is entry_1's exact copy.
      expect(event.data.accepted.map((e) => e.entryId)).toEqual(['entry_2']);
      expect(event.data.rejected.map((e) => [e.entryId, e.rejection])).toEqual([
        ['entry_3', { reason: 'duplicate', duplicate_of: 'entry_1', similarity: 1 }],
      ]);
    });

    it('never names an item a duplicate of itself ({batchIndex} equal to its own index)', () => {
      const s = generating();
      const event = only(
        s.run(recordChunk(0, [item('first'), item('second', { duplicateOf: { batchIndex: 1, similarity: 0.99 } })])),
        'DatasetChunkProcessed',
      );
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
      expect([...(s.state.jobs.get('job-1')?.done ?? [])].sort()).toEqual(['0', '1']);
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
      const completed = only(
        s.run({ type: 'CompleteGeneration', jobId: 'job-1', splits: null, report: null, benchmark: null, now: '2025-01-02T00:00:00.000Z' }),
        'DatasetGenerationCompleted',
      );
      expect(completed.data).toEqual({
        jobId: 'job-1',
        result: { dataset_id: 'ds-1', entries_count: 1, rejected_count: 1, chunks_processed: 2, chunks_failed: 1, version: '1.0.0' },
        completedAt: '2025-01-02T00:00:00.000Z',
      });
      expect(s.state.status).toBe('completed');
      expect(s.state.jobs.get('job-1')?.finished).toBe(true);
    });

    it('with splits assigns them (with the request seed) before completing', () => {
      const s = generating({ splitSeed: 'the-seed' });
      s.run(recordChunk(0, [item('a'), item('b'), item('c')]));
      const events = s.run({
        type: 'CompleteGeneration',
        jobId: 'job-1',
        splits: { entry_1: 'train', entry_2: 'validation', entry_3: 'test' },
        report: null,
        benchmark: null,
        now: NOW,
      });
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
      const failed = only(
        s.run({ type: 'FailGeneration', jobId: 'job-1', error: 'every chunk failed', now: NOW }),
        'DatasetGenerationFailed',
      );
      expect(failed.data).toEqual({ jobId: 'job-1', error: 'every chunk failed', failedAt: NOW });
      expect(s.state.status).toBe('failed');
      expect(s.run({ type: 'FailGeneration', jobId: 'job-1', error: 'again', now: NOW })).toEqual([]);
      expect(s.run({ type: 'CompleteGeneration', jobId: 'job-1', splits: null, report: null, benchmark: null, now: NOW })).toEqual([]);
    });

    it('does nothing to a completed job', () => {
      expect(ready().run({ type: 'FailGeneration', jobId: 'job-1', error: 'late', now: NOW })).toEqual([]);
    });
  });
});

describe('dataset decider: cancelling and completing with a report', () => {
  it('CancelJob stops a generation, keeps its entries, and later chunks are ignored', () => {
    const s = generating();
    s.run(recordChunk(0, [item('q1')]));
    const [cancelled] = s.run({ type: 'CancelJob', jobId: 'job-1', actor: 'ana', now: NOW });
    expect(cancelled).toMatchObject({
      type: 'DatasetJobCancelled',
      data: { jobId: 'job-1', kind: 'generation', actor: 'ana', result: { entries_count: 1, chunks_processed: 1 } },
    });
    expect(s.state.status).toBe('cancelled');
    expect(s.state.entries.size).toBe(1);
    expect(s.run(recordChunk(1, [item('q2')]))).toEqual([]);
    expect(caught(() => s.run({ type: 'CancelJob', jobId: 'job-1', actor: 'ana', now: NOW }))).toBeInstanceOf(DomainError);
    expect(caught(() => s.run({ type: 'CancelJob', jobId: 'nope', actor: 'ana', now: NOW }))).toBeInstanceOf(NotFoundError);
  });

  it('CompleteGeneration records the report and the benchmark before the completion', () => {
    const s = generating();
    s.run(recordChunk(0, [item('q1')]));
    const report = { entries: 1 };
    const benchmark = { suite: 'qa', model: 'extractive', n: 1 };
    const events = s.run({ type: 'CompleteGeneration', jobId: 'job-1', splits: null, report, benchmark, now: NOW });
    expect(events.map((e) => e.type)).toEqual(['DatasetQualityAnalysed', 'DatasetBenchmarkRecorded', 'DatasetGenerationCompleted']);
    expect(events[0].data).toEqual({ jobId: 'job-1', report, analysedAt: NOW });
    expect(events[1].data).toEqual({ jobId: 'job-1', result: benchmark, recordedAt: NOW });
  });
});
