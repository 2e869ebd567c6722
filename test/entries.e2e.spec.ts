import { generateDataset, projectWithDocuments } from './support/api-flow';
import {
  createTaxonomy,
  entryNumber,
  expectError,
  expectFieldErrors,
  expectNotFound,
  getDataset,
  listEntries,
  rawJson,
  type EntryView,
} from './support/e2e-http';
import { startTestApp, testBackends, type TestApp } from './support/test-app';

const DIFFICULTY_RANK: Readonly<Record<string, number>> = { beginner: 0, intermediate: 1, advanced: 2, expert: 3 };

/** Asserts `entries` are ordered by `key` and, on ties, by entry number. */
const expectSorted = (entries: readonly EntryView[], key: (e: EntryView) => number | string): void => {
  for (let i = 1; i < entries.length; i++) {
    const [a, b] = [key(entries[i - 1]), key(entries[i])];
    expect(a <= b).toBe(true);
    if (a === b) expect(entryNumber(entries[i - 1].id)).toBeLessThan(entryNumber(entries[i].id));
  }
};

describe.each(testBackends())('dataset and entries API on %s', (backend) => {
  let t: TestApp;
  let datasetId: string;
  let all: EntryView[];
  beforeAll(async () => {
    t = await startTestApp(backend);
    const projectId = await projectWithDocuments(t, 'diabetes.md', 'notes.txt');
    ({ datasetId } = await generateDataset(t, {
      project_id: projectId,
      datasets_per_chunk: 2,
      quality_threshold: 0,
      dataset_name: 'diabetes_qa',
    }));
    all = (await listEntries(t, datasetId, { sort_by: 'quality' })).entries;
  });
  afterAll(() => t.close());

  describe('GET /:dataset_id', () => {
    it('returns the dataset with entries and its quality summary, by UUID and by alias', async () => {
      const dataset = await getDataset(t, datasetId);
      expect(dataset).toMatchObject({
        id: datasetId,
        name: 'diabetes_qa',
        total_entries: all.length,
        format_type: 'jsonl',
        version: '1.0.0',
      });
      expect(dataset.entries.map((e) => e.id)).toEqual(all.map((e) => e.id));
      const scores = all.map((e) => e.quality_score!);
      expect(dataset.quality_summary.average_score).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 2);
      expect(dataset.quality_summary.distribution).toEqual({
        high: scores.filter((s) => s >= 0.8).length,
        medium: scores.filter((s) => s >= 0.6 && s < 0.8).length,
        low: scores.filter((s) => s < 0.6).length,
      });
      const categories: Record<string, number> = {};
      for (const e of all) categories[e.category] = (categories[e.category] ?? 0) + 1;
      expect(dataset.quality_summary.categories).toEqual(categories);
      expect((await t.http.get(`/api/v1/datasets/dataset_${datasetId}`).expect(200)).body.id).toBe(datasetId);
    });

    it('the quality summary and page totals follow a change to the entries (they are cached per dataset revision)', async () => {
      // Not one of entry_1 … entry_4, which the PUT tests below expect unedited.
      const entry = all.find((e) => entryNumber(e.id) > 4)!;
      const before = await getDataset(t, datasetId);
      const page = async () =>
        (await t.http.get(`/api/v1/datasets/${datasetId}/entries?status=accepted`).expect(200)).body as { total: number };
      const totalBefore = (await page()).total;
      await t.http.put(`/api/v1/datasets/${datasetId}/entries/${entry.id}`).send({ category: 'recategorized' }).expect(200);
      const after = await getDataset(t, datasetId);
      expect(after.quality_summary.categories.recategorized).toBe(1);
      expect(after.quality_summary.categories[entry.category] ?? 0).toBe(before.quality_summary.categories[entry.category] - 1);
      await t.http.put(`/api/v1/datasets/${datasetId}/entries/${entry.id}`).send({ category: entry.category }).expect(200);
      expect((await getDataset(t, datasetId)).quality_summary.categories).toEqual(before.quality_summary.categories);
      expect((await page()).total).toBe(totalBefore);
    });

    it('404 for an unknown dataset, bare or aliased', async () => {
      expectNotFound(
        await t.http.get('/api/v1/datasets/6a0c6c1e-0000-4000-8000-000000000000'),
        'dataset',
        '6a0c6c1e-0000-4000-8000-000000000000',
      );
      expectNotFound(
        await t.http.get('/api/v1/datasets/dataset_6a0c6c1e-0000-4000-8000-000000000000'),
        'dataset',
        'dataset_6a0c6c1e-0000-4000-8000-000000000000',
      );
    });
  });

  describe('GET /:dataset_id/entries', () => {
    it('pages with stable totals; pages partition the entries', async () => {
      expect(all.length).toBe(12);
      const pages = [];
      for (const page of [1, 2, 3]) pages.push(await listEntries(t, `dataset_${datasetId}`, { page, per_page: 5 }));
      expect(pages.map((p) => [p.page, p.per_page, p.total, p.entries.length])).toEqual([
        [1, 5, 12, 5],
        [2, 5, 12, 5],
        [3, 5, 12, 2],
      ]);
      expect(pages.flatMap((p) => p.entries.map((e) => e.id))).toEqual(all.map((e) => e.id));
      expect((await listEntries(t, datasetId, { page: 4, per_page: 5 })).entries).toEqual([]);
      expect((await listEntries(t, datasetId, { per_page: 1 })).entries).toHaveLength(1);
    });

    it('defaults to page 1 of 50, sorted by quality', async () => {
      const res = await t.http.get(`/api/v1/datasets/${datasetId}/entries`).expect(200);
      expect(res.body).toMatchObject({ page: 1, per_page: 50, total: 12 });
      expect(res.body.entries.map((e: EntryView) => e.id)).toEqual(all.map((e) => e.id));
    });

    it('sort_by quality: highest first, ties by entry number', async () => {
      expect(new Set(all.map((e) => e.quality_score)).size).toBeGreaterThan(1);
      expectSorted(all, (e) => -e.quality_score!);
    });

    it('sort_by difficulty: beginner to expert, ties by entry number', async () => {
      const { entries } = await listEntries(t, datasetId, { sort_by: 'difficulty' });
      expect(new Set(entries.map((e) => e.difficulty)).size).toBeGreaterThan(1);
      expectSorted(entries, (e) => DIFFICULTY_RANK[e.difficulty]);
      expect(entries).toHaveLength(all.length);
    });

    it('sort_by category: by name, ties by entry number', async () => {
      const { entries } = await listEntries(t, datasetId, { sort_by: 'category' });
      expect(new Set(entries.map((e) => e.category)).size).toBeGreaterThan(1);
      expectSorted(entries, (e) => e.category);
    });

    it('filter_quality keeps only entries at or above the score', async () => {
      const scores = all.map((e) => e.quality_score!);
      const threshold = Math.max(...scores);
      expect(Math.min(...scores)).toBeLessThan(threshold);
      const filtered = await listEntries(t, datasetId, { filter_quality: threshold });
      expect(filtered.total).toBe(scores.filter((s) => s >= threshold).length);
      expect(filtered.entries.map((e) => e.id)).toEqual(all.filter((e) => e.quality_score! >= threshold).map((e) => e.id));
    });

    it('400 names every bad query parameter', async () => {
      const res = await t.http
        .get(`/api/v1/datasets/${datasetId}/entries`)
        .query({ page: 0, per_page: 1001, sort_by: 'date', status: 'all', filter_quality: 1.5, color: 'x' });
      expectFieldErrors(res, ['page', 'per_page', 'sort_by', 'status', 'filter_quality', 'color']);
      expectFieldErrors(await t.http.get(`/api/v1/datasets/${datasetId}/entries`).query({ per_page: 0 }), ['per_page']);
      await t.http.get(`/api/v1/datasets/${datasetId}/entries`).query({ per_page: 1000 }).expect(200);
    });

    it('404 for an unknown dataset', async () => {
      expectNotFound(await t.http.get('/api/v1/datasets/nope/entries'), 'dataset', 'nope');
    });
  });

  describe('PUT /:dataset_id/entries/:entry_id', () => {
    const put = (entryId: string, body: Record<string, unknown>, ifMatch?: string) => {
      const req = t.http.put(`/api/v1/datasets/dataset_${datasetId}/entries/${entryId}`);
      return (ifMatch === undefined ? req : req.set('If-Match', ifMatch)).send(body);
    };
    const entry = async (id: string): Promise<EntryView> => (await listEntries(t, datasetId)).entries.find((e) => e.id === id)!;

    it('edits partially, returns the new version in body and ETag, and versions increment', async () => {
      const before = await entry('entry_1');
      expect(before.version).toBe(1);
      const first = await put('entry_1', {
        question: 'What are the most common symptoms of diabetes mellitus?',
        answer: 'Polydipsia, polyuria and unexplained weight loss.',
        category: 'Endocrinology',
        feedback: 'Improved medical terminology',
      }).expect(200);
      expect(first.body).toEqual({ message: 'Entry entry_1 updated successfully', version: 2 });
      expect(first.headers.etag).toBe('"2"');
      expect(await entry('entry_1')).toMatchObject({
        question: 'What are the most common symptoms of diabetes mellitus?',
        answer: 'Polydipsia, polyuria and unexplained weight loss.',
        category: 'Endocrinology',
        version: 2,
        source_chunk: before.source_chunk,
      });

      const second = await put('entry_1', { answer: 'Thirst and frequent urination.', expected_version: 2 }).expect(200);
      expect(second.headers.etag).toBe('"3"');
      const third = await put('entry_1', { category: 'Symptoms' }, '"3"').expect(200);
      expect(third.body).toEqual({ message: 'Entry entry_1 updated successfully', version: 4 });
      expect(await entry('entry_1')).toMatchObject({
        question: 'What are the most common symptoms of diabetes mellitus?',
        answer: 'Thirst and frequent urination.',
        category: 'Symptoms',
        version: 4,
      });
    });

    it('409 on a stale expected_version or If-Match, leaving the entry unchanged', async () => {
      await put('entry_2', { answer: 'First edit of entry two.' }).expect(200);
      const stale = expectError(await put('entry_2', { answer: 'Lost update', expected_version: 1 }), 409);
      expect(stale.message).toBe('entry entry_2 is at version 2, not 1');
      expectError(await put('entry_2', { answer: 'Lost update' }, 'W/"1"'), 409);
      expect(await entry('entry_2')).toMatchObject({ answer: 'First edit of entry two.', version: 2 });
    });

    it('409 for all but one of concurrent edits against the same version', async () => {
      const answers = [1, 2, 3].map((n) => `Concurrent answer ${n}`);
      const results = await Promise.all(answers.map((answer) => put('entry_3', { answer, expected_version: 1 })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const winner = answers[results.findIndex((r) => r.status === 200)];
      expect(await entry('entry_3')).toMatchObject({ version: 2, answer: winner });
    });

    it('400 names every bad field', async () => {
      expectFieldErrors(await put('entry_4', {}), ['(body)']);
      expectFieldErrors(await put('entry_4', { question: '  ', expected_version: 0, quality_score: 1 }), [
        'question',
        'expected_version',
        'quality_score',
      ]);
      expectFieldErrors(await put('entry_4', { answer: 'x' }, 'latest'), ['If-Match']);
      expectFieldErrors(await put('entry_4', { answer: 'x', expected_version: 1 }, '"2"'), ['expected_version']);
      expectError(await rawJson(t.http.put(`/api/v1/datasets/${datasetId}/entries/entry_4`), '{"answer":'), 400);
      expect((await entry('entry_4')).version).toBe(1);
    });

    it('404 for an unknown entry or dataset', async () => {
      expectNotFound(await put('entry_999', { answer: 'x' }), 'entry', 'entry_999');
      expectNotFound(await t.http.put('/api/v1/datasets/nope/entries/entry_1').send({ answer: 'x' }), 'dataset', 'nope');
    });
  });

  describe('PUT on a taxonomy-categorised dataset', () => {
    it('400 for a category outside the taxonomy; Other and taxonomy categories are accepted', async () => {
      const projectId = await projectWithDocuments(t, 'cardiology.md');
      await createTaxonomy(t, projectId, 'Edit terms', ['Heart', 'Vessels']);
      const { datasetId: taxonomyDataset } = await generateDataset(t, {
        project_id: projectId,
        datasets_per_chunk: 1,
        taxonomy_name: 'Edit terms',
        quality_threshold: 0,
      });
      const url = `/api/v1/datasets/${taxonomyDataset}/entries/entry_1`;
      expectFieldErrors(await t.http.put(url).send({ category: 'Neurology' }), ['category']);
      await t.http.put(url).send({ category: 'Vessels' }).expect(200);
      await t.http.put(url).send({ category: 'Other' }).expect(200);
    });
  });
});
