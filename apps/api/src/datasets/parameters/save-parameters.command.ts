import type { PromptParameters } from '@compileo/domain';
import { Command } from '@nestjs/cqrs';

/** Saves a project's prompt parameters; resolves to the parameter set id. */
export class SaveParametersCommand extends Command<string> {
  constructor(
    readonly projectId: string,
    readonly parameters: PromptParameters & { readonly dataset_format: string },
    readonly actor: string,
  ) {
    super();
  }
}
