import { datasetDecider, datasetStream, projectDecider, projectStream } from '@compileo/domain';
import { CLOCK, type Clock } from '@compileo/platform';
import { logJobRequested } from '@compileo/jobs';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EventWriter } from '../../http/event-writer';
import { GenerationPlanner } from './generation-planner';
import { RequestGenerationCommand, type GenerationStarted } from './request-generation.command';

/**
 * Checks everything a job will need before accepting it (the planner), then records the request. The
 * job itself starts from that event: the log is the outbox.
 */
@CommandHandler(RequestGenerationCommand)
export class RequestGenerationHandler implements ICommandHandler<RequestGenerationCommand> {
  constructor(
    private readonly writer: EventWriter,
    private readonly planner: GenerationPlanner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, actor }: RequestGenerationCommand): Promise<GenerationStarted> {
    const { projectId, model, taxonomy, chunkIds, config } = await this.planner.plan(input);
    const datasetId = randomUUID();
    const jobId = randomUUID();
    const name = input.dataset_name ?? `dataset_${datasetId.slice(0, 8)}`;
    const version = input.dataset_name ? await this.allocateVersion(projectId, datasetId, name, input.enable_versioning, actor) : '1.0.0';
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
