import winkNLP, { type ItsFunction, type PartOfSpeech, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One token as wink-nlp's English model sees it: text, lower case, lemma, universal POS tag and token type. */
export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly lemma: string;
  readonly pos: PartOfSpeech;
  /** wink's token type: `word`, `number`, `punctuation`, `symbol`, `url`, `email`, `emoji`, … */
  readonly type: string;
  /** Whether white space precedes the token in the source ("pino.destination()" has none inside). */
  readonly spaced: boolean;
}

/** A text as sentences of tokens (wink-nlp's sentence boundary detection). */
export interface Analysis {
  readonly tokens: readonly Token[];
  readonly sentences: readonly (readonly Token[])[];
}

let instance: WinkMethods | null = null;
/** The English pipeline, loaded once on first use (about 80 ms): sentence boundaries and part of speech. */
const nlp = (): WinkMethods => (instance ??= winkNLP(model, ['sbd', 'pos']));

const CACHE_SIZE = 32;
const cache = new Map<string, Analysis>();

/**
 * Tokens, lemmas, part of speech and sentences of `text`. The last few analyses are cached, since scoring
 * reads the same chunk once per item.
 */
export const analyse = (text: string): Analysis => {
  const hit = cache.get(text);
  if (hit) {
    // Least recently used goes first: the chunk, read for every item, stays.
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const doc = nlp().readDoc(text);
  const its = nlp().its;
  const sentences: Token[][] = [];
  const all = doc.sentences();
  for (let k = 0; k < all.length(); k++) {
    const tokens = all.itemAt(k).tokens();
    /* eslint-disable @typescript-eslint/unbound-method -- wink's `its` helpers are plain functions that wink calls itself */
    const texts = tokens.out<string>(its.value);
    const lowers = tokens.out<string>(its.normal);
    const lemmas = tokens.out<string>(its.lemma as ItsFunction<string>); // wink's typing of its.lemma does not match ItsFunction;
    const tags = tokens.out(its.pos) as PartOfSpeech[];
    const types = tokens.out<string>(its.type);
    const spaces = tokens.out<string>(its.precedingSpaces);
    /* eslint-enable @typescript-eslint/unbound-method */
    // wink keeps a final full stop on the last word of a text ("Sun."): it is not part of the word.
    const bare = (w: string, i: number): string =>
      types[i] === 'word' && /\p{L}\.$/u.test(w) && !/\./.test(w.slice(0, -1)) ? w.slice(0, -1) : w;
    sentences.push(
      texts.map((t, i) => ({
        text: t,
        lower: bare(lowers[i], i),
        lemma: bare(lemmas[i].toLowerCase(), i),
        pos: tags[i],
        type: types[i],
        spaced: i === 0 || spaces[i] !== '',
      })),
    );
  }
  const analysis = { tokens: sentences.flat(), sentences };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(text, analysis);
  return analysis;
};

/** Universal POS tags of words that carry meaning. */
export const CONTENT_POS: ReadonlySet<PartOfSpeech> = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'ADV']);

export const isWord = (t: Token): boolean => t.type === 'word' || t.type === 'number';

/** Joins tokens back into text, with the source's spacing ("insulin-producing", "Earth's"). */
export const joinTokens = (tokens: readonly Token[]): string =>
  tokens.map((t, i) => (i === 0 || !t.spaced ? t.text : ` ${t.text}`)).join('');
