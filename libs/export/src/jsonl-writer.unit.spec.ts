import { PassThrough, Writable } from 'stream';
import { writeJsonl } from './jsonl-writer';
import { makeRow, makeRows } from './test-rows.fixture';

async function collect(stream: PassThrough): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

describe('writeJsonl', () => {
  it('round-trips 5000 rows, one JSON object per line, without ending the stream', async () => {
    const out = new PassThrough();
    const text = collect(out);
    const { count } = await writeJsonl(makeRows(5000), out);
    expect(out.writableEnded).toBe(false);
    out.end();
    const lines = (await text).split('\n');
    expect(count).toBe(5000);
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(5000);
    lines.forEach((line, i) => expect(JSON.parse(line)).toEqual(makeRow(i)));
  });

  it('writes only the ExportRow keys, in order', async () => {
    const out = new PassThrough();
    const text = collect(out);
    await writeJsonl(
      (async function* () {
        yield { ...makeRow(1), extra: 'leak' };
      })(),
      out,
    );
    out.end();
    expect(Object.keys(JSON.parse(await text))).toEqual([
      'id',
      'question',
      'answer',
      'category',
      'quality_score',
      'difficulty',
      'source_chunk',
      'split',
      'version',
      'metadata',
    ]);
  });

  it('waits for drain on a slow consumer and loses nothing', async () => {
    const received: Buffer[] = [];
    let drains = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, cb): void {
        received.push(chunk);
        setImmediate(cb);
      },
    });
    slow.on('drain', () => drains++);
    const { count } = await writeJsonl(makeRows(3000), slow);
    await new Promise<void>((resolve) => slow.end(resolve));
    expect(count).toBe(3000);
    expect(drains).toBeGreaterThan(0);
    expect(Buffer.concat(received).toString('utf8').split('\n')).toHaveLength(3001);
  });

  it('rejects instead of hanging when the consumer goes away', async () => {
    const stuck = new Writable({ highWaterMark: 16, write: () => undefined });
    const done = writeJsonl(makeRows(10_000), stuck);
    setImmediate(() => stuck.destroy());
    await expect(done).rejects.toThrow();
  });

  it('writes nothing for no rows', async () => {
    const out = new PassThrough();
    const text = collect(out);
    expect(await writeJsonl(makeRows(0), out)).toEqual({ count: 0 });
    out.end();
    expect(await text).toBe('');
  });
});
