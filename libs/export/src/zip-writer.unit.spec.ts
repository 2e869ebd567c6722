import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PassThrough, type Writable } from 'stream';
import { writeJsonl } from './jsonl-writer';
import { writeParquet } from './parquet-writer';
import { makeRows } from './test-rows.fixture';
import { writeZip, type ZipManifest } from './zip-writer';

/** `unzip` is an independent reader; without it the read-back checks are skipped rather than failed. */
const hasUnzip = spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0;
const itWithUnzip = hasUnzip ? it : it.skip;

const sha256 = (buf: Buffer): string => createHash('sha256').update(buf).digest('hex');
const unzipEntry = (zip: string, name: string): Buffer => execFileSync('unzip', ['-p', zip, name], { maxBuffer: 256 * 1024 * 1024 });

describe('writeZip', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'export-zip-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  itWithUnzip('writes the files then a manifest whose sizes and sha256 match the entries', async () => {
    const zip = join(dir, 'ds.zip');
    const out = createWriteStream(zip);
    const returned = await writeZip(
      [
        { name: 'ds_v1_train.jsonl', write: (o) => writeJsonl(makeRows(3000), o) },
        { name: 'ds_v1_test.parquet', write: (o) => writeParquet(makeRows(1200), o) },
        { name: 'README.txt', write: async (o) => void o.end('no row count here\n') },
      ],
      { dataset_id: 'd-1', dataset_name: 'ds', version: '1.0.0', format: 'jsonl' },
      out,
    );
    expect(out.writableFinished).toBe(true);

    const listing = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
    expect(listing).toEqual(['ds_v1_train.jsonl', 'ds_v1_test.parquet', 'README.txt', 'manifest.json']);
    execFileSync('unzip', ['-tq', zip]); // CRCs intact

    const manifestText = unzipEntry(zip, 'manifest.json').toString('utf8');
    expect(manifestText).toContain('\n  "dataset_id"'); // pretty-printed
    const manifest = JSON.parse(manifestText) as ZipManifest<{ dataset_id: string; version: string }>;
    expect(manifest).toEqual(returned);
    expect(manifest.dataset_id).toBe('d-1');
    expect(manifest.version).toBe('1.0.0');
    expect(manifest.files.map((f) => [f.name, f.rows])).toEqual([
      ['ds_v1_train.jsonl', 3000],
      ['ds_v1_test.parquet', 1200],
      ['README.txt', undefined],
    ]);
    expect('rows' in (manifest.files[2] ?? {})).toBe(false);
    for (const f of manifest.files) {
      const content = unzipEntry(zip, f.name);
      expect(f.bytes).toBe(content.length);
      expect(f.sha256).toBe(sha256(content));
    }
    expect(unzipEntry(zip, 'ds_v1_train.jsonl').toString('utf8').split('\n')).toHaveLength(3001);
    expect(unzipEntry(zip, 'ds_v1_test.parquet').subarray(0, 4).toString()).toBe('PAR1');
  });

  itWithUnzip('writes a valid archive with only the manifest when there are no files', async () => {
    const zip = join(dir, 'empty.zip');
    await writeZip([], { note: 'empty' }, createWriteStream(zip));
    expect(execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim()).toBe('manifest.json');
    expect(JSON.parse(unzipEntry(zip, 'manifest.json').toString('utf8'))).toEqual({ note: 'empty', files: [] });
  });

  it('rejects, and destroys the output, when a file fails to produce', async () => {
    const out = new PassThrough();
    out.resume();
    const done = writeZip(
      [
        { name: 'a.jsonl', write: (o) => writeJsonl(makeRows(10), o) },
        {
          name: 'b.jsonl',
          write: async (o: Writable) => {
            o.write('partial');
            throw new Error('db cursor failed');
          },
        },
      ],
      {},
      out,
    );
    await expect(done).rejects.toThrow('db cursor failed');
    expect(out.destroyed).toBe(true);
  });

  it('rejects duplicate entry names, including manifest.json', async () => {
    const file = { name: 'manifest.json', write: async () => undefined };
    await expect(writeZip([file], {}, new PassThrough())).rejects.toThrow('duplicate zip entry name');
  });

  it('rejects when the output fails mid-archive', async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    let producer: Promise<unknown> = Promise.resolve();
    const done = writeZip([{ name: 'big.jsonl', write: (o) => (producer = writeJsonl(makeRows(20_000), o)) }], {}, out);
    setTimeout(() => out.destroy(new Error('client went away')), 20);
    await expect(done).rejects.toThrow('client went away');
    // The producer must not be left waiting for 'drain' forever (it would hold a DB cursor open).
    await expect(producer).rejects.toThrow();
  });
});
