import type { TaxonomyNode } from '@compileo/domain';

export class CreateTaxonomyCommand {
  constructor(
    readonly projectId: string,
    readonly name: string,
    readonly description: string | null,
    readonly taxonomy: TaxonomyNode,
    readonly actor: string,
  ) {}
}
