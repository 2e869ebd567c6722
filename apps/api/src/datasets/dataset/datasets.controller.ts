import { NotFoundError } from '@compileo/domain';
import { SQL_CLIENT, type SqlClient } from '@compileo/event-store';
import { findDataset, pageEntries, qualitySummary, splitCounts, type DatasetRow } from '@compileo/read-models';
import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { datasetIdOf } from '../../http/ids';
import { DatasetDownloadService } from './dataset-download.service';
import { datasetView, INLINE_ENTRIES } from './dataset.view';

@Controller('api/v1/datasets')
export class DatasetsController {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    private readonly downloads: DatasetDownloadService,
  ) {}

  @Get(':dataset_id')
  async get(@Param('dataset_id') param: string) {
    const dataset = await this.find(param);
    const { entries } = await pageEntries(this.sql, dataset.id, { status: 'accepted', minQuality: null, sortBy: 'quality', limit: INLINE_ENTRIES, offset: 0 });
    return datasetView(dataset, entries, await qualitySummary(this.sql, dataset.id), await splitCounts(this.sql, dataset.id));
  }

  @Get(':dataset_id/download')
  async download(@Param('dataset_id') param: string, @Res() res: Response): Promise<void> {
    await this.downloads.send(await this.find(param), res);
  }

  private async find(param: string): Promise<DatasetRow> {
    const dataset = await findDataset(this.sql, datasetIdOf(param));
    if (!dataset) throw new NotFoundError('dataset', param);
    return dataset;
  }
}
