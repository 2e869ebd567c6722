import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startFakeGemini, type FakeServer } from '../libs/generation/src/providers/testing';
import { generateDataset, projectWithDocuments } from './support/api-flow';
import { expectFieldErrors, getDataset } from './support/e2e-http';
import { startTestApp, testBackends, type TestApp } from './support/test-app';

const ITEM = {
  question: 'How is diabetes diagnosed?',
  answer: 'Diabetes is diagnosed by testing the level of glucose in the blood.',
  category: 'Diagnosis',
  difficulty: 'beginner',
};

/** Issue 8: every documented field of POST /generate does something, or is refused. */
describe.each(testBackends())('generation fields that do something, on %s', (backend) => {
  let gemini: FakeServer;
  let t: TestApp;
  let projectId: string;
  beforeAll(async () => {
    // A recording model server: every prompt the service sends is in gemini.requests.
    gemini = await startFakeGemini({ kind: 'complete', text: JSON.stringify({ items: [ITEM] }) });
    t = await startTestApp(backend, { GEMINI_API_KEY: 'k', GEMINI_BASE_URL: gemini.url });
    projectId = await projectWithDocuments(t, 'diabetes.md');
  });
  afterAll(async () => {
    await t?.close();
    await gemini?.close();
  });

  const exports = (...path: string[]) => join(t.config.DATA_DIR, 'exports', ...path);
  const lines = async (path: string): Promise<{ id: string; split: string | null }[]> =>
    (await readFile(path, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; split: string | null });

  describe('output_dir', () => {
    it('names a folder under DATA_DIR/exports/ where the finished dataset is written', async () => {
      const { datasetId } = await generateDataset(t, { project_id: projectId, dataset_name: 'med_qa', output_dir: 'runs/medical' });
      const dataset = await getDataset(t, datasetId);
      expect(await readdir(exports('runs', 'medical'))).toEqual(['med_qa_v1.0.0.jsonl']);
      const rows = await lines(exports('runs', 'medical', 'med_qa_v1.0.0.jsonl'));
      expect(rows).toHaveLength(dataset.total_entries);
      expect(rows[0].id).toBe('entry_1');
    });

    it('with splits: one file per split and a manifest; "." is the exports folder itself', async () => {
      const { datasetId } = await generateDataset(t, {
        project_id: projectId,
        dataset_name: 'med_eval',
        output_dir: '.',
        include_evaluation_sets: true,
      });
      const dataset = await getDataset(t, datasetId);
      const files = (await readdir(exports())).filter((f) => f.startsWith('med_eval'));
      expect(files.sort()).toEqual(['med_eval_v1.0.0_test.jsonl', 'med_eval_v1.0.0_train.jsonl', 'med_eval_v1.0.0_validation.jsonl']);
      expect(await readdir(exports())).toContain('manifest.json');
      let total = 0;
      for (const split of ['train', 'validation', 'test']) {
        const rows = await lines(exports(`med_eval_v1.0.0_${split}.jsonl`));
        rows.forEach((r) => expect(r.split).toBe(split));
        total += rows.length;
      }
      expect(total).toBe(dataset.total_entries);
      const manifest = JSON.parse(await readFile(exports('manifest.json'), 'utf8')) as Record<string, unknown>;
      expect(manifest).toMatchObject({ dataset_id: datasetId, name: 'med_eval', version: '1.0.0', format: 'jsonl' });
    });

    it.each([['../../etc'], ['/etc'], ['a/../../b'], ['C:/Windows'], ['bad\u0000dir']])(
      '%p is a 400 naming output_dir, and nothing is written',
      async (dir) => {
        const before = (await t.http.get(`/api/v1/projects/${projectId}`).expect(200)).body.dataset_count;
        expectFieldErrors(
          await t.http
            .post('/api/v1/datasets/generate')
            .send({ project_id: projectId, classification_model: 'extractive', output_dir: dir }),
          ['output_dir'],
        );
        expect((await t.http.get(`/api/v1/projects/${projectId}`).expect(200)).body.dataset_count).toBe(before);
      },
    );
  });

  describe('extraction_rules', () => {
    const promptsSince = (from: number): string[] => gemini.requests.slice(from).map((r) => r.rawBody);

    it('reaches the prompt, inline or saved with the project parameters', async () => {
      let from = gemini.requests.length;
      await generateDataset(t, { project_id: projectId, classification_model: 'gemini', extraction_rules: 'only dosage and side effects' });
      expect(promptsSince(from).length).toBeGreaterThan(0);
      for (const body of promptsSince(from))
        expect(body).toContain('Extraction rules (follow them when choosing what to write about and how): only dosage and side effects');

      await t.http
        .post('/api/v1/datasets/parameters')
        .send({ project_id: projectId, purpose: 'p', audience: 'a', dataset_format: 'jsonl', extraction_rules: 'clinical guidelines only' })
        .expect(200);
      from = gemini.requests.length;
      await generateDataset(t, { project_id: projectId, classification_model: 'gemini' });
      for (const body of promptsSince(from)) expect(body).toContain('clinical guidelines only');
    });
  });

  describe('parsing_model and chunking_model', () => {
    it('what really parsed and chunked each document is recorded and shown on the document and its chunks', async () => {
      const project = (await t.http.post('/api/v1/projects').send({ name: 'kinds' }).expect(201)).body.id as string;
      const upload = async (file_name: string, content: string) =>
        (await t.http.post('/api/v1/documents').send({ project_id: project, file_name, content }).expect(201)).body.documents[0];
      expect(await upload('a.md', '# Title\n\nInsulin lowers blood glucose.')).toMatchObject({
        parsed_by: 'markdown',
        chunked_by: 'markdown-headings',
      });
      expect(await upload('b.txt', 'Insulin lowers blood glucose.')).toMatchObject({
        parsed_by: 'text',
        chunked_by: 'paragraphs-sentences',
      });
      const html = await upload('c.html', '<h1>Title</h1><p>Insulin lowers blood glucose.</p>');
      expect(html).toMatchObject({ parsed_by: 'node-html-parser+turndown', chunked_by: 'markdown-headings' });
      expect((await t.http.get(`/api/v1/documents/${html.id as string}`).expect(200)).body).toMatchObject({ parsed_by: html.parsed_by });
      const chunks = (await t.http.get(`/api/v1/chunks/document/${html.id as string}`).expect(200)).body.chunks as Record<
        string,
        unknown
      >[];
      expect(chunks[0]).toMatchObject({ parsed_by: 'node-html-parser+turndown', chunked_by: 'markdown-headings' });
    });

    it('an unknown name is a 400 naming the field; a known model or builtin is recorded, the contract default gemini', async () => {
      const generate = (body: Record<string, unknown>) =>
        t.http.post('/api/v1/datasets/generate').send({ project_id: projectId, classification_model: 'extractive', ...body });
      const [parsing] = expectFieldErrors(await generate({ parsing_model: 'gpt-parser' }), ['parsing_model']);
      expect(parsing.message).toContain('builtin');
      expectFieldErrors(await generate({ parsing_model: 'llama', chunking_model: 'x' }), ['parsing_model', 'chunking_model']);
      const defaults = await generateDataset(t, { project_id: projectId });
      expect((await getDataset(t, defaults.datasetId)).config).toMatchObject({ parsing_model: 'gemini', chunking_model: 'gemini' });
      const { datasetId } = await generateDataset(t, {
        project_id: projectId,
        parsing_model: 'builtin',
        chunking_model: 'gemini-2.5-flash',
      });
      expect((await getDataset(t, datasetId)).config).toMatchObject({ parsing_model: 'builtin', chunking_model: 'gemini-2.5-flash' });
    });
  });
});
