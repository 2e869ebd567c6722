import { projectDecider, projectStream } from '@compileo/domain';
import { CLOCK, type Clock } from '@compileo/platform';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EventWriter } from '../http/event-writer';
import { CreateProjectCommand } from './create-project.command';

@CommandHandler(CreateProjectCommand)
export class CreateProjectHandler implements ICommandHandler<CreateProjectCommand> {
  constructor(
    private readonly writer: EventWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: CreateProjectCommand): Promise<string> {
    const projectId = randomUUID();
    await this.writer.write(
      projectStream(projectId),
      projectDecider,
      { type: 'CreateProject', projectId, name: command.name, description: command.description, now: this.clock.now().toISOString() },
      { actor: command.actor },
    );
    return projectId;
  }
}
