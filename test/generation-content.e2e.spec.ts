import { generateDataset, projectWithDocuments } from './support/api-flow';
import { asBuffer, createTaxonomy, entryNumber, expectNotFound, getDataset, listEntries, type EntryView } from './support/e2e-http';
import { startTestApp, testBackends, type TestApp } from './support/test-app';

const CARDIOLOGY_CHUNKS = 4;

describe.each(testBackends())('what generation produces on %s', (backend) => {
  let t: TestApp;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp(backend);
    projectId = await projectWithDocuments(t, 'cardiology.md');
  });
  afterAll(() => t.close());

  const allEntries = async (datasetId: string): Promise<EntryView[]> => [
    ...(await listEntries(t, datasetId)).entries,
    ...(await listEntries(t, datasetId, { status: 'rejected' })).entries,
  ];

  describe('generation modes', () => {
    it('default: question and answer, with the documented entry fields', async () => {
      const { datasetId } = await generateDataset(t, { project_id: projectId, datasets_per_chunk: 1 });
      const { entries } = await listEntries(t, datasetId);
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries) {
        expect(e).toMatchObject({
          id: expect.stringMatching(/^entry_\d+$/),
          category: expect.any(String),
          source_chunk: expect.any(String),
          version: 1,
        });
        expect(e.question).toMatch(/\?$/);
        expect(e.answer?.length).toBeGreaterThan(10);
        expect(['beginner', 'intermediate', 'advanced', 'expert']).toContain(e.difficulty);
        expect(e.quality_score).toBeGreaterThanOrEqual(0.7);
        expect(e.quality_score).toBeLessThanOrEqual(1);
        expect(e.metadata).toMatchObject({
          model: 'extractive',
          mode: 'default',
          prompt_name: 'qa_pairs',
          chunk_length: expect.any(Number),
          generation_time: expect.any(String),
        });
      }
    });

    it('question: questions only, answer null', async () => {
      const { datasetId } = await generateDataset(t, { project_id: projectId, datasets_per_chunk: 2, generation_mode: 'question' });
      const { entries } = await listEntries(t, datasetId);
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries) {
        expect(e.question).toMatch(/\?$/);
        expect(e.answer).toBeNull();
        expect(e.metadata.mode).toBe('question');
      }
    });

    it('summarization: an instruction, a summary and key points', async () => {
      const { datasetId } = await generateDataset(t, { project_id: projectId, datasets_per_chunk: 1, generation_mode: 'summarization' });
      const { entries } = await listEntries(t, datasetId);
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries) {
        expect(e.question?.length).toBeGreaterThan(0);
        expect(e.answer?.length).toBeGreaterThan(0);
        expect(e.metadata.mode).toBe('summarization');
        expect(Array.isArray(e.metadata.key_points)).toBe(true);
        expect((e.metadata.key_points as string[]).length).toBeGreaterThan(0);
      }
    });

    it.each(['instruction', 'instruction following'])('%s: instruction, input and output fields', async (mode) => {
      const { datasetId } = await generateDataset(t, { project_id: projectId, datasets_per_chunk: 1, generation_mode: mode });
      expect((await getDataset(t, datasetId)).config.generation_mode).toBe('instruction');
      const { entries } = await listEntries(t, datasetId);
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries) {
        expect(e.instruction?.length).toBeGreaterThan(0);
        expect(e.input?.length).toBeGreaterThan(0);
        expect(e.output?.length).toBeGreaterThan(0);
        expect(e.metadata.mode).toBe('instruction');
      }
    });

    it('answer: long-form answers', async () => {
      const { datasetId } = await generateDataset(t, { project_id: projectId, datasets_per_chunk: 1, generation_mode: 'answer' });
      const { entries } = await listEntries(t, datasetId);
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries) {
        expect(e.metadata.mode).toBe('answer');
        expect(e.answer?.length).toBeGreaterThan(0);
      }
    });
  });

  it.each([1, 3])('datasets_per_chunk %i: that many items per chunk, accepted or rejected', async (perChunk) => {
    const { datasetId, job } = await generateDataset(t, { project_id: projectId, datasets_per_chunk: perChunk, quality_threshold: 0 });
    const entries = await allEntries(datasetId);
    expect(entries).toHaveLength(CARDIOLOGY_CHUNKS * perChunk);
    const perSource = new Map<string, number>();
    for (const e of entries) perSource.set(e.source_chunk, (perSource.get(e.source_chunk) ?? 0) + 1);
    expect([...perSource.values()]).toEqual(Array(CARDIOLOGY_CHUNKS).fill(perChunk));
    expect(Number(job.result!.entries_count) + Number(job.result!.rejected_count)).toBe(CARDIOLOGY_CHUNKS * perChunk);
  });

  describe('quality_threshold', () => {
    it('1.0 rejects most entries: listable with their reason, left out of totals and download', async () => {
      const { datasetId, job } = await generateDataset(t, { project_id: projectId, datasets_per_chunk: 2, quality_threshold: 1 });
      const accepted = await listEntries(t, datasetId);
      const rejected = await listEntries(t, datasetId, { status: 'rejected' });
      const dataset = await getDataset(t, datasetId);

      expect(rejected.total).toBeGreaterThan(accepted.total);
      expect(job.result).toMatchObject({ entries_count: accepted.total, rejected_count: rejected.total });
      expect(dataset).toMatchObject({ total_entries: accepted.total, rejected_count: rejected.total });
      const { high, medium, low } = dataset.quality_summary.distribution;
      expect(high + medium + low).toBe(accepted.total);

      for (const e of accepted.entries) expect(e.quality_score).toBe(1);
      for (const e of rejected.entries) {
        expect(e.status).toBe('rejected');
        expect(e.rejection).toMatchObject({ reason: 'below_threshold', threshold: 1, score: e.quality_score });
        expect(e.quality_score).toBeLessThan(1);
      }
      const ids = [...accepted.entries, ...rejected.entries].map((e) => entryNumber(e.id)).sort((a, b) => a - b);
      expect(ids).toEqual(Array.from({ length: CARDIOLOGY_CHUNKS * 2 }, (_, i) => i + 1));

      const download = await asBuffer(t.http.get(`/api/v1/datasets/${datasetId}/download`)).expect(200);
      const lines = (download.body as Buffer).toString('utf8').trim().split('\n').filter(Boolean);
      const downloaded = lines.map((l) => (JSON.parse(l) as { id: string }).id);
      expect(downloaded.sort()).toEqual(accepted.entries.map((e) => e.id).sort());
    });

    it('0 keeps every entry that is not a duplicate', async () => {
      const { job } = await generateDataset(t, { project_id: projectId, datasets_per_chunk: 1, quality_threshold: 0 });
      expect(job.result).toMatchObject({ entries_count: CARDIOLOGY_CHUNKS, rejected_count: 0 });
    });
  });

  describe('taxonomy', () => {
    const categories = ['Heart', 'Vessels', 'Arteries'];

    it('without one, categories come from the chunk headings', async () => {
      const { datasetId } = await generateDataset(t, { project_id: projectId, datasets_per_chunk: 1 });
      const { quality_summary } = await getDataset(t, datasetId);
      expect(Object.keys(quality_summary.categories)).toEqual(expect.arrayContaining(['Hypertension']));
    });

    it('a named taxonomy puts only its categories or Other into entries', async () => {
      await createTaxonomy(t, projectId, 'Cardio terms', categories);
      const { datasetId } = await generateDataset(t, {
        project_id: projectId,
        datasets_per_chunk: 2,
        taxonomy_name: 'Cardio terms',
        quality_threshold: 0,
      });
      const entries = await allEntries(datasetId);
      expect(entries.length).toBe(CARDIOLOGY_CHUNKS * 2);
      for (const e of entries) expect([...categories, 'Other']).toContain(e.category);
      const { quality_summary } = await getDataset(t, datasetId);
      for (const name of Object.keys(quality_summary.categories)) expect([...categories, 'Other']).toContain(name);
    });

    it('taxonomy_project names a taxonomy in another project', async () => {
      const owner = await projectWithDocuments(t);
      await createTaxonomy(t, owner, 'Borrowed', ['Rhythm', 'Pressure']);
      expectNotFound(
        await t.http
          .post('/api/v1/datasets/generate')
          .send({ project_id: projectId, classification_model: 'extractive', taxonomy_name: 'Borrowed' }),
        'taxonomy',
        'Borrowed',
      );
      const { datasetId } = await generateDataset(t, {
        project_id: projectId,
        datasets_per_chunk: 1,
        taxonomy_project: owner,
        taxonomy_name: 'Borrowed',
        quality_threshold: 0,
      });
      for (const e of await allEntries(datasetId)) expect(['Rhythm', 'Pressure', 'Other']).toContain(e.category);
    });
  });
});
