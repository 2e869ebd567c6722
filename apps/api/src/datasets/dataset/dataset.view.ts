import type { DatasetRow, EntryRow, QualitySummary } from '@compileo/read-models';
import { entryView } from '../entries/entry.view';
import { usageView } from './usage.view';

/** `GET /{id}` carries at most this many entries inline; the rest are paged through `/entries`. */
export const INLINE_ENTRIES = 100;

export const datasetView = (d: DatasetRow, entries: readonly EntryRow[], quality: QualitySummary, splits: Record<string, number>) => ({
  id: d.id,
  name: d.name,
  entries: entries.map(entryView),
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
