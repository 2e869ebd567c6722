import { questionDefects, questionFormScore, questionGrammarScore } from './question-checks';

describe('questionFormScore', () => {
  it.each([
    'What is insulin?',
    'Can consent be withdrawn?',
    'At what age can children consent?',
    'Summarize the section.',
    'Name three triggers.',
  ])('accepts %s', (q) => expect(questionFormScore(q)).toBe(1));
  it.each(['Asthma and the airways', 'Salbutamol relieves acute symptoms.', 'Kneading the dough', 'Gutenberg, Mainz, 1440'])(
    'rejects the non-question %s',
    (q) => expect(questionFormScore(q)).toBe(0),
  );
  it('gives a statement with a question mark partial credit', () => expect(questionFormScore('The loaf is done?')).toBe(0.4));
});

describe('questionDefects', () => {
  it.each([
    ['What does the section on "Overview" say about produce enough insulin?', 'verb_after_preposition:about produce'],
    ['What does the section say about combined with the?', 'dangling_end'],
    ['What is stated about `per_page` defaults to 20 and may?', 'dangling_end'],
    ['What role does produced an estimated play in the text?', 'inflected_after_do:produced'],
    ['Which lawful bases does Article?', 'do_without_predicate'],
    ['How long the dough knead until?', 'no_inversion'],
    ['Who first Gutenberg Mainz 1440?', 'no_verb'],
    ['What does the section on "Performance" say about benchmarks it logs?', 'clause_after_preposition'],
    ['What does the section on "Levels" say about level is info?', 'clause_after_preposition'],
    ['What is stated about the the airways?', 'repeated:the'],
    ['What does the section on "Transports" say about true pino(transport?', 'unbalanced'],
  ])('finds the defect in %s', (q, defect) => expect(questionDefects(q)).toContain(defect));

  it.each([
    'What causes asthma?',
    'What is the Martian atmosphere made of?',
    'What fines can infringements of the basic principles lead to?',
    'How did printing affect the cost of books?',
    'Why do transports run off the main thread?',
    'Which article lists the lawful bases for processing?',
    'Using only the excerpt, answer: What is diabetes?',
    'What does the section on "Transports" say about the main thread?',
    'How long should a client wait before retrying after a 429?',
  ])('finds none in the well-formed %s', (q) => expect(questionGrammarScore(q)).toBe(1));
});
