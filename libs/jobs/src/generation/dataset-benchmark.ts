import type { BenchmarkResult, DatasetState, SplitAssignments } from '@compileo/domain';
import type { SqlExecutor } from '@compileo/sql';
import { runQaBenchmark, type ModelRegistry } from '@compileo/generation';
import { loadSourceChunks } from '../pipeline/source-chunks';

type Request = NonNullable<DatasetState['request']>;

/**
 * The `qa` suite: the dataset's model answers each test-split question closed-book and with its source
 * chunk; exact match and token F1 against the entry's answer. Negative and question-only entries have no
 * reference answer to score, so they are left out.
 */
export const runDatasetBenchmark = async (
  models: ModelRegistry,
  sql: SqlExecutor,
  state: DatasetState,
  request: Request,
  splits: SplitAssignments,
  signal: AbortSignal,
): Promise<BenchmarkResult> => {
  const test = [...state.entries.values()].filter(
    (e) => splits[e.entryId] === 'test' && e.content.question && e.content.answer && !e.content.metadata.negative,
  );
  const chunks = await loadSourceChunks(sql, [...new Set(test.map((e) => e.sourceChunk))]);
  const answerer = models.answererFor(models.resolve(request.model, 'classification_model'));
  const items = test.map((e) => ({
    id: e.entryId,
    question: e.content.question!,
    reference: e.content.answer!,
    context: chunks.get(e.sourceChunk)?.text ?? '',
  }));
  const result = await runQaBenchmark(answerer, items, { concurrency: request.config.concurrency, signal });
  return { ...result, split: 'test' };
};
