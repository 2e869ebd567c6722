import type { PromptParameters } from '@compileo/domain';

export class SaveParametersCommand {
  constructor(
    readonly projectId: string,
    readonly parameters: PromptParameters & { readonly dataset_format: string },
    readonly actor: string,
  ) {}
}
