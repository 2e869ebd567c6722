import { generateDataset, projectWithDocuments } from './support/api-flow';
import { asBuffer, expectFieldErrors, expectNotFound, listEntries, type EntryView } from './support/e2e-http';
import { startTestApp, testBackends, type TestApp } from './support/test-app';

/**
 * Issue 8: an edit is scored from its new content, loses the provenance of the text it replaced, and says who
 * made it; feedback (comments, ratings, types, edit notes) is readable on the entry and in `GET /{id}/feedback`.
 */
describe.each(testBackends())('review outcomes on %s', (backend) => {
  let t: TestApp;
  let datasetId: string;
  beforeAll(async () => {
    t = await startTestApp(backend);
    const projectId = await projectWithDocuments(t, 'diabetes.md');
    ({ datasetId } = await generateDataset(t, { project_id: projectId, datasets_per_chunk: 2, quality_threshold: 0 }));
  });
  afterAll(() => t.close());

  const entry = async (id: string): Promise<EntryView> => (await listEntries(t, datasetId)).entries.find((e) => e.id === id)!;
  const put = (id: string, body: Record<string, unknown>) =>
    t.http.put(`/api/v1/datasets/${datasetId}/entries/${id}`).set('X-Actor', 'reviewer-ann').send(body);

  it('is re-scored from the edited text, in the API and in the download', async () => {
    const before = await entry('entry_1');
    expect(before.metadata.source_sentences).toEqual(expect.any(Array));
    await put('entry_1', { answer: 'A corrected answer.' }).expect(200);
    const after = await entry('entry_1');
    const components = after.metadata.quality_components as Record<string, number>;
    expect(after.quality_score).not.toBe(before.quality_score);
    expect(after.quality_score).toBeLessThan(before.quality_score!);
    // "corrected" and "answer" are not words of the chunk: the new text is not grounded in it.
    expect(components.grounding).toBeLessThan(1);
    expect(after.metadata).toMatchObject({
      edited_by: 'reviewer-ann',
      edited_at: expect.any(String),
      edited_fields: ['answer'],
      model_quality_score: before.quality_score,
    });
    for (const key of ['source_sentences', 'sentence_indexes', 'char_offsets']) expect(after.metadata).not.toHaveProperty(key);

    const file = (await asBuffer(t.http.get(`/api/v1/datasets/${datasetId}/download`)).expect(200)).body as Buffer;
    const row = file
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id: string; quality_score: number; metadata: Record<string, unknown> })
      .find((r) => r.id === 'entry_1')!;
    expect(row.quality_score).toBe(after.quality_score);
    expect(row.metadata).toMatchObject({ edited_by: 'reviewer-ann' });
    expect(row.metadata).not.toHaveProperty('source_sentences');
  });

  it('a grounded rewrite scores as well as grounded text does; a category edit keeps the text provenance', async () => {
    const before = await entry('entry_2');
    await put('entry_2', { category: 'Reviewed' }).expect(200);
    const recategorised = await entry('entry_2');
    expect(recategorised.metadata.source_sentences).toEqual(before.metadata.source_sentences);
    expect(recategorised.metadata).toMatchObject({ edited_by: 'reviewer-ann', edited_fields: ['category'] });
    await put('entry_2', { answer: before.answer }).expect(200);
    expect((await entry('entry_2')).quality_score).toBeGreaterThan((await entry('entry_1')).quality_score!);
  });

  it('feedback alone changes neither the score nor the provenance', async () => {
    const before = await entry('entry_3');
    await put('entry_3', { feedback: 'looks right' }).expect(200);
    const after = await entry('entry_3');
    expect(after.quality_score).toBe(before.quality_score);
    expect(after.metadata.source_sentences).toEqual(before.metadata.source_sentences);
    expect(after.metadata).not.toHaveProperty('edited_by');
  });

  describe('feedback', () => {
    const send = (body: Record<string, unknown>) =>
      t.http.post(`/api/v1/datasets/${datasetId}/feedback`).set('X-Actor', 'rater-bo').send(body).expect(200);

    it('is returned on each entry and by GET /{id}/feedback, with per-entry rating aggregates', async () => {
      await send({ entry_ids: ['entry_4', 'entry_5'], feedback_type: 'quality_issue', comments: 'vague', rating: 2 });
      await send({ entry_ids: ['entry_4'], feedback_type: 'content_error', rating: 5 });
      await send({ entry_ids: ['entry_4'], comments: 'no rating here' });
      await put('entry_5', { answer: 'Tightened.', feedback: 'tightened wording' }).expect(200);

      const four = await entry('entry_4');
      expect(four.ratings).toEqual({ feedback_count: 3, rating_count: 2, rating_mean: 3.5 });
      expect(four.feedback).toEqual([
        expect.objectContaining({ feedback_type: 'quality_issue', comments: 'vague', rating: 2, actor: 'rater-bo' }),
        expect.objectContaining({ feedback_type: 'content_error', comments: null, rating: 5 }),
        expect.objectContaining({ feedback_type: 'bulk_edit', comments: 'no rating here', rating: null }),
      ]);
      const five = await entry('entry_5');
      expect(five.ratings).toEqual({ feedback_count: 2, rating_count: 1, rating_mean: 2 });
      expect(five.feedback.map((f) => [f.feedback_type, f.comments])).toEqual([
        ['quality_issue', 'vague'],
        ['edit', 'tightened wording'],
      ]);
      expect((await entry('entry_6')).ratings).toEqual({ feedback_count: 0, rating_count: 0, rating_mean: null });
      const inline = (await t.http.get(`/api/v1/datasets/${datasetId}`).expect(200)).body as { entries: EntryView[] };
      expect(inline.entries.find((e) => e.id === 'entry_4')?.ratings).toEqual(four.ratings);

      const all = await t.http.get(`/api/v1/datasets/dataset_${datasetId}/feedback`).expect(200);
      // entry_3 holds the edit note of the test above.
      expect(all.body).toMatchObject({ dataset_id: datasetId, total: 6, page: 1, per_page: 100 });
      expect(all.body.entries).toMatchObject({ entry_4: four.ratings, entry_5: five.ratings });
      expect(all.body.feedback.map((f: { entry_id: string }) => f.entry_id)).toEqual([
        'entry_3',
        'entry_4',
        'entry_4',
        'entry_4',
        'entry_5',
        'entry_5',
      ]);
      const one = await t.http.get(`/api/v1/datasets/${datasetId}/feedback?entry_id=entry_5&per_page=1&page=2`).expect(200);
      expect(one.body).toMatchObject({ total: 2, entries: { entry_5: five.ratings } });
      expect(one.body.feedback).toEqual([expect.objectContaining({ entry_id: 'entry_5', feedback_type: 'edit', actor: 'reviewer-ann' })]);
    });

    it('GET /{id}/feedback: 400 names a bad query field, 404 an unknown dataset', async () => {
      expectFieldErrors(await t.http.get(`/api/v1/datasets/${datasetId}/feedback?entry_id=first&per_page=0`), ['entry_id', 'per_page']);
      expectNotFound(await t.http.get('/api/v1/datasets/nope/feedback'), 'dataset', 'nope');
    });
  });
});
