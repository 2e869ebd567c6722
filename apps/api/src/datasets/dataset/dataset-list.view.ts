import type { DatasetRow } from '@compileo/read-models';
import type { PageView } from '../../http/project-page';
import { usageView, type UsageView } from './usage.view';

/** A dataset as `GET /datasets?project_id=` lists it: what finds it again, without its entries. */
export interface DatasetSummaryView {
  readonly id: string;
  readonly name: string;
  readonly project_id: string;
  readonly status: string;
  readonly version: string;
  readonly format_type: DatasetRow['format_type'];
  readonly model: string;
  readonly job_id: string;
  readonly total_entries: number;
  readonly rejected_count: number;
  readonly has_splits: boolean;
  readonly usage: UsageView;
  readonly created_at: string;
  readonly updated_at: string;
}

export type DatasetPageView = PageView<'datasets', DatasetSummaryView>;

export const datasetSummaryView = (d: DatasetRow): DatasetSummaryView => ({
  id: d.id,
  name: d.name,
  project_id: d.project_id,
  status: d.status,
  version: d.version,
  format_type: d.format_type,
  model: d.model,
  job_id: d.job_id,
  total_entries: d.total_entries,
  rejected_count: d.rejected_count,
  has_splits: d.has_splits,
  usage: usageView(d),
  created_at: d.created_at,
  updated_at: d.updated_at,
});
