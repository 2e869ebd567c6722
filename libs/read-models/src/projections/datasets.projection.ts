import type {
  DatasetChunkProcessed,
  DatasetEntryEdited,
  DatasetGenerationFailed,
  DatasetGenerationRequested,
  DatasetJobCancelled,
  DatasetRegenerationCompleted,
} from '@compileo/domain';
import type { RecordedEvent } from '@compileo/event-store';
import type { SqlExecutor } from '@compileo/sql';
import type { Tables } from '../tables';
import { dataOf, type ProjectionHandler } from './projection';

const datasetIdOf = (streamId: string): string => streamId.slice('dataset-'.length);

/** The dataset's version as the event recorded it. */
const setVersion = (tx: SqlExecutor, t: Tables, datasetId: string, version: string, at: string): Promise<unknown> =>
  tx.query(`UPDATE ${t.datasets} SET version = $2, updated_at = CASE WHEN version = $2 THEN updated_at ELSE $3 END WHERE id = $1`, [
    datasetId,
    version,
    at,
  ]);

const timeOf = (event: { readonly data: unknown }, key: string): string => (event.data as Record<string, string>)[key];

export const datasetsProjection: ProjectionHandler = async (event, tx, t) => {
  if (!event.streamId.startsWith('dataset-')) return;
  const datasetId = datasetIdOf(event.streamId);
  await applyDatasetEvent(event, tx, t, datasetId);
  // The stream revision and log position the row reflects: exports name them, so a file can be traced to the log.
  await tx.query(`UPDATE ${t.datasets} SET revision = $2, log_position = $3 WHERE id = $1`, [
    datasetId,
    event.revision.toString(),
    event.position,
  ]);
};

const applyDatasetEvent = async (event: RecordedEvent, tx: SqlExecutor, t: Tables, datasetId: string): Promise<void> => {
  switch (event.type) {
    case 'DatasetGenerationRequested': {
      const d = dataOf<DatasetGenerationRequested['data']>(event);
      await tx.query(
        `INSERT INTO ${t.datasets} (id, project_id, name, status, version, format_type, model, config, job_id, created_at, updated_at)
         VALUES ($1, $2, $3, 'generating', $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (id) DO NOTHING`,
        [d.datasetId, d.projectId, d.name, d.version, d.config.format_type, d.model, JSON.stringify(d.config), d.jobId, d.requestedAt],
      );
      return;
    }
    case 'DatasetChunkProcessed': {
      const d = dataOf<DatasetChunkProcessed['data']>(event);
      await tx.query(
        `UPDATE ${t.datasets} SET total_entries = total_entries + $2, rejected_count = rejected_count + $3, updated_at = $4,
           input_tokens = input_tokens + $5, output_tokens = output_tokens + $6,
           cost_usd = CASE WHEN $7::float8 IS NULL THEN cost_usd ELSE COALESCE(cost_usd, 0) + $7::float8 END WHERE id = $1`,
        [
          datasetId,
          d.accepted.length,
          d.rejected.length,
          d.processedAt,
          d.usage?.inputTokens ?? 0,
          d.usage?.outputTokens ?? 0,
          d.usage?.costUsd ?? null,
        ],
      );
      return;
    }
    case 'DatasetSplitAssigned':
      await tx.query(`UPDATE ${t.datasets} SET has_splits = true WHERE id = $1`, [datasetId]);
      return;
    case 'DatasetGenerationCompleted':
      await tx.query(`UPDATE ${t.datasets} SET status = 'completed', updated_at = $2 WHERE id = $1`, [
        datasetId,
        timeOf(event, 'completedAt'),
      ]);
      return;
    case 'DatasetGenerationFailed': {
      const d = dataOf<DatasetGenerationFailed['data']>(event);
      await tx.query(`UPDATE ${t.datasets} SET status = 'failed', updated_at = $2 WHERE id = $1`, [datasetId, d.failedAt]);
      return;
    }
    case 'DatasetJobCancelled': {
      const d = dataOf<DatasetJobCancelled['data']>(event);
      if (d.kind === 'generation')
        await tx.query(`UPDATE ${t.datasets} SET status = 'cancelled', updated_at = $2 WHERE id = $1`, [datasetId, d.cancelledAt]);
      await setVersion(tx, t, datasetId, d.datasetVersion, d.cancelledAt);
      return;
    }
    case 'DatasetQualityAnalysed':
      await tx.query(`UPDATE ${t.datasets} SET quality_report = $2 WHERE id = $1`, [
        datasetId,
        JSON.stringify((event.data as { report: unknown }).report),
      ]);
      return;
    case 'DatasetBenchmarkRecorded':
      await tx.query(`UPDATE ${t.datasets} SET benchmarks = benchmarks || jsonb_build_array($2::jsonb) WHERE id = $1`, [
        datasetId,
        JSON.stringify({ ...(event.data as { result: object }).result, recorded_at: (event.data as { recordedAt: string }).recordedAt }),
      ]);
      return;
    case 'DatasetEntryEdited': {
      const d = dataOf<DatasetEntryEdited['data']>(event);
      await setVersion(tx, t, datasetId, d.datasetVersion, d.editedAt);
      return;
    }
    case 'DatasetRegenerationCompleted': {
      const d = dataOf<DatasetRegenerationCompleted['data']>(event);
      await setVersion(tx, t, datasetId, d.datasetVersion, d.completedAt);
      return;
    }
  }
};
