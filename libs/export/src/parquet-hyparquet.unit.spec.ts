import { spawnSync } from 'child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { finished } from 'stream/promises';
import { writeParquet } from './parquet-writer';
import { makeRow, makeRows } from './test-rows.fixture';

const ROWS = 2500; // > 2 row groups of 1000

/**
 * hyparquet (pure JS, ESM-only, a devDependency) is a second reader independent of parquetjs-lite. Jest
 * runs this suite as CommonJS, so the reader runs in a plain `node` ES module child process and prints
 * what it read as JSON. `utf8: false` makes it decode only the columns annotated UTF8 as strings, so the
 * string annotations are checked, not assumed.
 */
const READ_WITH_HYPARQUET = `
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
const file = await asyncBufferFromFile(process.argv[1]);
const metadata = await parquetMetadataAsync(file);
const records = await parquetReadObjects({ file, metadata, utf8: false });
const leaves = metadata.schema.slice(1);
process.stdout.write(JSON.stringify({
  num_rows: metadata.num_rows,
  row_groups: metadata.row_groups.map((g) => g.num_rows),
  schema: leaves.map((e) => ({ name: e.name, type: e.type, repetition: e.repetition_type, converted: e.converted_type ?? null })),
  codecs: [...new Set(metadata.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data.codec)))],
  value_types: Object.fromEntries(leaves.map((e) => [e.name, [...new Set(records.map((r) => r[e.name] === null ? 'null' : typeof r[e.name]))].sort()])),
  records,
}, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
`;

interface HyparquetRead {
  num_rows: number;
  row_groups: number[];
  schema: { name: string; type: string; repetition: string; converted: string | null }[];
  codecs: string[];
  value_types: Record<string, string[]>;
  records: Record<string, unknown>[];
}

describe('writeParquet read back by hyparquet (independent reader)', () => {
  let dir: string;
  let read: HyparquetRead;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'export-hyparquet-'));
    const file = join(dir, 'rows.parquet');
    const out = createWriteStream(file);
    await writeParquet(makeRows(ROWS), out);
    out.end();
    await finished(out);
    const res = spawnSync(process.execPath, ['--input-type=module', '-e', READ_WITH_HYPARQUET, file], {
      cwd: process.cwd(),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (res.status !== 0) throw new Error(`hyparquet reader failed: ${res.stderr}`);
    read = JSON.parse(res.stdout) as HyparquetRead;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sees the row count, row groups and snappy compression', () => {
    expect(read.num_rows).toBe(ROWS);
    expect(read.row_groups).toEqual([1000, 1000, 500]);
    expect(read.codecs).toEqual(['SNAPPY']);
  });

  it('sees the flat schema: UTF8 strings, DOUBLE, INT32, nullability', () => {
    const utf8 = (name: string, repetition: string) => ({ name, type: 'BYTE_ARRAY', repetition, converted: 'UTF8' });
    expect(read.schema).toEqual([
      utf8('id', 'REQUIRED'),
      utf8('question', 'OPTIONAL'),
      utf8('answer', 'OPTIONAL'),
      utf8('category', 'OPTIONAL'),
      { name: 'quality_score', type: 'DOUBLE', repetition: 'OPTIONAL', converted: null },
      utf8('difficulty', 'OPTIONAL'),
      utf8('source_chunk', 'REQUIRED'),
      utf8('split', 'OPTIONAL'),
      { name: 'version', type: 'INT32', repetition: 'REQUIRED', converted: null },
      utf8('metadata', 'REQUIRED'),
    ]);
  });

  it('decodes each column to the expected JS types (nulls only where nullable)', () => {
    expect(read.value_types).toEqual({
      id: ['string'],
      question: ['null', 'string'],
      answer: ['string'], // '' but never null in the fixture
      category: ['null', 'string'],
      quality_score: ['null', 'number'],
      difficulty: ['null', 'string'],
      source_chunk: ['string'],
      split: ['null', 'string'],
      version: ['number'],
      metadata: ['string'],
    });
  });

  it('reads back every row and column exactly: nulls, unicode, empty strings, metadata JSON, doubles, int32', () => {
    expect(read.records).toHaveLength(ROWS);
    read.records.forEach((rec, i) => {
      const expected = makeRow(i);
      expect(Object.keys(rec)).toEqual(Object.keys(expected));
      expect({ ...rec, metadata: JSON.parse(rec.metadata as string) as unknown }).toEqual(expected);
      expect(Number.isInteger(rec.version)).toBe(true);
      if (expected.quality_score !== null) expect(Object.is(rec.quality_score, expected.quality_score)).toBe(true);
    });
  });
});
