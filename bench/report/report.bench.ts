/**
 * Dataset report benchmark: datasetReport() over N synthetic entries, the computation the worker runs when a
 * generation completes (diversity through the inverted shingle index, category balance, difficulty spread).
 * Prints one JSON line per figure: the median `wall_ms` of R runs and `entries_per_s`.
 *
 * The entries are those of the unit test that used to bound this at 5 s ("What does term i mean in chapter
 * i % 50?"): templated questions that share many shingles, so the index has long posting lists.
 *
 * Env: BENCH_N (comma list of entry counts, "1000,5000,10000"), BENCH_REPEAT (runs per count, 3).
 */
import { datasetReport, type ReportEntry } from '../../libs/generation/src/report/dataset-report';

const intEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got '${raw}'`);
  return value;
};

const counts = (process.env.BENCH_N ?? '1000,5000,10000')
  .split(',')
  .map((s) => s.trim())
  .filter((s) => s !== '')
  .map((s) => {
    const value = Number(s);
    if (!Number.isInteger(value) || value < 1) throw new Error(`BENCH_N entries must be positive integers, got '${s}'`);
    return value;
  });

const entries = (n: number): ReportEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    question: `What does term ${i} mean in chapter ${i % 50}?`,
    answer: `Term ${i} is defined as concept number ${i}.`,
    category: `c${i % 5}`,
    difficulty: 'advanced',
  }));

const emit = (n: number, repeat: number, metric: string, value: number, unit: string): void => {
  process.stdout.write(`${JSON.stringify({ bench: 'report', n, repeat, metric, value: Math.round(value * 100) / 100, unit })}\n`);
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const main = (): void => {
  const repeat = intEnv('BENCH_REPEAT', 3);
  datasetReport(entries(200)); // warm-up: JIT and module loading are not measured
  for (const n of counts) {
    const input = entries(n);
    const times: number[] = [];
    for (let run = 0; run < repeat; run++) {
      const started = performance.now();
      const report = datasetReport(input);
      times.push(performance.now() - started);
      if (report.entries !== n) throw new Error(`expected a report on ${n} entries, got ${report.entries}`);
    }
    const wallMs = median(times);
    emit(n, repeat, 'wall_ms', wallMs, 'ms');
    emit(n, repeat, 'entries_per_s', (n / wallMs) * 1000, 'entries/s');
  }
};

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
