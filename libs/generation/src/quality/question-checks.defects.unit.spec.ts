import { questionDefects, questionFormScore } from './question-checks';

describe('questionFormScore, openings', () => {
  it('accepts an imperative verb outside the instruction list', () =>
    expect(questionFormScore('Calculate the hydration of the dough.')).toBe(1));
  it('rejects a statement opening with an inflected verb', () => expect(questionFormScore('Tapped loaves sound hollow.')).toBe(0));
  it('ignores whitespace around the question', () => expect(questionFormScore('  What is insulin? \n')).toBe(1));
  it('reads the opening of a question with a colon in it', () =>
    expect(questionFormScore('Which is added first: flour or water?')).toBe(1));
});

describe('questionDefects, exact lists', () => {
  it.each([
    ['?', ['empty']],
    ['What is the Martian of?', ['dangling_end']],
    ['What is the main of?', ['dangling_end']],
    ['What is made of each of?', ['dangling_end']],
    ['What does the section on "Overview" say about produce enough insulin?', ['verb_after_preposition:about produce']],
    ['What about the mice?', ['no_verb']],
    ['What about the bus?', ['no_verb']],
    ['What about older bread?', ['no_verb']],
    ['What are the symptoms of?', ['dangling_end']],
    ['What is bread made of flour and?', ['dangling_end']],
    ['Why is the dough left to rise because?', ['dangling_end']],
    ['What does the text say about probably captured?', ['verb_after_preposition:about captured']],
    ['What role does caused the delay play?', ['inflected_after_do:caused']],
    ['What is typical the first sign of asthma?', ['adjective_before_determiner:typical']],
    ['How hot the oven should be?', ['adjective_before_determiner:hot', 'no_inversion']],
    ['How quickly?', ['no_verb']],
    ['Does it?', ['do_without_predicate']],
    ['What does the section on "Performance" say about the built-in benchmarks it logs?', ['clause_after_preposition']],
  ])('finds exactly the defects of %j', (question, defects) => expect(questionDefects(question)).toEqual(defects));

  it.each([
    'What does yeast produce?',
    'What is celebrated in May?',
    'Why does the dough rise slowly?',
    'Why is such a crust golden?',
    'Is it quite the best method?',
    'Is half the dough kept back?',
    'Are all the loaves baked at once?',
    'What is stated about kneading?',
    'What does the text say about loaves baked overnight?',
    'What does the text say about loaves rising overnight?',
    'What does the text say about how the dough is kneaded?',
    'What does the section say about flour, and is it sifted?',
    'Summarize the section.',
    'Summarize.',
    'What should the baker do?',
    'The dough is left where?',
    'What is added to the dough the baker kneads?',
    'Which article of the regulation covers consent?',
  ])('finds none in %j', (question) => expect(questionDefects(question)).toEqual([]));
});
