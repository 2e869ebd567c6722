import { NotFoundError } from '@compileo/domain';
import { DatasetsQueries, EntriesQueries, FeedbackQueries, type DatasetRow } from '@compileo/read-models';
import { EXPORT_FORMATS } from '@compileo/export';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { datasetIdOf } from '../../http/ids';
import { parseInput } from '../../http/parse-input';
import { DatasetDownloadService } from './dataset-download.service';
import { datasetView, INLINE_ENTRIES, type DatasetView } from './dataset.view';

const downloadQuerySchema = z.object({ format: z.enum(EXPORT_FORMATS).optional() }).strict();

@Controller('api/v1/datasets')
export class DatasetsController {
  constructor(
    private readonly datasets: DatasetsQueries,
    private readonly entries: EntriesQueries,
    private readonly feedback: FeedbackQueries,
    private readonly downloads: DatasetDownloadService,
  ) {}

  @Get(':dataset_id')
  async get(@Param('dataset_id') param: string): Promise<DatasetView> {
    const dataset = await this.find(param);
    const { entries } = await this.entries.page(dataset.id, {
      status: 'accepted',
      minQuality: null,
      sortBy: 'quality',
      limit: INLINE_ENTRIES,
      offset: 0,
    });
    return datasetView(
      dataset,
      entries,
      await this.datasets.qualitySummary(dataset.id),
      await this.datasets.splitCounts(dataset.id),
      await this.feedback.forEntries(
        dataset.id,
        entries.map((e) => e.entry_id),
      ),
    );
  }

  /** `?format=jsonl|parquet|alpaca|sharegpt|openai`; the dataset's `format_type` by default. */
  @Get(':dataset_id/download')
  async download(@Param('dataset_id') param: string, @Query() query: unknown, @Res() res: Response): Promise<void> {
    const { format } = parseInput(downloadQuerySchema, query);
    await this.downloads.send(await this.find(param), format, res);
  }

  private async find(param: string): Promise<DatasetRow> {
    const dataset = await this.datasets.find(datasetIdOf(param));
    if (!dataset) throw new NotFoundError('dataset', param);
    return dataset;
  }
}
