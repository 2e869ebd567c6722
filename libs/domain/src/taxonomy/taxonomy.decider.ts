import { ConcurrencyError } from '../errors';
import type { Decider } from '../shared/decider';
import type { TaxonomyEvent, TaxonomyNode } from './taxonomy.events';

export interface CreateTaxonomy {
  readonly type: 'CreateTaxonomy';
  readonly taxonomyId: string;
  readonly projectId: string;
  readonly name: string;
  readonly description: string | null;
  readonly taxonomy: TaxonomyNode;
  readonly now: string;
}

export interface TaxonomyState {
  readonly exists: boolean;
  readonly categories: readonly string[];
}

export const taxonomyStream = (taxonomyId: string): string => `taxonomy-${taxonomyId}`;

/** Generation names a taxonomy by project and name, so that pair is its identity (and unique). */
export const taxonomyIdentity = (projectId: string, name: string): string => `taxonomy:${projectId}:${name}`;

/** Leaf and inner category names, depth first, unique; a root with children is the taxonomy itself. */
export const flattenTaxonomy = (root: TaxonomyNode): string[] => {
  const names = new Set<string>();
  const walk = (node: TaxonomyNode): void => {
    names.add(node.name);
    node.children?.forEach(walk);
  };
  if (root.children?.length) root.children.forEach(walk);
  else walk(root);
  return [...names];
};

export const taxonomyDecider: Decider<CreateTaxonomy, TaxonomyState, TaxonomyEvent> = {
  initialState: () => ({ exists: false, categories: [] }),
  decide(command, state) {
    if (state.exists) {
      throw new ConcurrencyError(
        `taxonomy '${command.name}' already exists in project ${command.projectId} (${command.taxonomyId})`,
        'no_stream',
        'stream_exists',
      );
    }
    const { type: _type, now, ...data } = command;
    return [{ type: 'TaxonomyCreated', data: { ...data, categories: flattenTaxonomy(command.taxonomy), createdAt: now } }];
  },
  evolve: (_state, event) => ({ exists: true, categories: event.data.categories }),
};
