import { NotFoundError, projectDecider, projectStream, taxonomyDecider, taxonomyIdentity, taxonomyStream } from '@compileo/domain';
import { deterministicId } from '@compileo/event-store';
import { CLOCK, type Clock } from '@compileo/platform';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventWriter } from '../http/event-writer';
import { CreateTaxonomyCommand } from './create-taxonomy.command';

/** Taxonomy names are unique within a project, because generation names them (`taxonomy_name`). */
@CommandHandler(CreateTaxonomyCommand)
export class CreateTaxonomyHandler implements ICommandHandler<CreateTaxonomyCommand> {
  constructor(
    private readonly writer: EventWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: CreateTaxonomyCommand): Promise<string> {
    const { state } = await this.writer.load(projectStream(command.projectId), projectDecider);
    if (!state.exists) throw new NotFoundError('project', command.projectId);
    // The id derives from (project, name): a second taxonomy of that name finds the stream taken → 409.
    const taxonomyId = deterministicId(taxonomyIdentity(command.projectId, command.name));
    await this.writer.write(
      taxonomyStream(taxonomyId),
      taxonomyDecider,
      {
        type: 'CreateTaxonomy',
        taxonomyId,
        projectId: command.projectId,
        name: command.name,
        description: command.description,
        taxonomy: command.taxonomy,
        now: this.clock.now().toISOString(),
      },
      { actor: command.actor },
    );
    return taxonomyId;
  }
}
