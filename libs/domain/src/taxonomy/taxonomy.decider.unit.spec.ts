import {
  ConcurrencyError,
  flattenTaxonomy,
  fold,
  taxonomyDecider,
  taxonomyStream,
  type CreateTaxonomy,
  type TaxonomyNode,
} from '@compileo/domain';

const NOW = '2025-01-01T00:00:00.000Z';

describe('flattenTaxonomy', () => {
  it('lists inner and leaf names depth first, the root excluded when it has children', () => {
    const root: TaxonomyNode = {
      name: 'Medicine',
      children: [
        { name: 'Cardiology', children: [{ name: 'Arrhythmia' }, { name: 'Heart failure' }] },
        { name: 'Oncology', children: [{ name: 'Chemotherapy', children: [{ name: 'Dosing' }] }] },
        { name: 'Pharmacology' },
      ],
    };
    expect(flattenTaxonomy(root)).toEqual([
      'Cardiology',
      'Arrhythmia',
      'Heart failure',
      'Oncology',
      'Chemotherapy',
      'Dosing',
      'Pharmacology',
    ]);
  });

  it('keeps the first occurrence of a repeated name', () => {
    const root: TaxonomyNode = {
      name: 'R',
      children: [
        { name: 'A', children: [{ name: 'Shared' }] },
        { name: 'B', children: [{ name: 'Shared' }, { name: 'A' }] },
      ],
    };
    expect(flattenTaxonomy(root)).toEqual(['A', 'Shared', 'B']);
  });

  it('a root without children is itself the only category', () => {
    expect(flattenTaxonomy({ name: 'Solo' })).toEqual(['Solo']);
    expect(flattenTaxonomy({ name: 'Solo', children: [] })).toEqual(['Solo']);
  });
});

describe('taxonomy decider', () => {
  const create: CreateTaxonomy = {
    type: 'CreateTaxonomy',
    taxonomyId: 't1',
    projectId: 'p1',
    name: 'Topics',
    description: 'desc',
    taxonomy: { name: 'root', children: [{ name: 'A' }, { name: 'B', children: [{ name: 'B1' }] }] },
    now: NOW,
  };

  it('names its stream taxonomy-<id>', () => expect(taxonomyStream('t1')).toBe('taxonomy-t1'));

  it('CreateTaxonomy records the tree and its flattened categories', () => {
    const events = taxonomyDecider.decide(create, taxonomyDecider.initialState());
    expect(events).toEqual([
      {
        type: 'TaxonomyCreated',
        data: {
          taxonomyId: 't1',
          projectId: 'p1',
          name: 'Topics',
          description: 'desc',
          taxonomy: create.taxonomy,
          categories: ['A', 'B', 'B1'],
          createdAt: NOW,
        },
      },
    ]);
    expect(fold(taxonomyDecider, events)).toEqual({ exists: true, categories: ['A', 'B', 'B1'] });
  });

  it('CreateTaxonomy twice is a ConcurrencyError', () => {
    const state = fold(taxonomyDecider, taxonomyDecider.decide(create, taxonomyDecider.initialState()));
    expect(() => taxonomyDecider.decide(create, state)).toThrow(ConcurrencyError);
  });
});
