import { STOPWORDS, TEMPLATE_WORDS } from '../text/keywords';
import { analyse, isWord, type Token } from '../nlp/english';

/** Parts of speech that carry an item's meaning (adverbs, pronouns and function words do not). */
const MEANING_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);
const LIGHT_LEMMAS = new Set(['be', 'have', 'do', 'get', 'make']);

/**
 * A token's matching key: its lemma, cut to a 5-letter stem for longer words, so "diagnosis" matches
 * "diagnosed" and "pagination" matches "paginates"; numbers match exactly.
 */
export const keyOf = (t: Token): string => {
  if (t.type === 'number') return t.lemma;
  // The tagger sometimes leaves an inflection on the lemma ("baked/ADJ"): drop it, so "baked" meets "bake".
  const base = t.lemma.length > 4 ? t.lemma.replace(/(?:ing|ed|es|e|s)$/, '') : t.lemma;
  return base.slice(0, 5);
};

/** A meaning-bearing word: noun, proper noun, verb, adjective or number, not a stopword or a light verb. */
export const isContent = (t: Token): boolean =>
  isWord(t) &&
  MEANING_POS.has(t.pos) &&
  !STOPWORDS.has(t.lower) &&
  !LIGHT_LEMMAS.has(t.lemma) &&
  (t.lower.length > 1 || t.type === 'number');

/** Quoted headings and document names in generated questions ("the section on "Overview"") name no subject. */
export const withoutQuotes = (text: string): string => text.replace(/(["\u201c])[^"\u201d]*["\u201d]|(^|\s)'[^']*'(?=[\s?.,!:]|$)/g, ' ');

/** Keys of the content words of `text`, in order (repeats kept). */
export const contentKeys = (text: string): string[] => analyse(text).tokens.filter(isContent).map(keyOf);

/** Keys of every word of `text`, for "does the source contain it" tests (any part of speech: taggers disagree). */
export const allKeys = (text: string): Set<string> => {
  const keys = new Set<string>();
  for (const t of analyse(text).tokens) if (isWord(t)) keys.add(keyOf(t)).add(t.lower);
  return keys;
};

/** Question words that ask rather than name a subject ("What role does X play?", "How did X affect Y?"). */
const ASKING_WORDS = new Set(
  'role play mean happen work kind type way thing example aspect mention tell know find look need help affect compare choose come go take give show call occur'.split(
    ' ',
  ),
);
/** A question's subject keys: content keys minus template words ("section", "say", "according") and quoted names. */
export const focusKeys = (question: string): string[] =>
  analyse(withoutQuotes(question))
    .tokens.filter((t) => isContent(t) && ![t.lower, t.lemma].some((w) => TEMPLATE_WORDS.has(w) || ASKING_WORDS.has(w)))
    .map(keyOf);
