import { analyse } from '../nlp/english';
import { allKeys, contentKeys, focusKeys, isContent, keyOf, withoutQuotes } from './lexical-keys';

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** The share of `text`'s distinct content keys (lemmas, 5-letter stems) found anywhere in the chunk. */
export const supportedShare = (text: string, chunkText: string): number => {
  const keys = [...new Set(contentKeys(text))];
  if (keys.length === 0) return 0;
  const chunk = allKeys(chunkText);
  return keys.filter((k) => chunk.has(k)).length / keys.length;
};

/**
 * grounding, 0..1: is the answer supported by the source? From the share s of the answer's distinct content
 * words (lemmas or 5-letter stems, so "tapped" supports "tap") found in the chunk: 1 at s ≥ 0.75, 0 at
 * s ≤ 0.3, linear between. An answer of copied sentences scores 1; one that brings its own facts ("Montelukast
 * tablets taken nightly…") scores low. For a question without an answer, the question's subject words are
 * judged instead (quoted names left out).
 */
export const groundingScore = (text: string, chunkText: string): number =>
  clamp01((supportedShare(withoutQuotes(text), chunkText) - 0.3) / 0.45);

/** Questions whose answer is a quantity, a time or a date: "How long…", "How many…", "When…", "What temperature…". */
const QUANTITY_QUESTION =
  /^(?:(?:at|in|on|by|for|from|until|since)\s+)?(?:how\s+(?:long|many|much|often|old|far)|when\s+(?:did|was|were|will)|what\s+(?:year|date|time|age|temperature|percentage|number|amount|dose))\b/i;
const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds thousand thousands million millions billion half once twice daily weekly monthly yearly annually few times second seconds minute minutes hour hours day days week weeks month months year years century centuries'.split(
    ' ',
  ),
);

/** Whether the answer holds a number or a time unit (digits or words), as a quantity or time question asks. */
const statesQuantity = (answer: string): boolean =>
  analyse(answer).tokens.some((t) => t.type === 'number' || t.pos === 'NUM' || NUMBER_WORDS.has(t.lower));

/**
 * answer_relevance, 0..1: does the answer address its question? The question's subject words (focusKeys:
 * no template, asking or quoted words) that occur in the chunk's prose (fenced code left out) and are not its
 * topic (heading words, words of 40% of its sentences) must recur in the answer or in the chunk
 * sentences the answer rests on (each answer sentence's best-matching chunk sentence, when it shares at least
 * half its content words). Each subject word weighs by its rarity among the chunk's sentences (inverse
 * document frequency), so "diagnosed" counts for more than "asthma" in an asthma text; the covered share c of
 * the weight gives min(1, c / 0.5). A question asking for a quantity, time or date ("How long…", "When…")
 * answered with a number scores at least 0.75 (the subject may be paraphrased: "the first rise" / "leave the
 * dough until doubled"); one answered without any number scores at most 0.5. An answer that does not open
 * with a noun phrase of its own and holds a pronoun ("It is…", "Only when … it.") is taken to refer to the
 * question's subject (its first noun phrase), and a yes/no question
 * answered "Yes, …"/"No, …" scores at least 0.8. 1 when the question names no
 * subject the chunk holds ("Summarize the section 'X'.").
 */
export const relevanceScore = (question: string, answer: string, chunkText: string): number => {
  const prose = chunkText.replace(FENCED_CODE, ' ');
  const sentences = analyse(prose).sentences.map((s) => new Set(s.filter(isContent).map(keyOf)));
  const topic = topicKeys(prose, sentences);
  const inChunk = allKeys(prose);
  const focus = [...new Set(focusKeys(question))].filter((k) => inChunk.has(k) && !topic.has(k));
  const quantity = QUANTITY_QUESTION.test(withoutQuotes(question).trim());
  const typed = quantity ? (statesQuantity(answer) ? 0.75 : 0) : 0;
  const cap = quantity && typed === 0 ? 0.5 : 1;
  if (focus.length === 0) return cap;
  const said = analyse(answer).tokens;
  const context = new Set(said.map(keyOf));
  // "It is thought to be caused by…", "Only when there is a lawful basis for processing it.": in an answer that
  // does not open with a noun phrase of its own, a pronoun stands for the question's subject.
  const ownSubject = said[0] !== undefined && ['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'VERB'].includes(said[0].pos);
  if (!ownSubject && said.some((t) => REFERRING.has(t.lower))) subjectKeys(question).forEach((k) => context.add(k));
  for (const part of answer.split(/[:;]\s|\n/)) {
    const keys = [...new Set(contentKeys(part))];
    if (keys.length === 0) continue;
    let best: { overlap: number; keys: Set<string> } | null = null;
    for (const s of sentences) {
      const overlap = keys.filter((k) => s.has(k)).length / keys.length;
      if (overlap >= 0.5 && (best === null || overlap > best.overlap)) best = { overlap, keys: s };
    }
    best?.keys.forEach((k) => context.add(k));
  }
  const weight = (k: string): number => Math.log((sentences.length + 1) / (sentences.filter((s) => s.has(k)).length + 0.5));
  const total = focus.reduce((sum, k) => sum + weight(k), 0);
  const covered = focus.filter((k) => context.has(k)).reduce((sum, k) => sum + weight(k), 0);
  const lexical = total <= 0 ? 1 : clamp01(covered / total / 0.5);
  // A yes/no question answered "Yes, …" or "No, …" is addressed (a bare "Yes." fails answer_adequacy instead).
  const polar = said.length > 0 && POLAR_ANSWERS.has(said[0].lower) && analyse(question).tokens[0]?.pos === 'AUX' ? 0.8 : 0;
  return Math.min(cap, Math.max(lexical, typed, polar));
};

const REFERRING = new Set(['it', 'its', 'they', 'them', 'their', 'he', 'his', 'she', 'her', 'this', 'these']);
const POLAR_ANSWERS = new Set(['yes', 'no']);

/** Keys of the question's subject: the first run of nouns and adjectives after its auxiliary ("When may personal data be…"). */
const subjectKeys = (question: string): string[] => {
  const tokens = analyse(withoutQuotes(question)).tokens;
  const aux = tokens.findIndex((t) => t.pos === 'AUX');
  const keys: string[] = [];
  for (let i = aux + 1; i < tokens.length && aux >= 0; i++) {
    const t = tokens[i];
    if (t.pos === 'DET' && keys.length === 0) continue;
    if (!['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(t.pos)) break;
    if (isContent(t)) keys.push(keyOf(t));
  }
  return keys;
};

const FENCED_CODE = /```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)/g;

/**
 * The chunk's topic: the words of its headings and those in at least 40% of its sentences ("Mars" in a text
 * on Mars). An answer about the topic need not name it ("Its reddish colour…"), so they are not asked for.
 */
const topicKeys = (prose: string, sentences: readonly Set<string>[]): Set<string> => {
  const topic = new Set(
    prose
      .split('\n')
      .filter((l) => /^\s*#/.test(l))
      .flatMap((l) => contentKeys(l.replace(/^\s*#+/, ''))),
  );
  const counts = new Map<string, number>();
  for (const s of sentences) for (const k of s) counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const [k, n] of counts) if (sentences.length >= 3 && n / sentences.length >= 0.4) topic.add(k);
  return topic;
};
