import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset, projectWithDocuments } from './support/api-flow';
import { asBuffer, attachmentName } from './support/e2e-http';
import { startTestApp, type TestApp } from './support/test-app';

const lines = (body: Buffer): Record<string, unknown>[] =>
  body
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('download formats', () => {
  let t: TestApp;
  let datasetId: string;
  let total: number;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    const projectId = await projectWithDocuments(t, 'diabetes.md');
    ({ datasetId } = await generateDataset(t, { project_id: projectId, dataset_name: 'fmt', quality_threshold: 0 }));
    total = (await t.http.get(`/api/v1/datasets/${datasetId}`).expect(200)).body.total_entries;
  });
  afterAll(() => t.close());

  const download = (query: string) => asBuffer(t.http.get(`/api/v1/datasets/${datasetId}/download${query}`));

  it('alpaca: instruction, input, output per line', async () => {
    const res = await download('?format=alpaca').expect(200);
    expect(attachmentName(res)).toBe('fmt_alpaca_v1.0.0.jsonl');
    const rows = lines(res.body as Buffer);
    expect(rows).toHaveLength(total);
    expect(Object.keys(rows[0]).sort()).toEqual(['input', 'instruction', 'output']);
    expect(rows[0].instruction).toEqual(expect.stringMatching(/\?$/));
  });

  it('sharegpt: a human turn then a gpt turn', async () => {
    const rows = lines((await download('?format=sharegpt').expect(200)).body as Buffer);
    expect(rows).toHaveLength(total);
    expect((rows[0].conversations as { from: string }[]).map((c) => c.from)).toEqual(['human', 'gpt']);
  });

  it('openai: chat fine-tuning messages', async () => {
    const rows = lines((await download('?format=openai').expect(200)).body as Buffer);
    expect(rows).toHaveLength(total);
    expect((rows[0].messages as { role: string }[]).map((m) => m.role)).toEqual(['user', 'assistant']);
  });

  it('400 for an unknown format', async () => {
    const res = await t.http.get(`/api/v1/datasets/${datasetId}/download?format=csv`).expect(400);
    expect(res.body.details[0].field).toBe('format');
  });

  it('a split ZIP names its log position and stream revision in the manifest', async () => {
    const projectId = await projectWithDocuments(t, 'cardiology.md');
    const { datasetId: splitId } = await generateDataset(t, { project_id: projectId, include_evaluation_sets: true, quality_threshold: 0 });
    const res = await asBuffer(t.http.get(`/api/v1/datasets/${splitId}/download?format=sharegpt`)).expect(200);
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    writeFileSync(join(dir, 'd.zip'), res.body as Buffer);
    const manifest = JSON.parse(execFileSync('unzip', ['-p', join(dir, 'd.zip'), 'manifest.json']).toString());
    expect(manifest).toMatchObject({
      format: 'sharegpt',
      stream_revision: expect.any(Number),
      log_position: expect.stringMatching(/\d+\/\d+/),
    });
    expect(manifest.stream_revision).toBeGreaterThan(0);
    expect(manifest.files.map((f: { name: string }) => f.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/_sharegpt_v1\.0\.0_train\.jsonl$/)]),
    );
  });
});
