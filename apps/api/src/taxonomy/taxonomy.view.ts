import type { TaxonomyRow } from '@compileo/read-models';

/** A taxonomy as lists show it. */
export interface TaxonomySummaryView {
  readonly id: string;
  readonly name: string;
  readonly project_id: string;
  readonly description: string | null;
  readonly categories_count: number;
  readonly created_at: string;
}

/** `GET /taxonomy/{id}`: the summary, the flattened categories and the tree as sent. */
export interface TaxonomyView extends TaxonomySummaryView {
  readonly categories: readonly string[];
  readonly taxonomy: unknown;
}

export interface TaxonomyListView {
  readonly taxonomies: readonly TaxonomySummaryView[];
  readonly total: number;
}

export const taxonomySummaryView = (t: TaxonomyRow): TaxonomySummaryView => ({
  id: t.id,
  name: t.name,
  project_id: t.project_id,
  description: t.description,
  categories_count: t.categories_count,
  created_at: t.created_at,
});

export const taxonomyView = (t: TaxonomyRow): TaxonomyView => ({
  ...taxonomySummaryView(t),
  categories: t.categories,
  taxonomy: t.taxonomy,
});
