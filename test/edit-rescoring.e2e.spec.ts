import { generateDataset, projectWithDocuments } from './support/api-flow';
import { asBuffer, listEntries, type EntryView } from './support/e2e-http';
import { startTestApp, testBackends, type TestApp } from './support/test-app';

/** Issue 8: an edit is scored from its new content, loses the provenance of the text it replaced, and says who made it. */
describe.each(testBackends())('an edited entry on %s', (backend) => {
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
});
