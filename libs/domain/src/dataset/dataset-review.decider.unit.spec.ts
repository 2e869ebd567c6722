import { ConcurrencyError, datasetDecider, DomainError, fold, NotFoundError, ValidationError, type DatasetCommand } from '@compileo/domain';
import { NOW, generationConfig, item, only, recordChunk, regenerationConfig } from '@compileo/testing';
import { caught, generating, ready } from './dataset-scenario.fixture';

describe('dataset decider: review and regeneration', () => {
  describe('EditEntry', () => {
    const edit = (
      overrides: Partial<Extract<DatasetCommand, { type: 'EditEntry' }>> = {},
    ): Extract<DatasetCommand, { type: 'EditEntry' }> => ({
      type: 'EditEntry',
      entryId: 'entry_2',
      changes: { answer: 'better' },
      feedback: null,
      expectedVersion: null,
      score: null,
      actor: 'alice',
      now: NOW,
      ...overrides,
    });

    it('versions an entry 1 → 2 → 3, applying the changes and bumping the dataset patch version each time', () => {
      const s = ready();
      expect(s.state.entries.get('entry_2')?.version).toBe(1);
      const first = only(s.run(edit({ expectedVersion: 1, changes: { question: 'Q2?' }, feedback: 'typo' })), 'DatasetEntryEdited');
      expect(first.data).toEqual({
        entryId: 'entry_2',
        changes: { question: 'Q2?' },
        feedback: 'typo',
        version: 2,
        content: expect.objectContaining({ question: 'Q2?', answer: 'answer to q2' }),
        datasetVersion: '1.0.1',
        actor: 'alice',
        editedAt: NOW,
      });
      expect(s.state.version).toBe('1.0.1');
      const second = only(s.run(edit({ expectedVersion: 2, changes: { answer: 'A2' } })), 'DatasetEntryEdited');
      expect(second.data.version).toBe(3);
      expect(s.state.version).toBe('1.0.2');
      expect(s.state.entries.get('entry_2')).toMatchObject({ version: 3, content: { question: 'Q2?', answer: 'A2', category: 'Alpha' } });
      expect(s.state.entries.get('entry_1')?.version).toBe(1);
    });

    it('records the score of the new content, drops the provenance of the replaced text and says who edited it', () => {
      const s = generating();
      const provenance = { source_sentences: ['x.'], sentence_indexes: [0], char_offsets: [[0, 2]] };
      s.run(recordChunk(0, [item('q1', { metadata: { model: 'extractive', ...provenance } })]));
      const score = { qualityScore: 0.42, qualityComponents: { grounding: 0.1 } };
      const edited = only(s.run(edit({ entryId: 'entry_1', changes: { answer: 'new' }, score })), 'DatasetEntryEdited');
      expect(edited.data.content).toMatchObject({ answer: 'new', qualityScore: 0.42, qualityComponents: { grounding: 0.1 } });
      expect(edited.data.content.metadata).toEqual({
        model: 'extractive',
        edited_by: 'alice',
        edited_at: NOW,
        edited_fields: ['answer'],
        model_quality_score: 0.9,
      });
      const again = only(s.run(edit({ entryId: 'entry_1', changes: { question: 'Q?' }, score: null })), 'DatasetEntryEdited');
      expect(again.data.content).toMatchObject({ qualityScore: null, metadata: { model_quality_score: 0.9, edited_fields: ['question'] } });
    });

    it('feedback alone leaves the content, its score and its provenance as they were', () => {
      const s = ready();
      const before = s.state.entries.get('entry_2')!.content;
      const event = only(
        s.run(edit({ changes: {}, feedback: 'fine', score: { qualityScore: 0, qualityComponents: {} } })),
        'DatasetEntryEdited',
      );
      expect(event.data.content).toEqual(before);
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
      expect(error).toMatchObject({ expected: '1', actual: '2', code: 'CONFLICT' });
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
      expect(event.data).toEqual({
        feedbackId: 'fb-1',
        entryIds: ['entry_1', 'entry_3'],
        feedbackType: 'quality_issue',
        comments: 'meh',
        rating: 2,
        actor: 'bob',
        createdAt: NOW,
      });
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
    const regenerated = (
      entryId: string,
      question: string,
      jobId = 'regenerate_1',
    ): Extract<DatasetCommand, { type: 'RecordRegeneratedEntry' }> => ({
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
      expect(error).toMatchObject({ code: 'UNPROCESSABLE' });
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
      s.run({
        type: 'EditEntry',
        entryId: 'entry_1',
        changes: { answer: 'edited' },
        feedback: null,
        expectedVersion: 1,
        score: null,
        actor: 'a',
        now: NOW,
      });
      expect(s.state.version).toBe('1.0.1');
      const requested = only(s.run(request(['entry_1', 'entry_2'])), 'DatasetRegenerationRequested');
      expect(requested.data).toEqual({
        jobId: 'regenerate_1',
        entryIds: ['entry_1', 'entry_2'],
        config: regenerationConfig({ improve_quality: true }),
        requestedAt: NOW,
      });
      expect(s.state.jobs.get('regenerate_1')).toMatchObject({ kind: 'regeneration', finished: false, entryIds: ['entry_1', 'entry_2'] });

      const first = only(s.run(regenerated('entry_1', 'fresh one')), 'DatasetEntryRegenerated');
      expect(first.data).toMatchObject({ jobId: 'regenerate_1', entryId: 'entry_1', version: 3, content: { question: 'fresh one' } });
      expect(s.run(regenerated('entry_1', 'fresher'))).toEqual([]);
      expect(s.state.entries.get('entry_1')).toMatchObject({ version: 3, content: { question: 'fresh one' } });
      expect(only(s.run(regenerated('entry_2', 'fresh two')), 'DatasetEntryRegenerated').data.version).toBe(2);
      // Regeneration alone does not bump the dataset version; completing it does, once.
      expect(s.state.version).toBe('1.0.1');

      const completed = only(
        s.run({ type: 'CompleteRegeneration', jobId: 'regenerate_1', failed: [], kept: [], report: null, now: NOW }),
        'DatasetRegenerationCompleted',
      );
      expect(completed.data).toEqual({
        jobId: 'regenerate_1',
        regenerated: 2,
        failed: [],
        kept: [],
        datasetVersion: '1.0.2',
        completedAt: NOW,
      });
      expect(s.state.version).toBe('1.0.2');
      expect(s.run({ type: 'CompleteRegeneration', jobId: 'regenerate_1', failed: [], kept: [], report: null, now: NOW })).toEqual([]);
      expect(s.run(regenerated('entry_2', 'after completion'))).toEqual([]);
      expect(s.state.version).toBe('1.0.2');
    });

    it('CompleteRegeneration carries the failures the worker reports', () => {
      const s = ready();
      s.run(request(['entry_1', 'entry_2']));
      s.run(regenerated('entry_1', 'ok'));
      const completed = only(
        s.run({
          type: 'CompleteRegeneration',
          jobId: 'regenerate_1',
          failed: [{ entryId: 'entry_2', reason: 'model refused' }],
          kept: [],
          report: null,
          now: NOW,
        }),
        'DatasetRegenerationCompleted',
      );
      expect(completed.data).toMatchObject({ regenerated: 1, failed: [{ entryId: 'entry_2', reason: 'model refused' }] });
    });

    it('a regeneration whose every entry failed is DatasetRegenerationFailed: the job finishes, the version stays', () => {
      const s = ready();
      s.run(request(['entry_1', 'entry_2']));
      const failed = [
        { entryId: 'entry_1', reason: 'model refused' },
        { entryId: 'entry_2', reason: 'timeout' },
      ];
      const event = only(
        s.run({ type: 'CompleteRegeneration', jobId: 'regenerate_1', failed, kept: [], report: { x: 1 }, now: NOW }),
        'DatasetRegenerationFailed',
      );
      expect(event.data).toEqual({
        jobId: 'regenerate_1',
        error: 'every entry failed to regenerate (2 of 2); first: entry_1: model refused',
        failed,
        kept: [],
        failedAt: NOW,
      });
      expect(s.state.version).toBe('1.0.0');
      expect(s.state.jobs.get('regenerate_1')?.finished).toBe(true);
    });

    it('a regeneration that kept every entry on purpose completes without a new version, listing them under kept', () => {
      const s = ready();
      s.run(request(['entry_1']));
      const kept = [{ entryId: 'entry_1', reason: 'kept the current version: no candidate scored above its 0.9' }];
      const event = only(
        s.run({ type: 'CompleteRegeneration', jobId: 'regenerate_1', failed: [], kept, report: null, now: NOW }),
        'DatasetRegenerationCompleted',
      );
      expect(event.data).toMatchObject({ regenerated: 0, failed: [], kept, datasetVersion: '1.0.0' });
      expect(s.state.version).toBe('1.0.0');
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
      s.run({
        type: 'EditEntry',
        entryId: 'entry_3',
        changes: { category: 'Beta' },
        feedback: null,
        expectedVersion: 1,
        score: null,
        actor: 'a',
        now: NOW,
      });
      const events = s.events;
      for (let n = 0; n <= events.length; n++) {
        const state = fold(datasetDecider, events.slice(0, n));
        expect(state.status).toBe(n === 0 ? 'none' : n < 3 ? 'generating' : 'completed');
      }
      expect(fold(datasetDecider, events)).toEqual(s.state);
      expect(fold(datasetDecider, events.slice(0, 2)).entries.get('entry_3')?.content.category).toBe('Alpha');
    });
  });
});
