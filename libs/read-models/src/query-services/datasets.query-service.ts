import { READ_SQL, type SqlExecutor } from '@compileo/sql';
import { Inject, Injectable } from '@nestjs/common';
import {
  type DatasetRow,
  findDataset,
  listProjectDatasets,
  qualitySummary,
  type QualitySummary,
  splitCounts,
} from '../queries/datasets.queries';
import type { Page, PageRequest } from '../queries/page';
import { type DatasetRevision, RevisionCache } from './revision-cache';

/** Datasets and the aggregates over their accepted entries (computed once per dataset revision). */
@Injectable()
export class DatasetsQueries {
  constructor(
    @Inject(READ_SQL) private readonly sql: SqlExecutor,
    private readonly aggregates: RevisionCache,
  ) {}

  find(id: string): Promise<DatasetRow | null> {
    return findDataset(this.sql, id);
  }

  /** A project's datasets, newest first. */
  listByProject(projectId: string, page: PageRequest): Promise<Page<DatasetRow>> {
    return listProjectDatasets(this.sql, projectId, page);
  }

  qualitySummary(dataset: DatasetRevision): Promise<QualitySummary> {
    return this.aggregates.get(dataset, 'quality', () => qualitySummary(this.sql, dataset.id));
  }

  splitCounts(dataset: DatasetRevision): Promise<Record<string, number>> {
    return this.aggregates.get(dataset, 'splits', () => splitCounts(this.sql, dataset.id));
  }
}
