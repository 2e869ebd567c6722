import { questionDefects, questionFormScore, questionGrammarScore } from './question-checks';

describe('questionFormScore edges', () => {
  it.each([null, undefined, '   '])('is 0 for a missing question (%p)', (q) => expect(questionFormScore(q)).toBe(0));
  it.each([
    'According to the text, what triggers an attack?',
    'In the section on baking, how hot should the oven be?',
    'Based on the excerpt, describe the symptoms.',
    'Using the text: summarize the findings.',
  ])('accepts %s', (q) => expect(questionFormScore(q)).toBe(1));
});

describe('questionGrammarScore edges', () => {
  it.each([null, undefined, ''])('is 0 for a missing question (%p)', (q) => expect(questionGrammarScore(q)).toBe(0));
  it('takes 0.6 off per defect, down to 0', () => {
    expect(questionGrammarScore('What is stated about the the airways?')).toBeCloseTo(0.4, 10);
    expect(questionGrammarScore('Who first Gutenberg Mainz the the?')).toBe(0);
  });
  it('reports each defect once', () =>
    expect(questionDefects('What is the the the airway?').filter((d) => d === 'repeated:the')).toHaveLength(1));
  it.each([
    'Why did printing help the spread of ideas?',
    'What does the text say about making bread?',
    'How quickly does the dough rise?',
    'Is it true that all the loaves are baked at 220 °C?',
  ])('finds no defect in %s', (q) => expect(questionDefects(q)).toEqual([]));
});
