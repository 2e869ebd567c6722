import { DuplicateIndex } from './duplicate-index';
import { dedupText, exactKey, isNearDuplicate, jaccard, normalizeText, shingles } from './near-duplicate';

const LONG = 'Insulin is a hormone made by the pancreas that lets cells absorb glucose from the blood after every single meal of the day';

describe('near-duplicate helpers', () => {
  it('normalises case, punctuation and whitespace', () => {
    expect(normalizeText('  What IS  insulin?! ')).toBe('what is insulin');
    expect(exactKey('What is insulin?')).toBe(exactKey('what is INSULIN'));
  });

  it('builds 3-word shingles and Jaccard', () => {
    expect([...shingles('a b c d')]).toEqual(['a b c', 'b c d']);
    expect([...shingles('a b')]).toEqual(['a b']);
    expect(jaccard(new Set(['x', 'y']), new Set(['y', 'z']))).toBeCloseTo(1 / 3);
  });

  it('flags near-duplicates at 0.9 and not mere topical overlap', () => {
    expect(isNearDuplicate(LONG, `${LONG}.`)).toBe(true);
    // 24 words: changing the last word changes 1 of 22 shingles (J≈0.91); a middle word changes 3 (J=0.76).
    expect(isNearDuplicate(LONG, LONG.replace('day', 'week'))).toBe(true);
    expect(isNearDuplicate(LONG, LONG.replace('pancreas', 'liver'))).toBe(false);
    expect(isNearDuplicate(LONG, LONG.replace('pancreas', 'liver'), 0.75)).toBe(true);
    expect(isNearDuplicate('What is insulin?', 'What is glucagon?')).toBe(false);
  });

  it('compares instruction items by instruction and output, not the input excerpt', () => {
    expect(dedupText({ question: 'Q', answer: 'A' })).toBe('Q \n A');
    expect(dedupText({ question: 'I', answer: 'O', instruction: 'I', input: 'X', output: 'O' })).toBe('I \n O');
  });
});

describe('DuplicateIndex', () => {
  it('finds exact and near duplicates, preferring the most similar', () => {
    const index = new DuplicateIndex();
    index.add('e1', LONG);
    index.add('e2', 'Diabetes is a chronic condition in which blood glucose levels stay too high for long periods');
    expect(index.size).toBe(2);
    expect(index.findDuplicate(LONG.toUpperCase())).toEqual({ id: 'e1', similarity: 1, exact: true });
    const near = index.findDuplicate(`${LONG} too`);
    expect(near).toMatchObject({ id: 'e1', exact: false });
    expect(near?.similarity).toBeGreaterThanOrEqual(0.9);
    expect(index.findDuplicate('Metformin is an oral medication for type 2 diabetes')).toBeNull();
  });
});

describe('DuplicateIndex.findAll', () => {
  it('returns every exact and near match, exact first then by similarity, without changing findDuplicate', () => {
    const index = new DuplicateIndex();
    index.add('e1', LONG);
    index.add('e2', `${LONG} too`);
    index.add('e3', LONG.toUpperCase());
    index.add('e4', 'Metformin is an oral medication for type 2 diabetes');
    const all = index.findAll(`${LONG}!`);
    expect(all.map((m) => [m.id, m.exact])).toEqual([
      ['e1', true],
      ['e3', true],
      ['e2', false],
    ]);
    expect(all[2].similarity).toBeCloseTo(22 / 23);
    expect(index.findDuplicate(`${LONG}!`)).toEqual({ id: 'e1', similarity: 1, exact: true });
    expect(index.findAll('Metformin is an oral medication for type 2 diabetes mellitus')).toEqual(
      [{ id: 'e4', similarity: 7 / 8, exact: false }].filter((m) => m.similarity >= 0.9),
    );
    expect(index.findAll('Metformin is an oral medication for type 2 diabetes mellitus', 0.5)).toEqual([
      { id: 'e4', similarity: 7 / 8, exact: false },
    ]);
    expect(index.findAll('nothing alike here at all')).toEqual([]);
  });
});
