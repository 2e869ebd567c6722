import { analyse, isWord, joinTokens, type Token } from '../../nlp/english';

/** A declarative sentence taken apart at its main verb: subject, auxiliary or verb, and what follows. */
export interface Clause {
  readonly subject: readonly Token[];
  /** The finite auxiliary ("is", "can", "has"), or null when the main verb carries the tense. */
  readonly aux: Token | null;
  /** The main verb after the auxiliary (null for a bare copula: "X is a Y"). */
  readonly verb: Token | null;
  /** The words after the verb (or after the copula), up to the first comma, semicolon or causal link. */
  readonly rest: readonly Token[];
  /** Whether a causal link ("because", "so", "as", "since") follows the clause. */
  readonly causal: boolean;
}

const SUBJECT_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);
const SUBJECT_START_BLOCK = new Set([
  'this',
  'these',
  'those',
  'that',
  'such',
  'each',
  'both',
  'some',
  'many',
  'most',
  'all',
  'another',
  'several',
  'few',
]);
/** Links that give a reason; "so" and "as" only after a comma (not "such as", "as close as"). */
const CAUSAL = new Set(['because', 'since']);
const CAUSAL_AFTER_COMMA = new Set(['so', 'as', 'since', 'because']);
const NEGATION = new Set(['not', "n't", 'never', 'no']);

/**
 * The tagger reads some third-person verbs as plural nouns ("Type 1 diabetes results from…", "the option
 * sets the level", "Treatment combines lifestyle changes"): an "-s" noun after another noun is taken for the
 * verb when a determiner or a preposition other than "of" follows it, or, after a singular noun, a noun or
 * an adjective ("Risk factors include…" keeps its plural noun).
 */
export const taggedNounIsVerb = (tokens: readonly Token[], i: number): boolean => {
  const t = tokens[i];
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (t?.pos !== 'NOUN' || !t.lower.endsWith('s') || t.lemma === t.lower || !before || !['NOUN', 'PROPN'].includes(before.pos))
    return false;
  if (after === undefined) return false;
  if (after.pos === 'DET' || (after.pos === 'ADP' && after.lower !== 'of')) return true;
  const singularBefore = before.lemma === before.lower && !before.lower.endsWith('s');
  return singularBefore && ['NOUN', 'ADJ', 'NUM'].includes(after.pos);
};

/** Whether a verb token is in the past tense: inflected, not a third-person "-s" form. */
const isPast = (verb: Token): boolean => verb.lemma !== verb.lower && !verb.lower.endsWith('s');
/** Whether a present-tense verb agrees with a plural subject ("symptoms include"). */
const isPlural = (verb: Token): boolean => verb.lemma === verb.lower;

/**
 * The main clause of a sentence, when it reads "Subject [aux] verb …": a subject of one to eight words made
 * of determiners, adjectives, nouns, numbers and "of"/hyphen links, opening with neither a pronoun nor a
 * demonstrative ("This…", "It…"), and no negation. Null for anything else (fronted phrases, questions,
 * imperatives, lists), which then get a noun-phrase question instead.
 */
