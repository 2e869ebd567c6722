/**
 * Ingestion memory benchmark: parse and chunk a heading-less plain-text upload of S MB (prose sentences, one
 * section), the path that used to run out of heap at 457 KB. Each size runs in a fresh child process, so its
 * peak RSS is its own. Prints one JSON line per figure: `peak_rss_mb`, `wall_ms` and `chunks` per size.
 *
 * Env: BENCH_MB (comma list of sizes in MB, "1,5,20").
 */
import { execFileSync } from 'node:child_process';
import { chunkDocument } from '../../libs/generation/src/chunking/markdown-chunker';
import { parseDocument } from '../../libs/ingestion/src/parse-document';
import { headingLessProse } from '@compileo/testing';

/** In the child: one size, measured from after the input is built. */
const measure = async (mb: number): Promise<void> => {
  const content = Buffer.from(headingLessProse(mb * 1024 * 1024));
  const started = process.hrtime.bigint();
  const parsed = await parseDocument('prose.txt', content);
  const chunks = chunkDocument(parsed.markdown, 'prose.txt');
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(JSON.stringify({ chunks: chunks.length, wallMs, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
};

const emit = (mb: number, metric: string, value: number, unit: string): void => {
  process.stdout.write(`${JSON.stringify({ bench: 'ingestion', input_mb: mb, metric, value: Math.round(value * 10) / 10, unit })}\n`);
};

const main = async (): Promise<void> => {
  if (process.argv[2] === '--child') return measure(Number(process.argv[3]));
  const sizes = (process.env.BENCH_MB ?? '1,5,20').split(',').map((s) => {
    const value = Number(s.trim());
    if (!(value > 0)) throw new Error(`BENCH_MB entries must be positive numbers, got '${s}'`);
    return value;
  });
  for (const mb of sizes) {
    const out = execFileSync(process.execPath, [__filename, '--child', String(mb)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const { chunks, wallMs, peakRssMb } = JSON.parse(out) as { chunks: number; wallMs: number; peakRssMb: number };
    emit(mb, 'peak_rss_mb', peakRssMb, 'MB');
    emit(mb, 'wall_ms', wallMs, 'ms');
    emit(mb, 'chunks', chunks, 'count');
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
