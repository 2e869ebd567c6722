import type { Decider, DomainEvent } from '@compileo/domain';
import { CommandRunner, type EventMetadata, type RunResult } from '@compileo/event-store';
import { ProjectionRunner } from '@compileo/read-models';
import { Injectable } from '@nestjs/common';

/**
 * The write side as command handlers use it: decide and append (durable before the handler returns),
 * then wait for the read models to apply it, so a client reading right after a 2xx sees its write.
 */
@Injectable()
export class EventWriter {
  constructor(
    private readonly runner: CommandRunner,
    private readonly projections: ProjectionRunner,
  ) {}

  async write<C, S, E extends DomainEvent>(
    streamId: string,
    decider: Decider<C, S, E>,
    command: C,
    metadata: EventMetadata,
  ): Promise<RunResult<S, E>> {
    const result = await this.runner.run(streamId, decider, command, { metadata });
    await this.projections.waitFor(result.position);
    return result;
  }

  load<C, S, E extends DomainEvent>(streamId: string, decider: Decider<C, S, E>): Promise<{ readonly state: S }> {
    return this.runner.load(streamId, decider);
  }
}
