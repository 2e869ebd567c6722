import type { DomainEvent } from '../shared/decider';

export interface TaxonomyNode {
  readonly name: string;
  readonly description?: string;
  readonly children?: readonly TaxonomyNode[];
}

export type TaxonomyCreated = DomainEvent<
  'TaxonomyCreated',
  {
    readonly taxonomyId: string;
    readonly projectId: string;
    readonly name: string;
    readonly description: string | null;
    readonly taxonomy: TaxonomyNode;
    /** Flattened category names, depth first, the root excluded when it has children. */
    readonly categories: readonly string[];
    readonly createdAt: string;
  }
>;

export type TaxonomyEvent = TaxonomyCreated;
