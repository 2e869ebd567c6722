import { Command } from '@nestjs/cqrs';

/** Creates a project; resolves to the new project id. */
export class CreateProjectCommand extends Command<string> {
  constructor(
    readonly name: string,
    readonly description: string | null,
    readonly actor: string,
  ) {
    super();
  }
}
