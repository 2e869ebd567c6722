import { NotFoundError } from '@compileo/domain';
import { DatasetsQueries, EntriesQueries, FeedbackQueries, ProjectsQueries, type DatasetRow } from '@compileo/read-models';
import { EXPORT_FORMATS } from '@compileo/export';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { datasetIdOf } from '../../http/ids';
import { pageFields, projectIdQuery } from '../../http/paging';
import { projectPage } from '../../http/project-page';
import { parseInput } from '../../http/parse-input';
import { datasetSummaryView, type DatasetPageView } from './dataset-list.view';
import { DatasetDownloadService } from './dataset-download.service';
import { datasetView, INLINE_ENTRIES, type DatasetView } from './dataset.view';

const downloadQuerySchema = z.object({ format: z.enum(EXPORT_FORMATS).optional() }).strict();
const listQuerySchema = z.object({ project_id: projectIdQuery, ...pageFields(50) }).strict();

@Controller('api/v1/datasets')
export class DatasetsController {
  constructor(
    private readonly datasets: DatasetsQueries,
    private readonly entries: EntriesQueries,
    private readonly feedback: FeedbackQueries,
    private readonly downloads: DatasetDownloadService,
    private readonly projects: ProjectsQueries,
  ) {}

  /** `?project_id=` (required), `page`, `per_page`: the project's datasets, newest first, without their entries. */
  @Get()
  async list(@Query() query: unknown): Promise<DatasetPageView> {
    const q = parseInput(listQuerySchema, query);
    return projectPage(this.projects, q, 'datasets', (w) => this.datasets.listByProject(q.project_id, w), datasetSummaryView);
  }

  @Get(':dataset_id')
  async get(@Param('dataset_id') param: string): Promise<DatasetView> {
    const dataset = await this.find(param);
    const { entries } = await this.entries.page(dataset, {
      status: 'accepted',
      minQuality: null,
      sortBy: 'quality',
      limit: INLINE_ENTRIES,
      offset: 0,
    });
    return datasetView(
      dataset,
      entries,
      await this.datasets.qualitySummary(dataset),
      await this.datasets.splitCounts(dataset),
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
