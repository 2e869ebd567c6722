import { NotFoundError } from '@compileo/domain';
import { JobsQueries } from '@compileo/read-models';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { parseInput } from '../../http/parse-input';
import { CancelJobCommand } from './cancel-job.command';
import { Actor } from '../../http/request-actor';
import { generateSchema } from './generate.schema';
import type { GenerationEstimateView } from './generation-estimate.view';
import { GenerationEstimator } from './generation-estimator';
import type { GenerationStartedView } from './generation-started.view';
import { jobStatusView, type JobStatusView } from './job-status.view';
import { RequestGenerationCommand } from './request-generation.command';

@Controller('api/v1/datasets')
export class GenerationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly jobs: JobsQueries,
    private readonly estimator: GenerationEstimator,
  ) {}

  /** With `dry_run: true`, the estimate of what the job would take; nothing is recorded or started. */
  @Post('generate')
  @HttpCode(200)
  async generate(@Body() body: unknown, @Actor() actor: string): Promise<GenerationStartedView | GenerationEstimateView> {
    const input = parseInput(generateSchema, body);
    if (input.dry_run) return this.estimator.estimate(input);
    const started = await this.commands.execute(new RequestGenerationCommand(input, actor));
    return { job_id: started.jobId, message: 'Dataset generation started', dataset_id: started.datasetId };
  }

  /** `/generate` with `include_evaluation_sets` forced on (a dry run too). */
  @Post('generate-evaluation')
  @HttpCode(200)
  async generateEvaluation(@Body() body: unknown, @Actor() actor: string): Promise<GenerationStartedView | GenerationEstimateView> {
    const input = { ...parseInput(generateSchema, body), include_evaluation_sets: true };
    if (input.dry_run) return this.estimator.estimate(input);
    const started = await this.commands.execute(new RequestGenerationCommand(input, actor));
    return { job_id: started.jobId, message: 'Evaluation dataset generation started', dataset_id: started.datasetId };
  }

  /** Stops a pending or running job within one chunk; what it generated stays. 422 once it has finished. */
  @Post('generate/:job_id/cancel')
  @HttpCode(200)
  async cancel(@Param('job_id') jobId: string, @Actor() actor: string): Promise<JobStatusView> {
    const job = await this.jobs.find(jobId);
    if (!job) throw new NotFoundError('job', jobId);
    await this.commands.execute(new CancelJobCommand(job.dataset_id, jobId, actor));
    return this.status(jobId);
  }

  @Get('generate/:job_id/status')
  async status(@Param('job_id') jobId: string): Promise<JobStatusView> {
    const job = await this.jobs.find(jobId);
    if (!job) throw new NotFoundError('job', jobId);
    return jobStatusView(job);
  }
}
