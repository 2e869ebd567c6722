import type { TaxonomyNode } from '@compileo/domain';
import { Command } from '@nestjs/cqrs';

/** Creates a taxonomy in a project; resolves to the taxonomy id. */
export class CreateTaxonomyCommand extends Command<string> {
  constructor(
    readonly projectId: string,
    readonly name: string,
    readonly description: string | null,
    readonly taxonomy: TaxonomyNode,
    readonly actor: string,
  ) {
    super();
  }
}
