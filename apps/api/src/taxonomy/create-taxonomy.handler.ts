import { ConcurrencyError, NotFoundError, projectDecider, projectStream, taxonomyDecider, taxonomyStream } from '@compileo/domain';
import { SQL_CLIENT, type SqlClient } from '@compileo/event-store';
import { CLOCK, type Clock } from '@compileo/platform';
import { findTaxonomyByName } from '@compileo/read-models';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EventWriter } from '../http/event-writer';
import { CreateTaxonomyCommand } from './create-taxonomy.command';

/** Taxonomy names are unique within a project, because generation names them (`taxonomy_name`). */
@CommandHandler(CreateTaxonomyCommand)
export class CreateTaxonomyHandler implements ICommandHandler<CreateTaxonomyCommand, string> {
  constructor(
    private readonly writer: EventWriter,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: CreateTaxonomyCommand): Promise<string> {
    const { state } = await this.writer.load(projectStream(command.projectId), projectDecider);
    if (!state.exists) throw new NotFoundError('project', command.projectId);
    const existing = await findTaxonomyByName(this.sql, command.projectId, command.name);
    if (existing) throw new ConcurrencyError(`taxonomy '${command.name}' already exists in project ${command.projectId} (${existing.id})`, 'no_stream', existing.id);
    const taxonomyId = randomUUID();
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
