import { abortErrorFor } from '../remote/sleep';
import type { Answerer } from './answerer';
import { exactMatch, tokenF1 } from './qa-metrics';

/** The benchmark suites this library can run on a dataset's own data; anything else needs configured data. */
export const BENCHMARK_SUITES = ['qa'] as const;
export type BenchmarkSuite = (typeof BENCHMARK_SUITES)[number];

export const isBenchmarkSuite = (name: string): name is BenchmarkSuite => (BENCHMARK_SUITES as readonly string[]).includes(name);

/** One test-split entry: its question, its answer as the reference, and its source chunk's text as context. */
export interface QaBenchmarkItem {
  readonly id: string;
  readonly question: string;
  readonly reference: string;
  readonly context: string;
}

export interface QaScores {
  /** Mean SQuAD exact match over the items, 0..1, 4 decimals. */
  readonly exact_match: number;
  /** Mean SQuAD token F1 over the items, 0..1, 4 decimals. */
  readonly f1: number;
}

export interface QaBenchmarkResult {
  readonly suite: 'qa';
  readonly model: string;
  /** Items evaluated. */
  readonly n: number;
  /** The question alone: what the model knows. */
  readonly closed_book: QaScores;
  /** The question with its source chunk: reading comprehension. */
  readonly with_context: QaScores;
  /** Tokens over every call (calls that report none count 0). */
  readonly usage: { readonly input_tokens: number; readonly output_tokens: number };
  /**
   * Failed answer calls. Each item makes two calls (closed-book and with context); a failed one scores 0 in
   * its setting and counts here once, so 0 ≤ failures ≤ 2n.
   */
  readonly failures: number;
}

export interface QaBenchmarkOptions {
  /** Answer calls in flight at once (at least 1). */
  readonly concurrency: number;
  /** Aborting rejects the run with an AbortError; nothing partial is returned. */
  readonly signal: AbortSignal;
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

type Setting = 'closed_book' | 'with_context';

/**
 * Runs the `qa` suite: every item is asked twice, closed-book (context null) and with its context, and each
 * answer is scored against the reference with SQuAD exact match and token F1; the result holds the means over
 * the items (0 for an empty item list). A call that fails (after the answerer's own retries) scores 0 and is
 * counted in `failures`; it never fails the run. Calls run `concurrency` at a time, in item order.
 */
export const runQaBenchmark = async (
  answerer: Answerer,
  items: readonly QaBenchmarkItem[],
  options: QaBenchmarkOptions,
): Promise<QaBenchmarkResult> => {
  const { signal } = options;
  if (signal.aborted) throw abortErrorFor(signal);
  const tasks: { readonly item: QaBenchmarkItem; readonly setting: Setting }[] = items.flatMap((item) => [
    { item, setting: 'closed_book' as const },
    { item, setting: 'with_context' as const },
  ]);
  const sums = { closed_book: { em: 0, f1: 0 }, with_context: { em: 0, f1: 0 } };
  const usage = { input_tokens: 0, output_tokens: 0 };
  let failures = 0;
  let next = 0;

  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      if (signal.aborted) throw abortErrorFor(signal);
      const { item, setting } = tasks[next++];
      try {
        const result = await answerer.answer({ question: item.question, context: setting === 'closed_book' ? null : item.context, signal });
        if (result.usage) {
          usage.input_tokens += result.usage.inputTokens;
          usage.output_tokens += result.usage.outputTokens;
        }
        sums[setting].em += exactMatch(result.answer, item.reference);
        sums[setting].f1 += tokenF1(result.answer, item.reference);
      } catch {
        if (signal.aborted) throw abortErrorFor(signal);
        failures++;
      }
    }
  };

  const workers = Math.max(1, Math.min(Math.floor(options.concurrency) || 1, tasks.length));
  await Promise.all(Array.from({ length: workers }, () => worker()));

  const n = items.length;
  const mean = (setting: Setting): QaScores => ({
    exact_match: n === 0 ? 0 : round4(sums[setting].em / n),
    f1: n === 0 ? 0 : round4(sums[setting].f1 / n),
  });
  return { suite: 'qa', model: answerer.model, n, closed_book: mean('closed_book'), with_context: mean('with_context'), usage, failures };
};
