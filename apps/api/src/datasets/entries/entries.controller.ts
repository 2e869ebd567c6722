import { NotFoundError, ValidationError } from '@compileo/domain';
import { DatasetsQueries, EntriesQueries, FeedbackQueries } from '@compileo/read-models';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { datasetIdOf } from '../../http/ids';
import { pageWindow } from '../../http/paging';
import { parseInput } from '../../http/parse-input';
import { Actor } from '../../http/request-actor';
import { AddFeedbackCommand, EditEntryCommand, RequestRegenerationCommand } from './dataset-commands';
import {
  editEntrySchema,
  entriesQuerySchema,
  feedbackQuerySchema,
  feedbackSchema,
  ifMatchVersion,
  regenerateSchema,
} from './entries.schemas';
import type {
  EntryEditedView,
  EntryPageView,
  FeedbackAcceptedView,
  FeedbackPageView,
  RegenerationStartedView,
} from './entry-responses.view';
import { entryView, feedbackItemView } from './entry.view';

@Controller('api/v1/datasets')
export class EntriesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly datasets: DatasetsQueries,
    private readonly entries: EntriesQueries,
    private readonly feedbackQueries: FeedbackQueries,
  ) {}

  @Get(':dataset_id/entries')
  async list(@Param('dataset_id') param: string, @Query() query: unknown): Promise<EntryPageView> {
    const q = parseInput(entriesQuerySchema, query);
    const datasetId = datasetIdOf(param);
    const dataset = await this.datasets.find(datasetId);
    if (!dataset) throw new NotFoundError('dataset', param);
    const { entries, total } = await this.entries.page(dataset, {
      status: q.status,
      minQuality: q.filter_quality ?? null,
      sortBy: q.sort_by,
      ...pageWindow(q),
    });
    const { average_score, distribution } = await this.datasets.qualitySummary(dataset);
    const feedback = await this.feedbackQueries.forEntries(
      datasetId,
      entries.map((e) => e.entry_id),
    );
    return {
      entries: entries.map((e) => entryView(e, feedback.get(e.entry_id))),
      total,
      page: q.page,
      per_page: q.per_page,
      quality_summary: { average_score, distribution },
    };
  }

  /** Every piece of feedback on the dataset's entries (or one entry's, `?entry_id=`), paged, with per-entry rating aggregates. */
  @Get(':dataset_id/feedback')
  async listFeedback(@Param('dataset_id') param: string, @Query() query: unknown): Promise<FeedbackPageView> {
    const q = parseInput(feedbackQuerySchema, query);
    const datasetId = datasetIdOf(param);
    if (!(await this.datasets.find(datasetId))) throw new NotFoundError('dataset', param);
    const { feedback, total, entries } = await this.feedbackQueries.page(datasetId, q.entry_id ?? null, {
      limit: q.per_page,
      offset: (q.page - 1) * q.per_page,
    });
    return {
      dataset_id: datasetId,
      feedback: feedback.map((f) => ({ entry_id: f.entry_id, ...feedbackItemView(f) })),
      total,
      page: q.page,
      per_page: q.per_page,
      entries: Object.fromEntries(entries),
    };
  }

  /** Partial edit; `expected_version` or `If-Match` makes it conditional (409 when stale). The new version is in `ETag`. */
  @Put(':dataset_id/entries/:entry_id')
  async edit(
    @Param('dataset_id') param: string,
    @Param('entry_id') entryId: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Actor() actor: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EntryEditedView> {
    const input = parseInput(editEntrySchema, body);
    const headerVersion = ifMatchVersion(ifMatch);
    if (headerVersion === 'invalid') throw ValidationError.field('If-Match', 'must be an entry version such as "3"');
    if (headerVersion !== null && input.expected_version !== undefined && headerVersion !== input.expected_version) {
      throw ValidationError.field('expected_version', `disagrees with If-Match (${headerVersion})`);
    }
    const { question, answer, category } = input;
    const changes = Object.fromEntries(Object.entries({ question, answer, category }).filter(([, v]) => v !== undefined));
    const version = await this.commands.execute(
      new EditEntryCommand(datasetIdOf(param), entryId, changes, input.feedback ?? null, input.expected_version ?? headerVersion, actor),
    );
    res.setHeader('ETag', `"${version}"`);
    return { message: `Entry ${entryId} updated successfully`, version };
  }

  @Post(':dataset_id/feedback')
  @HttpCode(200)
  async feedback(@Param('dataset_id') param: string, @Body() body: unknown, @Actor() actor: string): Promise<FeedbackAcceptedView> {
    const input = parseInput(feedbackSchema, body);
    const count = await this.commands.execute(
      new AddFeedbackCommand(datasetIdOf(param), input.entry_ids, input.feedback_type, input.comments ?? null, input.rating ?? null, actor),
    );
    return { message: `Feedback submitted for ${count} entries` };
  }

  @Post(':dataset_id/regenerate')
  @HttpCode(200)
  async regenerate(@Param('dataset_id') param: string, @Body() body: unknown, @Actor() actor: string): Promise<RegenerationStartedView> {
    const input = parseInput(regenerateSchema, body);
    const config = {
      model: input.regeneration_config.model,
      temperature: input.regeneration_config.temperature ?? null,
      max_tokens: input.regeneration_config.max_tokens ?? null,
      improve_quality: input.regeneration_config.improve_quality,
    };
    const jobId = await this.commands.execute(new RequestRegenerationCommand(datasetIdOf(param), input.entry_ids, config, actor));
    return { job_id: jobId, message: `Regeneration started for ${new Set(input.entry_ids).size} entries` };
  }
}
