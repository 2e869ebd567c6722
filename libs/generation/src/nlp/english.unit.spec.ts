import { analyse } from './english';

describe('analyse', () => {
  it('tags parts of speech, lemmas and sentences', () => {
    const { sentences, tokens } = analyse('Insulin lets cells absorb glucose. Pino logs are written quickly.');
    expect(sentences).toHaveLength(2);
    expect(tokens.find((t) => t.text === 'lets')).toMatchObject({ pos: 'VERB', lemma: 'let' });
    expect(tokens.find((t) => t.text === 'are')).toMatchObject({ pos: 'AUX', lemma: 'be' });
    expect(tokens.at(-1)).toMatchObject({ type: 'punctuation' });
  });

  it('records whether a token follows white space', () => {
    const { tokens } = analyse('Call pino.destination() now.');
    expect(tokens.filter((t) => !t.spaced).map((t) => t.text)).toContain('(');
  });
});
