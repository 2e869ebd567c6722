import { SQL_CLIENT, type SqlExecutor } from '@compileo/sql';
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

/** Datasets and the aggregates over their accepted entries. */
@Injectable()
export class DatasetsQueries {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlExecutor) {}

  find(id: string): Promise<DatasetRow | null> {
    return findDataset(this.sql, id);
  }

  /** A project's datasets, newest first. */
  listByProject(projectId: string, page: PageRequest): Promise<Page<DatasetRow>> {
    return listProjectDatasets(this.sql, projectId, page);
  }

  qualitySummary(datasetId: string): Promise<QualitySummary> {
    return qualitySummary(this.sql, datasetId);
  }

  splitCounts(datasetId: string): Promise<Record<string, number>> {
    return splitCounts(this.sql, datasetId);
  }
}
