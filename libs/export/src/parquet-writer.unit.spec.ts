import { spawnSync } from 'child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { finished } from 'stream/promises';
import { ParquetReader } from 'parquetjs-lite';
import { writeParquet } from './parquet-writer';
import { makeRow, makeRows } from './test-rows.fixture';

const ROWS = 2500; // several row groups

/** pyarrow is an independent reader; the check runs only where python3 has it (not a project dependency). */
const hasPyarrow = spawnSync('python3', ['-c', 'import pyarrow.parquet'], { stdio: 'ignore' }).status === 0;

describe('writeParquet', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'export-parquet-'));
    file = join(dir, 'rows.parquet');
    const out = createWriteStream(file);
    const { count } = await writeParquet(makeRows(ROWS), out);
    expect(count).toBe(ROWS);
    expect(out.writableEnded).toBe(false); // the caller still owns the stream
    out.end();
    await finished(out);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back every row and field with parquetjs-lite', async () => {
    const reader = await ParquetReader.openFile(file);
    try {
      expect(Number(reader.getRowCount())).toBe(ROWS);
      const cursor = reader.getCursor();
      let i = 0;
      for (let rec = await cursor.next(); rec !== null; rec = await cursor.next(), i++) {
        const expected = makeRow(i);
        const { metadata, ...rest } = rec;
        expect(typeof metadata).toBe('string');
        expect(JSON.parse(metadata as string)).toEqual(expected.metadata);
        // parquetjs-lite materializes null columns as absent keys
        const { metadata: _m, ...expectedRest } = expected;
        const nonNull = Object.fromEntries(Object.entries(expectedRest).filter(([, v]) => v !== null));
        expect(rest).toEqual(nonNull);
      }
      expect(i).toBe(ROWS);
    } finally {
      await reader.close();
    }
  });

  (hasPyarrow ? it : it.skip)('opens in pyarrow with the expected types and values', () => {
    const script = `
import json, sys, pyarrow.parquet as pq
t = pq.read_table(sys.argv[1])
f = pq.ParquetFile(sys.argv[1])
print(json.dumps({
  "rows": t.num_rows,
  "row_groups": f.num_row_groups,
  "compression": f.metadata.row_group(0).column(1).compression,
  "types": {n: str(t.schema.field(n).type) for n in t.schema.names},
  "records": t.to_pylist(),
}))`;
    const res = spawnSync('python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(res.stderr).toBe('');
    const parsed = JSON.parse(res.stdout) as {
      rows: number;
      row_groups: number;
      compression: string;
      types: Record<string, string>;
      records: Record<string, unknown>[];
    };
    expect(parsed.rows).toBe(ROWS);
    expect(parsed.row_groups).toBe(3);
    expect(parsed.compression).toBe('SNAPPY');
    expect(parsed.types).toEqual({
      id: 'string',
      question: 'string',
      answer: 'string',
      category: 'string',
      quality_score: 'double',
      difficulty: 'string',
      source_chunk: 'string',
      split: 'string',
      version: 'int32',
      metadata: 'string',
    });
    parsed.records.forEach((rec, i) => {
      const expected = makeRow(i);
      expect({ ...rec, metadata: JSON.parse(rec.metadata as string) }).toEqual(expected);
    });
  });
});
