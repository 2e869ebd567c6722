import { generateDataset, projectWithDocuments, waitForJob } from './support/api-flow';
import { listEntries } from './support/e2e-http';
import { startTestApp, type TestApp } from './support/test-app';

/** Issue 8: the offline model's entries on a software README score ≥ 0.7, and its prompt fields show on the entries. */
describe('the offline model end to end', () => {
  let t: TestApp;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    projectId = await projectWithDocuments(t, 'logger-docs.md');
  });
  afterAll(() => t.close());

  it('keeps grammatical prose entries of a README with code blocks, and rejects none', async () => {
    const { datasetId, job } = await generateDataset(t, { project_id: projectId, classification_model: 'extractive' });
    expect(job.status).toBe('completed');
    const { entries } = await listEntries(t, datasetId);
    const rejected = await listEntries(t, datasetId, { status: 'rejected' });
    expect(entries.length).toBeGreaterThan(10);
    expect(rejected.entries.filter((e) => e.rejection?.reason === 'below_threshold')).toEqual([]);
    for (const e of entries) {
      expect(e.quality_score).toBeGreaterThanOrEqual(0.7);
      expect(e.answer).not.toMatch(/```|:$/);
      expect(e.metadata.quality_components).toMatchObject({ question_grammar: 1, answer_completeness: 1 });
    }
  });

  it('records the prompt fields it used and ignored, and never claims a custom prompt', async () => {
    const { datasetId } = await generateDataset(t, {
      project_id: projectId,
      classification_model: 'extractive',
      custom_prompt: 'Write exam questions for {audience}. {chunk}',
      answer_style: 'concise',
      complexity_level: 'advanced',
      audience: 'SRE team',
      quality_threshold: 0,
    });
    const { entries } = await listEntries(t, datasetId);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.metadata).toMatchObject({
        prompt_name: 'qa_pairs',
        prompt_fields_used: expect.arrayContaining(['answer_style', 'complexity_level']),
        prompt_fields_ignored: expect.arrayContaining(['audience', 'custom_prompt']),
      });
      expect(e.metadata.source_sentences).toHaveLength(1);
    }
  });

  it('caps a regenerated answer by max_tokens', async () => {
    const { datasetId } = await generateDataset(t, { project_id: projectId, classification_model: 'extractive', quality_threshold: 0 });
    const regen = await t.http
      .post(`/api/v1/datasets/${datasetId}/regenerate`)
      .send({ entry_ids: ['entry_1', 'entry_2'], regeneration_config: { model: 'extractive', max_tokens: 40, temperature: 0.8 } })
      .expect(200);
    expect((await waitForJob(t, regen.body.job_id)).status).toBe('completed');
    const { entries } = await listEntries(t, datasetId);
    for (const id of ['entry_1', 'entry_2']) {
      const e = entries.find((x) => x.id === id);
      expect(e?.metadata.prompt_fields_used).toEqual(expect.arrayContaining(['max_tokens', 'temperature']));
      expect(Math.ceil((e?.answer ?? '').length / 4)).toBeLessThanOrEqual(40);
    }
  });
});
