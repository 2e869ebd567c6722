import { SQL_CLIENT, type SqlExecutor } from '@compileo/sql';
import { Inject, Injectable } from '@nestjs/common';
import { type DatasetRow, findDataset, qualitySummary, type QualitySummary, splitCounts } from '../queries/datasets.queries';

/** Datasets and the aggregates over their accepted entries. */
@Injectable()
export class DatasetsQueries {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlExecutor) {}

  find(id: string): Promise<DatasetRow | null> {
    return findDataset(this.sql, id);
  }

  qualitySummary(datasetId: string): Promise<QualitySummary> {
    return qualitySummary(this.sql, datasetId);
  }

  splitCounts(datasetId: string): Promise<Record<string, number>> {
    return splitCounts(this.sql, datasetId);
  }
}