export const mainClause = (sentence: string): Clause | null => {
  const tokens = analyse(sentence).tokens;
  let v = 0;
  while (
    v < tokens.length &&
    (SUBJECT_POS.has(tokens[v].pos) || tokens[v].lower === 'of' || (tokens[v].text === '-' && !tokens[v].spaced))
  ) {
    if (v > 0 && taggedNounIsVerb(tokens, v)) break;
    v++;
  }
  const subject = tokens.slice(0, v);
  const found = tokens[v];
  const head = found && taggedNounIsVerb(tokens, v) ? { ...found, pos: 'VERB' as const } : found;
  if (subject.length === 0 || subject.filter(isWord).length > 8 || !head || !['AUX', 'VERB'].includes(head.pos)) return null;
  if (!subject.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN') || SUBJECT_START_BLOCK.has(subject[0].lower)) return null;
  if (subject[subject.length - 1].lower === 'of' || subject[0].pos === 'PART') return null;
  let i = v + 1;
  let verb: Token | null = head.pos === 'VERB' ? head : null;
  const aux = head.pos === 'AUX' ? head : null;
  while (aux && i < tokens.length && (tokens[i].pos === 'ADV' || (tokens[i].pos === 'AUX' && tokens[i].lower === 'be'))) {
    if (NEGATION.has(tokens[i].lower)) return null;
    i++;
  }
  if (aux && tokens[i]?.pos === 'VERB') verb = tokens[i++];
  if (tokens.slice(v, i).some((t) => NEGATION.has(t.lower))) return null;
  const rest: Token[] = [];
  let causal = false;
  for (; i < tokens.length; i++) {
    const t = tokens[i];
    if (CAUSAL.has(t.lower) || (CAUSAL_AFTER_COMMA.has(t.lower) && tokens[i - 1]?.text === ',')) {
      causal = rest.length > 0;
      break;
    }
    if (t.text === ',' && CAUSAL_AFTER_COMMA.has(tokens[i + 1]?.lower ?? '')) continue;
    if ([',', ';', ':', '.', '!', '?', '(', '—'].includes(t.text) || NEGATION.has(t.lower)) break;
    rest.push(t);
  }
  return { subject, aux, verb, rest, causal };
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The subject as it reads inside a question: its first word lower-cased ("Treatment" → "treatment") when the
 * chunk uses it in lower case, or when it is neither capitalised mid-sentence in the chunk nor the start of a
 * multi-word proper name; proper nouns and acronyms keep their case.
 */
export const subjectText = (subject: readonly Token[], chunkText: string): string => {
  const text = joinTokens(subject);
  const first = subject[0];
  if (!/^\p{Lu}\p{Ll}*$/u.test(first.text)) return text;
  const word = escapeRegExp(first.lower);
  const usedLower = new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'u').test(chunkText);
  const capitalisedMidSentence = new RegExp(`\\p{Ll}[,;]?[ \\t]+${escapeRegExp(first.text)}($|[^\\p{L}])`, 'u').test(chunkText);
  // Sentence-initial words are often tagged PROPN, so the tag counts only for a multi-word name ("Johannes Gutenberg").
  const proper = !usedLower && (capitalisedMidSentence || (first.pos === 'PROPN' && subject[1]?.pos === 'PROPN'));
  return first.pos === 'DET' || !proper ? first.lower + text.slice(first.text.length) : text;
};

const STRANDED = new Set(['with', 'from', 'to', 'on', 'in', 'into', 'for', 'as', 'by', 'about', 'of']);

/**
 * The question the sentence's main clause answers, built by inversion (null when it has no usable clause):
 *  - "Treatment combines lifestyle changes…" → "What does treatment combine?";
 *  - "Type 1 diabetes results from the pancreas failing…" → "What does type 1 diabetes result from?";
 *  - "Type 1 diabetes is treated with insulin injections." → "How is type 1 diabetes treated?";
 *  - "Sensitive fields can be removed from log lines…" → "How can sensitive fields be removed?".
 * A bare copula ("X is a Y") is left to the definitional question.
 */
export const objectQuestion = (sentence: string, chunkText: string): string | null => {
  const clause = mainClause(sentence);
  if (!clause?.verb || clause.rest.length === 0) return null;
  const { aux, verb, rest } = clause;
  const subject = subjectText(clause.subject, chunkText);
  const prep = rest[0].pos === 'ADP' && STRANDED.has(rest[0].lower) ? ` ${rest[0].lower}` : '';
  if (aux === null) {
    const doForm = isPast(verb) ? 'did' : isPlural(verb) ? 'do' : 'does';
    return `What ${doForm} ${subject} ${verb.lemma}${prep}?`;
  }
  const participle = verb.lemma !== verb.lower;
  if (aux.lemma === 'be' && participle) return `How ${aux.lower} ${subject} ${verb.lower}?`;
  if (aux.lemma === 'be') return null;
  const beAfter = analyse(sentence).tokens.some((t) => t.lower === 'be' && t.pos === 'AUX');
  if (beAfter) return `How ${aux.lower} ${subject} be ${verb.lower}?`;
  return `What ${aux.lower} ${subject} ${verb.lower}${prep}?`;
};

/**
 * A "Why" question for a sentence that gives its own reason ("…, because it is much slower than writing
 * JSON."): the main clause inverted, up to the causal link. Null without a causal link or a usable clause.
 */
export const whyQuestion = (sentence: string, chunkText: string): string | null => {
  const clause = mainClause(sentence);
  if (!clause?.causal || clause.rest.length === 0) return null;
  const subject = subjectText(clause.subject, chunkText);
  const rest = joinTokens(clause.rest);
  if (clause.aux === null) {
    if (!clause.verb) return null;
    const doForm = isPast(clause.verb) ? 'did' : isPlural(clause.verb) ? 'do' : 'does';
    return `Why ${doForm} ${subject} ${clause.verb.lemma} ${rest}?`;
  }
  const beAfter = clause.aux.lemma !== 'be' && analyse(sentence).tokens.some((t) => t.lower === 'be' && t.pos === 'AUX');
  return `Why ${clause.aux.lower} ${subject}${beAfter ? ' be' : ''}${clause.verb ? ` ${clause.verb.lower}` : ''} ${rest}?`;
};
