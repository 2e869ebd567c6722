import { datasetDecider, datasetStream } from '@compileo/domain';
import { CLOCK, type Clock } from '@compileo/platform';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventWriter } from '../../http/event-writer';
import { EditEntryCommand } from './dataset-commands';
import { loadDataset } from './load-dataset';

/** Records an edit as a new revision of the entry; returns the entry's new version. */
@CommandHandler(EditEntryCommand)
export class EditEntryHandler implements ICommandHandler<EditEntryCommand> {
  constructor(
    private readonly writer: EventWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: EditEntryCommand): Promise<number> {
    await loadDataset(this.writer, c.datasetId);
    const result = await this.writer.write(
      datasetStream(c.datasetId),
      datasetDecider,
      {
        type: 'EditEntry',
        entryId: c.entryId,
        changes: c.changes,
        feedback: c.feedback,
        expectedVersion: c.expectedVersion,
        actor: c.actor,
        now: this.clock.now().toISOString(),
      },
      { actor: c.actor },
    );
    return result.state.entries.get(c.entryId)!.version;
  }
}
