import { exactMatch, normalizeAnswer, tokenF1 } from './qa-metrics';

describe('SQuAD metrics', () => {
  it('normalizes like the SQuAD script: case, punctuation, articles, whitespace', () => {
    expect(normalizeAnswer('The  Denver Broncos!')).toBe('denver broncos');
    expect(normalizeAnswer('an apple, a pear and THE plum.')).toBe('apple pear and plum');
    expect(normalizeAnswer('“Théâtre”—Paris')).toBe('théâtreparis');
    expect(normalizeAnswer("Saint Bernadette Soubirous's")).toBe('saint bernadette soubirouss');
    // Articles only as whole words.
    expect(normalizeAnswer('Theatre and anthem')).toBe('theatre and anthem');
    expect(normalizeAnswer('  ...  ')).toBe('');
  });

  it('exact match compares normalized texts', () => {
    expect(exactMatch('the Denver Broncos', 'Denver Broncos')).toBe(1);
    expect(exactMatch('Denver Broncos.', 'denver broncos')).toBe(1);
    expect(exactMatch('Broncos', 'Denver Broncos')).toBe(0);
    expect(exactMatch('', '')).toBe(1);
  });

  it('token F1 on known SQuAD cases', () => {
    // "Broncos" vs "Denver Broncos": P = 1, R = 1/2 → F1 = 2/3.
    expect(tokenF1('Broncos', 'Denver Broncos')).toBeCloseTo(2 / 3, 10);
    // "santa clara californias levis stadium" vs "santa clara": P = 2/5, R = 1 → F1 = 4/7.
    expect(tokenF1("Santa Clara, California's Levi's Stadium", 'Santa Clara')).toBeCloseTo(4 / 7, 10);
    expect(tokenF1('The Denver Broncos', 'denver broncos')).toBe(1);
    expect(tokenF1('Carolina Panthers', 'Denver Broncos')).toBe(0);
  });

  it('counts shared tokens with multiplicity', () => {
    // shared = min(2,1) for x + min(1,2) for y = 2; P = 2/3, R = 2/3.
    expect(tokenF1('x x y', 'x y y')).toBeCloseTo(2 / 3, 10);
  });

  it('both empty is 1, one empty is 0', () => {
    expect(tokenF1('', '')).toBe(1);
    expect(tokenF1('the', 'a')).toBe(1); // both normalize to nothing
    expect(tokenF1('', 'Denver')).toBe(0);
    expect(tokenF1('Denver', '')).toBe(0);
  });
});
