import { datasetDecider, datasetStream } from '@compileo/domain';
import { CLOCK, type Clock } from '@compileo/platform';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventWriter } from '../../http/event-writer';
import { CancelJobCommand } from './cancel-job.command';

/** Records the cancellation; the worker sees it within one chunk and aborts its model calls in flight. */
@CommandHandler(CancelJobCommand)
export class CancelJobHandler implements ICommandHandler<CancelJobCommand> {
  constructor(
    private readonly writer: EventWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: CancelJobCommand): Promise<void> {
    await this.writer.write(
      datasetStream(c.datasetId),
      datasetDecider,
      { type: 'CancelJob', jobId: c.jobId, actor: c.actor, now: this.clock.now().toISOString() },
      { actor: c.actor, jobId: c.jobId, correlationId: c.jobId },
    );
  }
}
