/**
 * Quality benchmark: how well the heuristic quality score separates the hand-labelled entries of
 * test/fixtures/quality/ (good from bad, several domains, seven failure kinds), and how the offline
 * extractive model's own entries score on the diabetes and software-docs fixtures. One JSON line per figure:
 * `auc`, `keep_rate_good` and `reject_rate_bad` at the threshold, `reject_rate` per failure kind, then
 * `extractive_below_threshold` per document, and `ms_per_entry` (scoring time).
 *
 * Env: BENCH_THRESHOLD (0.7, the contract's default).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chunkDocument } from '../../libs/generation/src/chunking/markdown-chunker';
import { extractItems } from '../../libs/generation/src/providers/extractive.provider';
import { calibrationFigures } from '../../libs/generation/src/quality/calibration';
import { scoreItem } from '../../libs/generation/src/quality/quality-scorer';
import { LABELLED_QUALITY_DIR, loadLabelledQualitySet } from '../../libs/testing/src/labelled-quality-set';

const threshold = Number(process.env.BENCH_THRESHOLD ?? '0.7');
if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1)
  throw new Error(`BENCH_THRESHOLD must be in 0..1, got '${process.env.BENCH_THRESHOLD}'`);

const emit = (fields: Record<string, string | number>): void => {
  process.stdout.write(`${JSON.stringify({ bench: 'quality', threshold, ...fields })}\n`);
};
const round4 = (x: number): number => Math.round(x * 10000) / 10000;
const opts = { targetDifficulty: 'intermediate', duplicate: false } as const;

const set = loadLabelledQualitySet();
scoreItem({ question: 'What is it?', answer: 'It is a warm-up.', category: null }, 'It is a warm-up.', opts); // loads the English model
const started = performance.now();
const scored = set.map((e) => ({
  ...e,
  score: scoreItem({ question: e.question, answer: e.answer, category: null, difficulty: 'intermediate' }, e.source, opts).score,
}));
const msPerEntry = (performance.now() - started) / set.length;
const figures = calibrationFigures(scored, threshold);
const n = { entries: set.length, good: set.filter((e) => e.good).length, bad: set.filter((e) => !e.good).length };

emit({ metric: 'auc', value: round4(figures.auc), unit: 'ratio', ...n });
emit({ metric: 'keep_rate_good', value: round4(figures.keepRateGood), unit: 'ratio', n: n.good });
emit({ metric: 'reject_rate_bad', value: round4(figures.rejectRateBad), unit: 'ratio', n: n.bad });
for (const [kind, { rate, n: count }] of Object.entries(figures.rejectRateByFailure)) {
  emit({ metric: 'reject_rate', failure: kind, value: round4(rate), unit: 'ratio', n: count });
}

const fixtures = join(LABELLED_QUALITY_DIR, '..');
for (const file of ['diabetes.md', 'cardiology.md', 'logger-docs.md']) {
  const chunks = chunkDocument(readFileSync(join(fixtures, file), 'utf8'), file);
  const scores = chunks.flatMap((c) =>
    extractItems({
      chunk: { id: `c${c.index}`, text: c.text, heading: c.heading, documentName: file },
      mode: 'default',
      count: 3,
      prompt: '',
      promptName: 'qa_pairs',
      categories: null,
      parameters: {},
      variant: 0,
      avoid: [],
    }).map((item) => scoreItem(item, c.text, opts).score),
  );
  emit({
    metric: 'extractive_below_threshold',
    document: file,
    value: round4(scores.filter((s) => s < threshold).length / Math.max(1, scores.length)),
    unit: 'ratio',
    n: scores.length,
  });
}
emit({ metric: 'ms_per_entry', value: round4(msPerEntry), unit: 'ms', n: set.length });
