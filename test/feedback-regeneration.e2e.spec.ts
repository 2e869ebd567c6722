import { generateDataset, projectWithDocuments, waitForJob } from './support/api-flow';
import { expectError, expectFieldErrors, expectNotFound, listEntries, UUID, type EntryView } from './support/e2e-http';
import { startTestApp, testBackends, type TestApp } from './support/test-app';

describe.each(testBackends())('feedback and regeneration API on %s', (backend) => {
  let t: TestApp;
  let datasetId: string;
  beforeAll(async () => {
    t = await startTestApp(backend);
    const projectId = await projectWithDocuments(t, 'cardiology.md');
    ({ datasetId } = await generateDataset(t, { project_id: projectId, datasets_per_chunk: 2, quality_threshold: 0 }));
  });
  afterAll(() => t.close());

  const byId = async (): Promise<Map<string, EntryView>> => new Map((await listEntries(t, datasetId)).entries.map((e) => [e.id, e]));

  describe('POST /:dataset_id/feedback', () => {
    const feedback = (body: Record<string, unknown>, id = datasetId) => t.http.post(`/api/v1/datasets/${id}/feedback`).send(body);

    it('accepts feedback for several entries without touching model scores', async () => {
      const before = await byId();
      const res = await feedback({
        entry_ids: ['entry_1', 'entry_2', 'entry_3'],
        feedback_type: 'bulk_edit',
        comments: 'Improved medical accuracy',
        rating: 1,
      }).expect(200);
      expect(res.body).toEqual({ message: 'Feedback submitted for 3 entries' });
      const after = await byId();
      for (const id of ['entry_1', 'entry_2', 'entry_3']) {
        expect(after.get(id)!.quality_score).toBe(before.get(id)!.quality_score);
        expect(after.get(id)!.version).toBe(before.get(id)!.version);
      }
    });

    it('defaults feedback_type, counts each entry once, and works through the alias', async () => {
      const res = await t.http
        .post(`/api/v1/datasets/dataset_${datasetId}/feedback`)
        .send({ entry_ids: ['entry_4', 'entry_4', 'entry_5'] })
        .expect(200);
      expect(res.body).toEqual({ message: 'Feedback submitted for 2 entries' });
    });

    it('400 names every bad field', async () => {
      expectFieldErrors(await feedback({}), ['entry_ids']);
      expectFieldErrors(await feedback({ entry_ids: [] }), ['entry_ids']);
      expectFieldErrors(await feedback({ entry_ids: ['entry_1', 'first'], feedback_type: 'praise', rating: 6, mood: 'happy' }), [
        'entry_ids.1',
        'feedback_type',
        'rating',
        'mood',
      ]);
      expectFieldErrors(await feedback({ entry_ids: ['entry_1'], rating: 0 }), ['rating']);
    });

    it('404 names exactly the missing entries', async () => {
      expectNotFound(await feedback({ entry_ids: ['entry_1', 'entry_998', 'entry_2', 'entry_999'] }), 'entry', ['entry_998', 'entry_999']);
    });

    it('404 for an unknown dataset', async () => {
      expectNotFound(await feedback({ entry_ids: ['entry_1'] }, 'nope'), 'dataset', 'nope');
    });
  });

  describe('POST /:dataset_id/regenerate', () => {
    const regenerate = (body: Record<string, unknown>, id = datasetId) => t.http.post(`/api/v1/datasets/${id}/regenerate`).send(body);

    it('runs a regenerate_ job that replaces the entries as new revisions', async () => {
      const targets = ['entry_1', 'entry_5', 'entry_7'];
      const before = await byId();
      const res = await regenerate({
        entry_ids: targets,
        regeneration_config: { model: 'extractive', temperature: 0.7, max_tokens: 500, improve_quality: false },
      }).expect(200);
      expect(res.body).toEqual({
        job_id: expect.stringMatching(new RegExp(`^regenerate_${UUID.source.slice(1, -1)}$`)),
        message: 'Regeneration started for 3 entries',
      });

      const job = await waitForJob(t, res.body.job_id);
      expect(job).toMatchObject({
        job_id: res.body.job_id,
        status: 'completed',
        progress: 100,
        error: null,
        result: { dataset_id: datasetId, entries_regenerated: 3 },
      });

      const after = await byId();
      for (const id of targets) {
        const [old, now] = [before.get(id)!, after.get(id)!];
        expect(now.version).toBe(old.version + 1);
        expect(now.source_chunk).toBe(old.source_chunk);
        expect([now.question, now.answer]).not.toEqual([old.question, old.answer]);
        expect(now.quality_score).toEqual(expect.any(Number));
      }
      for (const [id, old] of before) if (!targets.includes(id)) expect(after.get(id)).toEqual(old);
    });

    it('with improve_quality, replaces an entry only by a candidate scoring at least as well', async () => {
      const targets = ['entry_2', 'entry_3', 'entry_4'];
      const before = await byId();
      const res = await regenerate({ entry_ids: targets, regeneration_config: { improve_quality: true } }).expect(200);
      const job = await waitForJob(t, res.body.job_id);
      expect(job.status).toBe('completed');
      const result = job.result as { failed: { entryId: string; reason: string }[]; kept?: { entryId: string; reason: string }[] };
      const kept = new Map((result.kept ?? []).map((f) => [f.entryId, f.reason]));
      // An entry kept on purpose is not a failure.
      expect(result.failed).toEqual([]);
      const after = await byId();
      for (const id of targets) {
        const [old, now] = [before.get(id)!, after.get(id)!];
        if (kept.has(id)) {
          expect(kept.get(id)).toContain('kept the current version');
          expect(now).toEqual(old);
        } else {
          expect(now.version).toBe(old.version + 1);
          expect(now.quality_score!).toBeGreaterThanOrEqual(old.quality_score!);
        }
      }
      expect((job.result as { entries_regenerated: number }).entries_regenerated).toBe(targets.length - kept.size);
    });

    it('400 names every bad field', async () => {
      expectFieldErrors(await regenerate({ entry_ids: ['entry_1'] }), ['regeneration_config']);
      expectFieldErrors(await regenerate({ entry_ids: [], regeneration_config: { temperature: 3, max_tokens: 0, top_p: 1 } }), [
        'entry_ids',
        'regeneration_config.temperature',
        'regeneration_config.max_tokens',
        'regeneration_config.top_p',
      ]);
      expectFieldErrors(await regenerate({ entry_ids: ['entry_1'], regeneration_config: { model: 'gpt-4' } }), [
        'regeneration_config.model',
      ]);
    });

    it('404 names the missing entries; 404 for an unknown dataset', async () => {
      expectNotFound(await regenerate({ entry_ids: ['entry_2', 'entry_404'], regeneration_config: {} }), 'entry', ['entry_404']);
      expectNotFound(await regenerate({ entry_ids: ['entry_1'], regeneration_config: {} }, 'nope'), 'dataset', 'nope');
    });

    it('422 for a model the server cannot serve', async () => {
      const body = expectError(await regenerate({ entry_ids: ['entry_1'], regeneration_config: { model: 'gemini-2.5-flash' } }), 422);
      expect(body.message).toContain('GEMINI_API_KEY');
    });
  });
});
