import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParquetReader } from 'parquetjs-lite';
import { generateDataset, projectWithDocuments } from './support/api-flow';
import { asBuffer, attachmentName, expectNotFound, getDataset, listEntries } from './support/e2e-http';
import { startTestApp, testBackends, type TestApp } from './support/test-app';

interface JsonlRow {
  readonly id: string;
  readonly question: string | null;
  readonly answer: string | null;
  readonly split: string | null;
}

const jsonlRows = (text: string): JsonlRow[] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as JsonlRow);

describe.each(testBackends())('dataset download on %s', (backend) => {
  let t: TestApp;
  let projectId: string;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp(backend);
    projectId = await projectWithDocuments(t, 'cardiology.md');
    dir = await mkdtemp(join(tmpdir(), 'compileo-download-'));
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const download = (datasetId: string) => asBuffer(t.http.get(`/api/v1/datasets/${datasetId}/download`)).expect(200);

  it('JSONL: one line per accepted entry, named {name}_v{version}.jsonl', async () => {
    const { datasetId } = await generateDataset(t, { project_id: projectId, datasets_per_chunk: 2, dataset_name: 'cardio qa' });
    const res = await download(`dataset_${datasetId}`);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    expect(res.headers['content-disposition']).toBe('attachment; filename="cardio_qa_v1.0.0.jsonl"');
    const rows = jsonlRows((res.body as Buffer).toString('utf8'));
    const { entries, total } = await listEntries(t, datasetId);
    expect(rows).toHaveLength(total);
    expect(rows.map((r) => r.id).sort()).toEqual(entries.map((e) => e.id).sort());
    const first = entries.find((e) => e.id === rows[0].id)!;
    expect(rows[0]).toMatchObject({ question: first.question, answer: first.answer });
  });

  it('Parquet when format_type is parquet: PAR1 magic bytes, readable back', async () => {
    const { datasetId } = await generateDataset(t, {
      project_id: projectId,
      datasets_per_chunk: 2,
      format_type: 'parquet',
      dataset_name: 'cardio_parquet',
    });
    const res = await download(datasetId);
    expect(res.headers['content-type']).toBe('application/vnd.apache.parquet');
    expect(attachmentName(res)).toBe('cardio_parquet_v1.0.0.parquet');
    const bytes = res.body as Buffer;
    expect(bytes.subarray(0, 4).toString('ascii')).toBe('PAR1');
    expect(bytes.subarray(bytes.length - 4).toString('ascii')).toBe('PAR1');

    const file = join(dir, `${datasetId}.parquet`);
    await writeFile(file, bytes);
    const reader = await ParquetReader.openFile(file);
    const rows: Record<string, unknown>[] = [];
    const cursor = reader.getCursor();
    for (let row = await cursor.next(); row; row = await cursor.next()) rows.push(row);
    await reader.close();
    const { entries, total } = await listEntries(t, datasetId);
    expect(rows).toHaveLength(total);
    expect(rows.map((r) => String(r.id)).sort()).toEqual(entries.map((e) => e.id).sort());
    const sample = entries.find((e) => e.id === String(rows[0].id))!;
    expect(String(rows[0].question)).toBe(sample.question);
  });

  it('ZIP with train/validation/test files and a manifest when include_evaluation_sets', async () => {
    const { datasetId } = await generateDataset(t, {
      project_id: projectId,
      datasets_per_chunk: 3,
      quality_threshold: 0,
      include_evaluation_sets: true,
      dataset_name: 'cardio_eval',
    });
    const res = await download(datasetId);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(attachmentName(res)).toBe('cardio_eval_v1.0.0.zip');
    const zip = join(dir, `${datasetId}.zip`);
    await writeFile(zip, res.body as Buffer);

    const listing = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(listing).toEqual([
      'cardio_eval_v1.0.0_test.jsonl',
      'cardio_eval_v1.0.0_train.jsonl',
      'cardio_eval_v1.0.0_validation.jsonl',
      'manifest.json',
    ]);

    const dataset = await getDataset(t, datasetId);
    const manifest = JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' }));
    expect(manifest).toMatchObject({
      dataset_id: datasetId,
      name: 'cardio_eval',
      version: '1.0.0',
      format: 'jsonl',
      total_entries: dataset.total_entries,
      splits: dataset.splits,
    });

    let total = 0;
    for (const split of ['train', 'validation', 'test']) {
      const rows = jsonlRows(execFileSync('unzip', ['-p', zip, `cardio_eval_v1.0.0_${split}.jsonl`], { encoding: 'utf8' }));
      expect(rows).toHaveLength(dataset.splits![split]);
      for (const row of rows) expect(row.split).toBe(split);
      total += rows.length;
    }
    expect(total).toBe(dataset.total_entries);
    expect(dataset.splits!.train).toBeGreaterThan(0);
  });

  it('404 for an unknown dataset', async () => {
    expectNotFound(
      await t.http.get('/api/v1/datasets/7a0c6c1e-0000-4000-8000-000000000000/download'),
      'dataset',
      '7a0c6c1e-0000-4000-8000-000000000000',
    );
  });
});
