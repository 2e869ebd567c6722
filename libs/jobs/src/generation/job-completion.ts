import type { BenchmarkResult, DatasetState, QualityReport, SplitAssignments } from '@compileo/domain';
import type { SqlExecutor } from '@compileo/sql';
import { assignSplitsSliced, datasetReportSliced, dedupText, type ModelRegistry } from '@compileo/generation';
import { runDatasetBenchmark } from './dataset-benchmark';

export interface Completion {
  readonly splits: SplitAssignments | null;
  readonly report: QualityReport;
  readonly benchmark: BenchmarkResult | null;
}

/** The dataset-level quality report over the accepted entries, computed in slices (the API may share this process). */
export const reportOf = async (state: DatasetState): Promise<QualityReport> => ({
  ...(await datasetReportSliced(
    [...state.entries.values()].map((e) => ({
      question: e.content.question,
      answer: e.content.answer,
      category: e.content.category,
      difficulty: e.content.difficulty,
    })),
  )),
});

/**
 * What a finished generation records besides its counts: the seeded, category-stratified splits (near-
 * duplicates kept in one split, so nothing leaks from train to test), the quality report, and the benchmark.
 */
export const completeGeneration = async (
  models: ModelRegistry,
  sql: SqlExecutor,
  state: DatasetState,
  signal: AbortSignal,
): Promise<Completion> => {
  const request = state.request!;
  const entries = [...state.entries.values()];
  const splits = request.config.include_evaluation_sets
    ? Object.fromEntries(
        await assignSplitsSliced(
          entries.map((e) => ({ id: e.entryId, category: e.content.category, text: dedupText(e.content) })),
          request.splitSeed,
        ),
      )
    : null;
  const benchmark = request.config.run_benchmarks && splits ? await runDatasetBenchmark(models, sql, state, request, splits, signal) : null;
  return { splits, report: await reportOf(state), benchmark };
};
