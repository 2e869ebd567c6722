/**
 * Dedup benchmark: entries/s of the pipeline's per-item work, `findDuplicate(text)` then `add(id, text)`,
 * on an index that already holds N entries, for the MinHash LSH index (`lsh`) and the inverted index it
 * replaced (`inverted`). The index is first filled with N seeded QA-like texts (not timed), then W fresh
 * texts are looked up and added (timed); the median and the fastest of R windows are reported. A per-entry cost that does
 * not grow with the dataset shows as the same entries/s at every N.
 *
 * Env: BENCH_N (comma list of index sizes, "1000,10000,100000"), BENCH_W (timed entries per window, 1000),
 * BENCH_REPEAT (windows per size, 3), BENCH_INDEXES ("lsh,inverted").
 */
import { DuplicateIndex } from '../../libs/generation/src/dedup/duplicate-index';
import { InvertedIndex } from './inverted-index';
import { qaCorpus } from './qa-corpus';

interface Index {
  add(id: string, text: string): void;
  findDuplicate(text: string): { id: string } | null;
}

const INDEXES: Record<string, () => Index> = { lsh: () => new DuplicateIndex(), inverted: () => new InvertedIndex() };

const intEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got '${raw}'`);
  return value;
};

const list = (name: string, fallback: string): string[] =>
  (process.env[name] ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

const emit = (fields: Record<string, string | number>): void => {
  process.stdout.write(`${JSON.stringify({ bench: 'dedup', ...fields })}\n`);
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Looks up and adds `window` fresh texts; returns the elapsed ms and how many were duplicates. */
const timedWindow = (index: Index, next: () => string, from: number, window: number): { ms: number; duplicates: number } => {
  const texts = Array.from({ length: window }, next);
  let duplicates = 0;
  const started = performance.now();
  texts.forEach((text, k) => {
    if (index.findDuplicate(text)) duplicates++;
    index.add(`e${from + k}`, text);
  });
  return { ms: performance.now() - started, duplicates };
};

const main = (): void => {
  const sizes = list('BENCH_N', '1000,10000,100000').map((s) => {
    const value = Number(s);
    if (!Number.isInteger(value) || value < 1) throw new Error(`BENCH_N entries must be positive integers, got '${s}'`);
    return value;
  });
  const window = intEnv('BENCH_W', 1000);
  const repeat = intEnv('BENCH_REPEAT', 3);
  const names = list('BENCH_INDEXES', 'lsh,inverted');
  for (const name of names) if (!(name in INDEXES)) throw new Error(`BENCH_INDEXES: unknown index '${name}' (lsh, inverted)`);
  // Warm-up: JIT and module loading are not measured.
  for (const name of names) timedWindow(INDEXES[name](), qaCorpus(1), 0, 2000);
  for (const name of names) {
    for (const n of sizes) {
      const index = INDEXES[name]();
      const next = qaCorpus(42);
      for (let i = 0; i < n; i++) index.add(`e${i}`, next());
      const runs = Array.from({ length: repeat }, (_, r) => timedWindow(index, next, n + r * window, window));
      const ms = median(runs.map((run) => run.ms));
      const bestMs = Math.min(...runs.map((run) => run.ms));
      const duplicates = runs.reduce((sum, run) => sum + run.duplicates, 0) / repeat;
      const params = { index: name, n, window, repeat };
      emit({ ...params, metric: 'entries_per_s', value: Math.round((window / ms) * 1000), unit: 'entries/s' });
      // The fastest window is the least disturbed by other load on a shared machine.
      emit({ ...params, metric: 'entries_per_s_best', value: Math.round((window / bestMs) * 1000), unit: 'entries/s' });
      emit({ ...params, metric: 'us_per_entry', value: Math.round((ms / window) * 1000 * 10) / 10, unit: 'us' });
      emit({ ...params, metric: 'duplicates_per_window', value: duplicates, unit: 'entries' });
    }
  }
};

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
