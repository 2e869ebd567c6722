import { NotFoundError, projectDecider, projectStream } from '@compileo/domain';
import { CLOCK, type Clock } from '@compileo/platform';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EventWriter } from '../../http/event-writer';
import { SaveParametersCommand } from './save-parameters.command';

/** Every save is a new event on the project's stream; the latest one shapes later generations. */
@CommandHandler(SaveParametersCommand)
export class SaveParametersHandler implements ICommandHandler<SaveParametersCommand> {
  constructor(
    private readonly writer: EventWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(c: SaveParametersCommand): Promise<string> {
    const { state } = await this.writer.load(projectStream(c.projectId), projectDecider);
    if (!state.exists) throw new NotFoundError('project', c.projectId);
    const parameterId = randomUUID();
    await this.writer.write(
      projectStream(c.projectId),
      projectDecider,
      { type: 'SaveParameters', projectId: c.projectId, parameterId, parameters: c.parameters, now: this.clock.now().toISOString() },
      { actor: c.actor },
    );
    return parameterId;
  }
}
