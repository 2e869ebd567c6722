import { datasetDecider, datasetStream } from '@compileo/domain';
import { CLOCK, type Clock } from '@compileo/platform';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EventWriter } from '../../http/event-writer';
import { AddFeedbackCommand } from './dataset-commands';
import { loadDataset } from './load-dataset';

/** Stores feedback per entry; human ratings sit beside model scores and never overwrite them. */
@CommandHandler(AddFeedbackCommand)
export class AddFeedbackHandler implements ICommandHandler<AddFeedbackCommand> {
  constructor(
    private readonly writer: EventWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: AddFeedbackCommand): Promise<number> {
    await loadDataset(this.writer, c.datasetId);
    const entryIds = [...new Set(c.entryIds)];
    await this.writer.write(
      datasetStream(c.datasetId),
      datasetDecider,
      {
        type: 'AddFeedback',
        feedbackId: randomUUID(),
        entryIds,
        feedbackType: c.feedbackType,
        comments: c.comments,
        rating: c.rating,
        actor: c.actor,
        now: this.clock.now().toISOString(),
      },
      { actor: c.actor },
    );
    return entryIds.length;
  }
}
