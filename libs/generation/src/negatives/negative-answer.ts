import { shareOfJob, type GeneratedItem } from '@compileo/domain';
import { contentTokens, TEMPLATE_WORDS, tokenize } from '../text/keywords';

/**
 * Negative items (product spec §3, `negativity_ratio`): entries whose correct answer is that the text does
 * not say. Every provider, the prompts, the parser and the scorer share this one canonical answer.
 */
export const NEGATIVE_ANSWER = 'The text does not say.';

const canonical = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/n['\u2019]t\b/g, ' not')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const NEGATIVE_KEY = canonical(NEGATIVE_ANSWER);

/** True for NEGATIVE_ANSWER however cased or punctuated ("the text doesn't say", "THE TEXT DOES NOT SAY!"). */
export const isNegativeAnswer = (text: string | null | undefined): boolean => typeof text === 'string' && canonical(text) === NEGATIVE_KEY;

/** An item marked negative (metadata.negative), or one whose answer (output) is the negative answer. */
export const isNegativeItem = (item: GeneratedItem): boolean =>
  item.metadata?.negative === true || isNegativeAnswer(item.output ?? item.answer);

/**
 * How many of `count` items one call on its own makes negative: round(count × ratio), the ratio clamped to
 * 0..1 (NaN/absent → 0). A job allocates its negatives over all its chunks instead (`negativesForChunk` in
 * the domain) and sends each call its number (GenerationRequest.negatives); this is that rule for a job of one.
 */
export const negativeCount = (count: number, ratio: number | null | undefined): number => shareOfJob(ratio, count, 1);

/**
 * Words a question uses that carry no subject matter ("What role does X play?"): never counted as an aspect
 * the text lacks.
 */
const GENERIC_QUESTION_WORDS: ReadonlySet<string> = new Set(
  (
    'role play plays mean means meaning meant happen happens work works kind kinds type types way ways thing ' +
    'things information detail details example examples aspect aspects stated mention mentioned mentions tell ' +
    'tells talk talks provide provides offer offers anything something first named cite cites make makes made ' +
    'making get gets got take takes took taken go goes went come comes came see seen saw know known knew find ' +
    'finds found become becomes became keep keeps kept put puts show shows shown help helps include includes ' +
    'included lead leads led call called occur occurs important need needs'
  ).split(' '),
);

/** A crude lemma: plural, -ed and -ing endings dropped from words longer than four letters. */
const lemma = (word: string): string =>
  word.length <= 4
    ? word
    : word
        .replace(/ies$/, 'y')
        .replace(/(?:sses|xes|ches|shes)$/, (m) => m.slice(0, -2))
        .replace(/(?:ing|ed|s)$/, '');

/**
 * A word is covered by a chunk vocabulary when it occurs, shares a lemma with a chunk word ("costs" /
 * "cost"), or (five letters or more) shares a 5-letter stem with one ("diabetes" / "diabetic"). Generous on
 * purpose: a negative is only made, and only scored as grounded, when its aspect is clearly absent.
 */
export const coveredBy = (word: string, vocabulary: ReadonlySet<string>): boolean => {
  if (vocabulary.has(word)) return true;
  const own = lemma(word);
  const stem = word.length >= 5 ? word.slice(0, 5) : null;
  for (const v of vocabulary) {
    if (lemma(v) === own) return true;
    if (stem !== null && v.length >= 5 && v.startsWith(stem)) return true;
  }
  return false;
};

/** The chunk's word set (all tokens, stopwords included) for absence checks. */
export const chunkVocabulary = (chunkText: string): Set<string> => new Set(tokenize(chunkText));

/**
 * The question's subject words the chunk does not cover: content words minus template words, generic
 * question words and quoted spans (headings, document names), then minus anything the chunk covers (exact or
 * 5-letter stem). A negative item is plausible only when this is non-empty.
 */
export const absentQuestionTerms = (question: string, chunkText: string | ReadonlySet<string>): string[] => {
  const vocabulary = typeof chunkText === 'string' ? chunkVocabulary(chunkText) : chunkText;
  const unquoted = question.replace(/(["\u201c])[^"\u201d]*["\u201d]|(^|\s)'[^']*'(?=[\s?.,!]|$)/g, ' ');
  const terms = contentTokens(unquoted, TEMPLATE_WORDS).filter((t) => !GENERIC_QUESTION_WORDS.has(t));
  return [...new Set(terms.filter((t) => !coveredBy(t, vocabulary)))];
};
