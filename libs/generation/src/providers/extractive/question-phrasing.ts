import { stripInlineMarkdown } from '../../text/inline-markdown';
import { contentTokens } from '../../text/keywords';
import { questionFormScore, questionGrammarScore } from '../../quality/question-checks';
import { keyNounPhrase } from './noun-phrases';
import { objectQuestion, whyQuestion } from './sentence-questions';

export type QuestionStyle = 'factual' | 'analytical' | 'case_based';

const PRONOUN_START =
  /^(?:it|this|these|those|that|there|they|he|she|we|you|i|such|each|both|some|many|most|all|one|another|here|which|what)\b/i;
const DEFINITION = /^((?:(?:an?|the)\s+)?[\p{L}\p{N}][\p{L}\p{N}\s'()/-]{0,60}?)\s+(is|are|refers to|means)\s+(.*)$/iu;

/** Emphasis and code marks dropped, so questions read as plain text. */
export const plain = stripInlineMarkdown;

/**
 * "X is a Y." → "What is X?"; "X means Y." → "What does X mean?". Null unless the sentence reads as a
 * definition: a short subject that is not a pronoun and, for is/are, an article after the verb (so
 * "Patients with diabetes are often tired" is not taken for one).
 */
export const definitionalQuestion = (sentence: string, chunkText = ''): string | null => {
  const match = DEFINITION.exec(plain(sentence));
  if (!match) return null;
  const [, rawSubject, verb, rest] = match;
  const subject = decapitalize(rawSubject, chunkText);
  if (subject.split(' ').length > 5 || PRONOUN_START.test(subject)) return null;
  const copula = /^(is|are)$/i.test(verb);
  if (copula && !/^(an?|the)\s/i.test(rest)) return null;
  return copula ? `What ${verb.toLowerCase()} ${subject}?` : `What does ${subject} mean?`;
};

/**
 * Lower-cases a phrase's first word when the chunk also uses it in lower case: "Insulin is…" → "insulin",
 * while proper nouns ("Paris") and acronyms keep their case. Articles are always lower-cased.
 */
export const decapitalize = (phrase: string, chunkText: string): string => {
  const [first, ...rest] = phrase.split(' ');
  const lower = first.toLowerCase();
  const usedLower = /^(an?|the)$/.test(lower) || new RegExp(`(^|[^\\p{L}])${escapeRegExp(lower)}($|[^\\p{L}])`, 'u').test(chunkText);
  return [usedLower && /^\p{Lu}\p{Ll}*$/u.test(first) ? lower : first, ...rest].join(' ');
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Common verbs that make poor edges of a key phrase ("show insulin resistance" → "insulin resistance"). */
const WEAK_EDGE = new Set(
  'show shows include includes including make makes made let lets affect affects combine combines stay stays become becomes cause causes help helps provide provides require requires allow allows take takes give gives keep keeps need needs contain contains called known found seen often usually'.split(
    ' ',
  ),
);

const trimWord = (w: string): string => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** The 1-3 word run of the sentence with the most (and most chunk-frequent) content words: a rough key phrase. */
export const keyPhrase = (sentence: string, chunkFrequency: ReadonlyMap<string, number>, chunkText = ''): string => {
  const words = plain(sentence).split(' ').map(trimWord);
  const weight = (w: string): number => {
    const token = contentTokens(w)[0];
    return token === undefined || WEAK_EDGE.has(token) ? 0 : 1 + 0.5 * (chunkFrequency.get(token) ?? 0) + Math.min(token.length, 12) / 12;
  };
  let best = { score: 0, from: 0, to: Math.min(words.length, 4) };
  for (let i = 0; i < words.length; i++) {
    for (let len = 1; len <= 3 && i + len <= words.length; len++) {
      if (weight(words[i]) === 0 || weight(words[i + len - 1]) === 0) continue;
      const score = words.slice(i, i + len).reduce((s, w) => s + weight(w), 0);
      if (score > best.score) best = { score, from: i, to: i + len };
    }
  }
  return decapitalize(
    words
      .slice(best.from, best.to)
      .filter((w) => w !== '')
      .join(' '),
    chunkText,
  );
};

const TEMPLATES: Readonly<Record<QuestionStyle, readonly string[]>> = {
  factual: ['What does {scope} say about {phrase}?', 'According to {scope}, what is stated about {phrase}?'],
  analytical: [
    'How does {scope} explain {phrase}?',
    'Why is {phrase} significant according to {scope}?',
    'What role does {phrase} play in {scope}?',
  ],
  case_based: [
    'In a case involving {phrase}, what does {scope} indicate?',
    'Suppose a reader encounters {phrase} in practice. What guidance does {scope} give?',
  ],
};

export const asQuestionStyle = (style: string | undefined): QuestionStyle =>
  style === 'analytical' || style === 'case_based' ? style : 'factual';

/** What phrasing needs to know about the chunk. */
export interface PhrasingContext {
  readonly scope: string;
  readonly style: QuestionStyle;
  readonly frequency: ReadonlyMap<string, number>;
  readonly chunkText: string;
}

/** The sentence's key noun phrase as it reads inside a question; the old word-window phrase when it has none. */
export const questionPhrase = (sentence: string, ctx: PhrasingContext): string => {
  const phrase = keyNounPhrase(plain(sentence), ctx.frequency);
  return phrase === null ? keyPhrase(sentence, ctx.frequency, ctx.chunkText) : decapitalize(phrase, ctx.chunkText);
};

/**
 * The questions a sentence answers, most natural first: for factual questions the definitional form ("What
 * is X?") and the inverted main clause ("What does treatment combine?", "How is diabetes diagnosed?"), for
 * analytical ones a "Why…?" when the sentence gives its reason; then the style's templates around the
 * sentence's key noun phrase (part of speech, so never a verb fragment such as "produce enough insulin").
 */
export const questionOptions = (sentence: string, ctx: PhrasingContext): string[] => {
  const text = plain(sentence);
  const structural =
    ctx.style === 'factual'
      ? [definitionalQuestion(sentence, ctx.chunkText), objectQuestion(text, ctx.chunkText)]
      : ctx.style === 'analytical'
        ? [whyQuestion(text, ctx.chunkText)]
        : [];
  const phrase = questionPhrase(sentence, ctx);
  const templated = TEMPLATES[ctx.style].map((t) => t.replace('{scope}', () => ctx.scope).replace('{phrase}', () => phrase));
  return [...new Set([...structural.filter((q): q is string => q !== null), ...templated])];
};

/**
 * The question a sentence answers: `variant` rotates through questionOptions so regenerations and second
 * passes differ, skipping any wording the quality scorer would call ill-formed (its part-of-speech tagger can
 * misread a sentence) for the next one that passes.
 */
export const questionFor = (sentence: string, variant: number, ctx: PhrasingContext): string => {
  const options = questionOptions(sentence, ctx);
  const start = variant % options.length;
  const rotated = [...options.slice(start), ...options.slice(0, start)];
  return rotated.find((q) => questionGrammarScore(q) === 1 && questionFormScore(q) === 1) ?? rotated[0];
};
