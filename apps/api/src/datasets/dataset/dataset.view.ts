import type { DatasetRow, EntryFeedback, EntryRow, QualitySummary } from '@compileo/read-models';
import { entryView, type EntryView } from '../entries/entry.view';
import { usageView, type UsageView } from './usage.view';

/** `GET /{id}` carries at most this many entries inline; the rest are paged through `/entries`. */
export const INLINE_ENTRIES = 100;

/** `GET /{dataset_id}`: the dataset, its first entries by quality, and its summaries. */
export interface DatasetView {
  readonly id: string;
  readonly name: string;
  readonly entries: readonly EntryView[];
  readonly total_entries: number;
  readonly created_at: string;
  readonly format_type: DatasetRow['format_type'];
  readonly quality_summary: QualitySummary;
  readonly quality_report: Record<string, unknown> | null;
  readonly benchmarks: readonly Record<string, unknown>[];
  readonly project_id: string;
  readonly status: string;
  readonly version: string;
  readonly job_id: string;
  readonly model: string;
  readonly rejected_count: number;
  readonly usage: UsageView;
  readonly entries_inline_limit: number;
  readonly entries_truncated: boolean;
  readonly splits: Record<string, number> | null;
  readonly updated_at: string;
  readonly config: Record<string, unknown>;
}

export const datasetView = (
  d: DatasetRow,
  entries: readonly EntryRow[],
  quality: QualitySummary,
  splits: Record<string, number>,
  feedback: ReadonlyMap<string, EntryFeedback>,
): DatasetView => ({
  id: d.id,
  name: d.name,
  entries: entries.map((e) => entryView(e, feedback.get(e.entry_id))),
  total_entries: d.total_entries,
  created_at: d.created_at,
  format_type: d.format_type,
  quality_summary: quality,
  quality_report: d.quality_report,
  benchmarks: d.benchmarks,
  project_id: d.project_id,
  status: d.status,
  version: d.version,
  job_id: d.job_id,
  model: d.model,
  rejected_count: d.rejected_count,
  usage: usageView(d),
  entries_inline_limit: INLINE_ENTRIES,
  entries_truncated: d.total_entries > entries.length,
  splits: d.has_splits ? splits : null,
  updated_at: d.updated_at,
  config: d.config,
});
