import { datasetDecider, datasetStream } from '@compileo/domain';
import { ModelRegistry } from '@compileo/generation';
import { CLOCK, type Clock } from '@compileo/platform';
import { logJobRequested } from '@compileo/jobs';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EventWriter } from '../../http/event-writer';
import { RequestRegenerationCommand } from './dataset-commands';
import { loadDataset } from './load-dataset';

/** Records a regeneration request; the worker picks it up from the log. Returns the `regenerate_` job id. */
@CommandHandler(RequestRegenerationCommand)
export class RequestRegenerationHandler implements ICommandHandler<RequestRegenerationCommand> {
  constructor(
    private readonly writer: EventWriter,
    private readonly models: ModelRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: RequestRegenerationCommand): Promise<string> {
    const state = await loadDataset(this.writer, c.datasetId);
    const model = this.models.resolve(c.config.model ?? state.request!.model, 'regeneration_config.model');
    const jobId = `regenerate_${randomUUID()}`;
    await this.writer.write(
      datasetStream(c.datasetId),
      datasetDecider,
      {
        type: 'RequestRegeneration',
        jobId,
        entryIds: [...new Set(c.entryIds)],
        config: {
          model: model.model,
          temperature: c.config.temperature,
          max_tokens: c.config.max_tokens,
          improve_quality: c.config.improve_quality,
        },
        now: this.clock.now().toISOString(),
      },
      { actor: c.actor, jobId, correlationId: jobId },
    );
    logJobRequested(
      { kind: 'regeneration', jobId, datasetId: c.datasetId },
      { entries: new Set(c.entryIds).size, model: model.model, actor: c.actor },
    );
    return jobId;
  }
}
