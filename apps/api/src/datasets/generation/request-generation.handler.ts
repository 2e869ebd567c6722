import {
  datasetDecider,
  datasetStream,
  DomainError,
  NotFoundError,
  projectDecider,
  projectStream,
  type FormatType,
} from '@compileo/domain';
import { BENCHMARK_SUITES, isBenchmarkSuite, ModelRegistry } from '@compileo/generation';
import { CLOCK, type Clock } from '@compileo/platform';
import { logJobRequested } from '@compileo/jobs';
import { DocumentsQueries, TaxonomiesQueries } from '@compileo/read-models';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EventWriter } from '../../http/event-writer';
import { idText } from '../../http/ids';
import { generationConfig, mergeParameters } from './generation-config';
import { RequestGenerationCommand, type GenerationStarted } from './request-generation.command';

/** `qa` is the suite with data here; it scores the model on the test split, so it needs the splits. */
const checkBenchmark = (suite: string, withSplits: boolean): void => {
  if (!isBenchmarkSuite(suite)) {
    throw new DomainError(
      `benchmark_suite '${suite}' has no benchmark data configured on this server; available suites: ${BENCHMARK_SUITES.join(', ')}`,
      'benchmark_suite',
    );
  }
  if (!withSplits)
    throw new DomainError(
      `benchmark_suite '${suite}' evaluates the test split: set include_evaluation_sets or use /generate-evaluation`,
      'include_evaluation_sets',
    );
};

/**
 * Checks everything a job will need before accepting it (project, chunks, taxonomy, model, benchmark),
 * then records the request. The job itself starts from that event: the log is the outbox.
 */
@CommandHandler(RequestGenerationCommand)
export class RequestGenerationHandler implements ICommandHandler<RequestGenerationCommand> {
  constructor(
    private readonly writer: EventWriter,
    private readonly models: ModelRegistry,
    private readonly taxonomies: TaxonomiesQueries,
    private readonly documents: DocumentsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, actor }: RequestGenerationCommand): Promise<GenerationStarted> {
    const projectId = idText(input.project_id);
    const { state: project } = await this.writer.load(projectStream(projectId), projectDecider);
    if (!project.exists) throw new NotFoundError('project', projectId);
    const model = this.models.resolve(input.classification_model, 'classification_model');
    if (input.run_benchmarks) checkBenchmark(input.benchmark_suite, input.include_evaluation_sets);
    if (input.analyze_quality) this.models.judge(); // a configured judge the server cannot reach is a 422 now, not a failed job
    const taxonomy = input.taxonomy_name
      ? await this.taxonomies.findByName(input.taxonomy_project === null ? projectId : idText(input.taxonomy_project), input.taxonomy_name)
      : null;
    if (input.taxonomy_name && !taxonomy) throw new NotFoundError('taxonomy', input.taxonomy_name, 'taxonomy_name');
    const chunkIds = await this.documents.projectChunkIds(projectId);
    if (chunkIds.length === 0) throw new DomainError(`project ${projectId} has no chunks yet; upload documents first`, 'project_id');
    const datasetId = randomUUID();
    const jobId = randomUUID();
    const name = input.dataset_name ?? `dataset_${datasetId.slice(0, 8)}`;
    const version = input.dataset_name ? await this.allocateVersion(projectId, datasetId, name, input.enable_versioning, actor) : '1.0.0';
    const saved = project.latestParameters;
    const formatType: FormatType = input.format_type ?? (saved?.dataset_format as FormatType | undefined) ?? 'jsonl';
    const config = generationConfig(input, { classificationModel: model.model, formatType, parameters: mergeParameters(saved, input) });
    await this.writer.write(
      datasetStream(datasetId),
      datasetDecider,
      {
        type: 'RequestGeneration',
        datasetId,
        jobId,
        projectId,
        name,
        version,
        config,
        model: model.model,
        taxonomyId: taxonomy?.id ?? null,
        categories: taxonomy?.categories ?? null,
        chunkIds,
        splitSeed: datasetId,
        now: this.clock.now().toISOString(),
      },
      { actor, jobId, correlationId: jobId },
    );
    logJobRequested(
      { kind: 'generation', jobId, datasetId },
      { project_id: projectId, chunks: chunkIds.length, model: model.model, actor },
    );
    return { jobId, datasetId };
  }

  /** The version of a named dataset, allocated on the project stream (concurrent requests differ). */
  private async allocateVersion(projectId: string, datasetId: string, name: string, versioned: boolean, actor: string): Promise<string> {
    const result = await this.writer.write(
      projectStream(projectId),
      projectDecider,
      { type: 'AllocateDatasetVersion', projectId, datasetId, name, versioned, now: this.clock.now().toISOString() },
      { actor },
    );
    const allocated = result.events.find((e) => e.type === 'DatasetVersionAllocated');
    return allocated!.data.version;
  }
}
