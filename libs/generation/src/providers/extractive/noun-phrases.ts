import { analyse, isWord, joinTokens, type Token } from '../../nlp/english';
import { STOPWORDS } from '../../text/keywords';
import { taggedNounIsVerb } from './sentence-questions';

const NOMINAL = new Set(['NOUN', 'PROPN']);
const MODIFIER = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);

/**
 * The noun phrases of a sentence, by part of speech: runs of adjectives, nouns and numbers that end in a noun
 * ("insulin resistance", "the first-line treatment"), optionally joined by "of" ("the level of glucose").
 * Hyphenated compounds stay whole; a run never crosses punctuation, code or a verb.
 */
export const nounPhrases = (sentence: string): string[] => {
  const tokens = analyse(sentence).tokens;
  const phrases: string[] = [];
  let run: Token[] = [];
  const close = (): void => {
    while (run.length > 0 && !NOMINAL.has(run[run.length - 1].pos)) run.pop();
    while (run.length > 0 && (run[0].text === '-' || run[0].lower === 'of')) run.shift();
    if (run.some((t) => NOMINAL.has(t.pos) && !STOPWORDS.has(t.lower))) phrases.push(joinTokens(run));
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const hyphen = t.text === '-' && !t.spaced && run.length > 0 && tokens[i + 1] && !tokens[i + 1].spaced;
    const joined = hyphen || (run.length > 0 && !t.spaced && isWord(t) && run[run.length - 1].text === '-');
    const ofLink = t.lower === 'of' && run.length > 0 && NOMINAL.has(run[run.length - 1].pos) && run.length < 4;
    if (taggedNounIsVerb(tokens, i)) close();
    else if ((isWord(t) && MODIFIER.has(t.pos) && t.type !== 'number') || t.pos === 'NUM' || hyphen || joined || ofLink) run.push(t);
    else close();
    if (run.length > 7) close();
  }
  close();
  return phrases;
};

/** The sentence's most telling noun phrase: most content words that are frequent in the chunk; null when it has none. */
export const keyNounPhrase = (sentence: string, chunkFrequency: ReadonlyMap<string, number>): string | null => {
  let best: { phrase: string; score: number } | null = null;
  for (const phrase of nounPhrases(sentence)) {
    const words = phrase
      .toLowerCase()
      .split(/[\s-]+/)
      .filter((w) => !STOPWORDS.has(w));
    const score = words.reduce((s, w) => s + 1 + 0.5 * (chunkFrequency.get(w) ?? 0), 0) / Math.sqrt(Math.max(1, words.length - 1));
    if (best === null || score > best.score) best = { phrase, score };
  }
  return best?.phrase ?? null;
};
