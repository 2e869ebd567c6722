import type {
  DatasetChunkProcessed,
  DatasetEntryRegenerated,
  DatasetGenerationCompleted,
  DatasetGenerationFailed,
  DatasetGenerationRequested,
  DatasetJobCancelled,
  DatasetRegenerationCompleted,
  DatasetRegenerationFailed,
  DatasetRegenerationRequested,
  EntryContent,
  JobClaimed,
} from '@compileo/domain';
import { dataOf, type ProjectionHandler } from './projection';

/** Entries the judge could not rate, as the pipeline marked them (`metadata.judge_error`). */
const judgeFailures = (entries: readonly EntryContent[]): number => entries.filter((e) => e.metadata.judge_error !== undefined).length;

/** Job status rows: pending on request, running on claim, a step per chunk (or entry), then the outcome. */
export const jobsProjection: ProjectionHandler = async (event, tx, t) => {
  const datasetId = event.streamId.startsWith('dataset-') ? event.streamId.slice('dataset-'.length) : null;
  switch (event.type) {
    case 'DatasetGenerationRequested': {
      const d = dataOf<DatasetGenerationRequested['data']>(event);
      await tx.query(
        `INSERT INTO ${t.jobs} (id, dataset_id, project_id, model, kind, status, total_steps, created_at)
         VALUES ($1, $2, $3, $4, 'generation', 'pending', $5, $6) ON CONFLICT (id) DO NOTHING`,
        [d.jobId, d.datasetId, d.projectId, d.model, d.chunkIds.length, d.requestedAt],
      );
      return;
    }
    case 'DatasetRegenerationRequested': {
      const d = dataOf<DatasetRegenerationRequested['data']>(event);
      await tx.query(
        // The project is the dataset's, recorded by its generation request earlier in the log.
        `INSERT INTO ${t.jobs} (id, dataset_id, project_id, kind, status, total_steps, created_at)
         VALUES ($1, $2, (SELECT project_id FROM ${t.datasets} WHERE id = $2), 'regeneration', 'pending', $3, $4) ON CONFLICT (id) DO NOTHING`,
        [d.jobId, datasetId, d.entryIds.length, d.requestedAt],
      );
      return;
    }
    case 'JobClaimed': {
      const d = dataOf<JobClaimed['data']>(event);
      await tx.query(
        `UPDATE ${t.jobs} SET status = 'running', attempts = $2, started_at = COALESCE(started_at, $3), attempt_started_at = $3,
           steps_at_attempt = steps_done WHERE id = $1 AND status IN ('pending', 'running')`,
        [d.jobId, d.attempt, d.claimedAt],
      );
      return;
    }
    case 'DatasetChunkProcessed': {
      const d = dataOf<DatasetChunkProcessed['data']>(event);
      const failure = d.failure ? JSON.stringify([{ chunk_index: d.chunkIndex, chunk_id: d.chunkId, reason: d.failure }]) : '[]';
      await tx.query(
        `UPDATE ${t.jobs} SET steps_done = steps_done + 1, steps_failed = steps_failed + $2, last_step_at = $3,
           input_tokens = input_tokens + $4, output_tokens = output_tokens + $5,
           cost_usd = CASE WHEN $6::float8 IS NULL THEN cost_usd ELSE COALESCE(cost_usd, 0) + $6::float8 END,
           invalid_items = invalid_items + $7, chunk_failures = chunk_failures || $8::jsonb, judge_failures = judge_failures + $9 WHERE id = $1`,
        [
          d.jobId,
          d.failure ? 1 : 0,
          d.processedAt,
          d.usage?.inputTokens ?? 0,
          d.usage?.outputTokens ?? 0,
          d.usage?.costUsd ?? null,
          d.invalid.length,
          failure,
          judgeFailures([...d.accepted, ...d.rejected]),
        ],
      );
      return;
    }
    case 'DatasetEntryRegenerated': {
      const d = dataOf<DatasetEntryRegenerated['data']>(event);
      await tx.query(
        `UPDATE ${t.jobs} SET steps_done = steps_done + 1, last_step_at = $2, judge_failures = judge_failures + $3 WHERE id = $1`,
        [d.jobId, d.regeneratedAt, judgeFailures([d.content])],
      );
      return;
    }
    case 'DatasetGenerationCompleted': {
      const d = dataOf<DatasetGenerationCompleted['data']>(event);
      await tx.query(`UPDATE ${t.jobs} SET status = 'completed', result = $2, finished_at = $3 WHERE id = $1`, [
        d.jobId,
        JSON.stringify(d.result),
        d.completedAt,
      ]);
      return;
    }
    case 'DatasetRegenerationCompleted': {
      const d = dataOf<DatasetRegenerationCompleted['data']>(event);
      // `kept` only when there are any: the rows earlier builds projected had no such key.
      const result = {
        dataset_id: datasetId,
        entries_regenerated: d.regenerated,
        failed: d.failed,
        ...(d.kept.length ? { kept: d.kept } : {}),
      };
      await tx.query(`UPDATE ${t.jobs} SET status = 'completed', result = $2, finished_at = $3 WHERE id = $1`, [
        d.jobId,
        JSON.stringify(result),
        d.completedAt,
      ]);
      return;
    }
    case 'DatasetRegenerationFailed': {
      const d = dataOf<DatasetRegenerationFailed['data']>(event);
      const result = { dataset_id: datasetId, entries_regenerated: 0, failed: d.failed, kept: d.kept };
      await tx.query(`UPDATE ${t.jobs} SET status = 'failed', result = $2, error = $3, finished_at = $4 WHERE id = $1`, [
        d.jobId,
        JSON.stringify(result),
        d.error,
        d.failedAt,
      ]);
      return;
    }
    case 'DatasetJobCancelled': {
      const d = dataOf<DatasetJobCancelled['data']>(event);
      await tx.query(`UPDATE ${t.jobs} SET status = 'cancelled', result = $2, finished_at = $3 WHERE id = $1`, [
        d.jobId,
        d.result === null ? null : JSON.stringify(d.result),
        d.cancelledAt,
      ]);
      return;
    }
    case 'DatasetGenerationFailed': {
      const d = dataOf<DatasetGenerationFailed['data']>(event);
      await tx.query(`UPDATE ${t.jobs} SET status = 'failed', error = $2, finished_at = $3 WHERE id = $1`, [d.jobId, d.error, d.failedAt]);
      return;
    }
  }
};
