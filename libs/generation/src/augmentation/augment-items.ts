import type { GeneratedItem } from '@compileo/domain';
import { normalizeText } from '../dedup/near-duplicate';
import { questionFormScore, questionGrammarScore } from '../quality/question-checks';
import { hash53 } from '../text/seeded-hash';
import { SYNONYMS } from './synonyms';

/**
 * Data augmentation (product spec §3, `data_augmentation`): one reworded variant per item, answer kept.
 *
 *  - `paraphrase`: a template rewording of the question (instruction): "What is X?" → "Can you explain what
 *    X is?", "What does S say about T?" → "What information does S give about T?", clause reordering
 *    ("A, according to S?" ↔ "According to S, a?"), imperative rewrites ("Summarize X." → "Provide a summary
 *    of X."), and as a last resort "According to the text, …" / "Based on the text, …".
 *  - `synonym_replacement`: 1-3 words of the question replaced from a built-in synonym table (synonyms.ts:
 *    common, domain-neutral words only; quoted headings and names are never touched). A question with no
 *    word in the table is attributed to the text instead ("According to the text, …"), marked
 *    `metadata.augmentation_fallback: 'attribution'`, so that every item still gets its variant.
 *
 * The share (issue 8: shares hold across the job): `data_augmentation` asks for one variant of every item, so
 * variants are half of the job's entries. Every question or instruction the rules above can reword gets one,
 * and a variant of a negative is a negative, so the job's `negativity_ratio` share holds among all entries.
 *
 * Every choice (rule, words, synonyms) comes from a hash of `seed`, the item's position and its text: same
 * input → same output. A variant that normalises to its original (nothing applied), or to an item already
 * returned, is dropped.
 *
 * Near-duplicates: the dedup stage rejects word-3-shingle Jaccard ≥ 0.9 over question + answer (dedupText),
 * and a variant shares its original's answer verbatim, so how far apart a pair lands depends on answer length.
 * Measured on extractive items (augment-items.unit.spec.ts chunk; 3 question styles × 3 variants, 8 items):
 *   default / qa_pairs / question / instruction: every variant < 0.9 (mean 0.37-0.64, max 0.84);
 *   answer (3-4 sentence answers): 140 of 141 < 0.9 (max 0.91);
 *   summarization (long answers): only 55-70% < 0.9 (max 0.97).
 * On the question alone variants sit far lower (mostly 0-0.5). So long-answer variants are often rejected as
 * near-duplicates of their own original unless dedup skips that one comparison (metadata.augmented_from).
 */
export const AUGMENTATION_KINDS = ['none', 'paraphrase', 'synonym_replacement'] as const;
export type AugmentationKind = (typeof AUGMENTATION_KINDS)[number];

/** A `data_augmentation` parameter value as a kind; absent or unknown values mean `none`. */
export const asAugmentation = (value: string | null | undefined): AugmentationKind =>
  (AUGMENTATION_KINDS as readonly string[]).includes(value ?? '') ? (value as AugmentationKind) : 'none';

/**
 * The originals (unchanged, same order) followed by one variant per original that could be reworded. A
 * variant copies its original (answer, category, difficulty, input, output, metadata) with the question (and
 * instruction) reworded, plus metadata `{augmentation: kind, augmented_from: <index of the original in the
 * returned array>}` (and `augmentation_fallback` when synonyms gave way to attribution). `none` returns the
 * items as they are.
 */
export const augmentItems = (items: readonly GeneratedItem[], kind: AugmentationKind, seed: string): GeneratedItem[] => {
  const out = [...items];
  if (kind === 'none') return out;
  const seen = new Set(items.map(keyOf));
  items.forEach((item, index) => {
    const reworded = variantOf(item, kind, `${seed}\u0000${index}`);
    if (reworded === null) return;
    const key = keyOf(reworded.variant);
    if (seen.has(key)) return;
    seen.add(key);
    const fallback = reworded.fallback ? { augmentation_fallback: 'attribution' } : {};
    out.push({ ...reworded.variant, metadata: { ...item.metadata, augmentation: kind, augmented_from: index, ...fallback } });
  });
  return out;
};

const keyOf = (item: GeneratedItem): string =>
  normalizeText(`${item.instruction ?? item.question ?? ''}\n${item.output ?? item.answer ?? ''}`);

const changed = (before: string, after: string): boolean => normalizeText(before) !== normalizeText(after);

const variantOf = (
  item: GeneratedItem,
  kind: Exclude<AugmentationKind, 'none'>,
  seed: string,
): { readonly variant: GeneratedItem; readonly fallback: boolean } | null => {
  // Synonyms first; a text none of whose words is in the table is attributed to the text instead.
  const lead = item.instruction ?? item.question ?? '';
  const fallback = kind === 'synonym_replacement' && lead.trim() !== '' && !changed(lead, replaceSynonyms(lead, seed));
  const reword = (text: string): string =>
    kind === 'paraphrase' ? paraphraseQuestion(text, seed) : fallback ? attributeToText(text, seed) : replaceSynonyms(text, seed);
  if (item.instruction !== undefined) {
    const instruction = reword(item.instruction);
    if (!changed(item.instruction, instruction)) return null;
    const question =
      item.question === item.instruction || item.question === null ? (item.question === null ? null : instruction) : reword(item.question);
    return { variant: { ...item, instruction, question }, fallback };
  }
  if (item.question === null || item.question.trim() === '') return null;
  const question = reword(item.question);
  return changed(item.question, question) ? { variant: { ...item, question }, fallback } : null;
};

const pick = <T>(options: readonly T[], seed: string, key: string): T => options[hash53(`${seed}\u0000${key}`) % options.length];

// ---------------------------------------------------------------------------------------------------------
// Paraphrase

/** Lower-cases a leading function word so a clause can follow a comma ("What is …" → "what is …"). */
const lowerFirst = (text: string): string =>
  text.replace(
    /^(What|Who|Which|When|Where|How|Why|Is|Are|Was|Were|Do|Does|Did|Can|Could|Should|Would|Will|Has|Have|In|The|A|An|Summarize|Explain|Describe|List|Identify|Define|Outline|Give|Write|Provide|Name|Compare)\b/,
    (w) => w.toLowerCase(),
  );
const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

type Rule = (text: string) => readonly string[];

const AUX = 'do|does|did|can|could|will|would|should|must|may|might|is|are|was|were|has|have|had';
const STRANDED = 'from|to|with|on|in|of|for|about|at|by|into|through|over|under|against|between|as';
const INVERTED = new RegExp(`^What (${AUX}) (.+?) (\\p{L}[\\p{L}'-]*)(?: (${STRANDED}))?\\?$`, 'u');
/** A participle or gerund ending a "What is …" clause: "What is insulin used for?" is no "What is X?". */
const PARTICIPLE_END = new RegExp(`\\s\\p{L}{2,}(?:ed|ing)(?: (?:${STRANDED}))?$`, 'u');

/** Rewrites for the shapes questions and instructions usually take (the extractive templates among them). */
const SPECIFIC_RULES: readonly Rule[] = [
  (t) => {
    const m = /^What (is|are) ([^,?]{1,80})\?$/.exec(t);
    if (!m || /^(\S+ed|said|known|meant|stated)\b/i.test(m[2]) || PARTICIPLE_END.test(m[2])) return [];
    return [`Can you explain what ${m[2]} ${m[1]}?`, `How would you describe ${m[2]}?`];
  },
  (t) => {
    const m = /^What does (.+?) say about (.+)\?$/.exec(t);
    return m ? [`What information does ${m[1]} give about ${m[2]}?`, `According to ${m[1]}, what is known about ${m[2]}?`] : [];
  },
  (t) => {
    const m = /^According to ([^,]+), (.+)\?$/.exec(t);
    return m ? [`${upperFirst(m[2])}, according to ${m[1]}?`] : [];
  },
  (t) => {
    const m = /^([^:]+), according to ([^,]+)\?$/.exec(t);
    return m ? [`According to ${m[2]}, ${lowerFirst(m[1])}?`, `According to ${m[2]}: ${lowerFirst(m[1])}?`] : [];
  },
  (t) => {
    const m = /^How does (.+?) explain (.+)\?$/.exec(t);
    return m ? [`What explanation of ${m[2]} does ${m[1]} give?`, `In what way does ${m[1]} account for ${m[2]}?`] : [];
  },
  (t) => {
    const m = /^Why is (.+?) significant according to (.+)\?$/.exec(t);
    return m ? [`According to ${m[2]}, what makes ${m[1]} significant?`, `What is the significance of ${m[1]}, according to ${m[2]}?`] : [];
  },
  (t) => {
    const m = /^What role does (.+?) play in (.+)\?$/.exec(t);
    return m ? [`How does ${m[1]} function within ${m[2]}?`, `In ${m[2]}, what part does ${m[1]} play?`] : [];
  },
  (t) => {
    const m = /^What does (.+) mean\?$/.exec(t);
    return m ? [`What is meant by ${m[1]}?`, `How is ${m[1]} defined?`] : [];
  },
  (t) => {
    const m = /^In a case involving (.+?), what does (.+) indicate\?$/.exec(t);
    return m ? [`What does ${m[2]} indicate for a case involving ${m[1]}?`] : [];
  },
  (t) => {
    const m = /^Suppose a reader encounters (.+?) in practice\. What guidance does (.+) give\?$/.exec(t);
    return m ? [`What guidance does ${m[2]} give to a reader who encounters ${m[1]} in practice?`] : [];
  },
  (t) => {
    const m = /^Summarize (.+?) in one sentence\.$/.exec(t);
    return m ? [`Give a one-sentence summary of ${m[1]}.`, `In a single sentence, summarize ${m[1]}.`] : [];
  },
  (t) => {
    const m = /^Summarize the key points of (.+)\.$/.exec(t);
    return m ? [`List the key points of ${m[1]}.`, `What are the key points of ${m[1]}?`] : [];
  },
  (t) => {
    const m = /^Summarize (?!the key points of )(.+?)(?<! in one sentence)\.$/.exec(t);
    return m ? [`Provide a summary of ${m[1]}.`, `Write a summary of ${m[1]}.`] : [];
  },
  (t) => {
    const m = /^Give a brief summary of (.+)\.$/.exec(t);
    return m ? [`Summarize ${m[1]} briefly.`, `Briefly summarize ${m[1]}.`] : [];
  },
  (t) => {
    const m = /^Write a short overview of (.+)\.$/.exec(t);
    return m ? [`Provide a brief overview of ${m[1]}.`, `Give a short overview of ${m[1]}.`] : [];
  },
  (t) => {
    const m = /^What are the main points of (.+)\?$/.exec(t);
    return m ? [`Which main points does ${m[1]} make?`, `List the main points of ${m[1]}.`] : [];
  },
  (t) => {
    const m = /^Condense (.+) into its essentials\.$/.exec(t);
    return m ? [`Reduce ${m[1]} to its essentials.`, `Boil ${m[1]} down to its essentials.`] : [];
  },
  (t) => {
    const m = /^Using only the excerpt, answer: (.+)$/s.exec(t);
    return m
      ? [`Answer the following question from the excerpt alone: ${m[1]}`, `Relying only on the excerpt, answer this question: ${m[1]}`]
      : [];
  },
  (t) => {
    const m = /^Read the excerpt and explain (.+)\.$/.exec(t);
    return m ? [`Explain ${m[1]}, based on the excerpt.`, `Drawing on the excerpt, explain ${m[1]}.`] : [];
  },
  (t) => {
    const m = /^Based on the excerpt, describe (.+)\.$/.exec(t);
    return m ? [`Describe ${m[1]} as the excerpt presents it.`, `Using the excerpt, describe ${m[1]}.`] : [];
  },
];

/**
 * The shapes the offline model builds from a sentence's own structure (sentence-questions.ts), used when no
 * rule above applies: the inverted main clause ("What does type 1 diabetes result from?", "What do child
 * loggers add?"), "How is X treated?" / "How can X be managed?" / "How does X work?", and "Why …?".
 */
const STRUCTURAL_RULES: readonly Rule[] = [
  (t) => {
    const m = INVERTED.exec(t);
    if (!m) return [];
    const [, aux, subject, verb, prep] = m;
    // "What is X?" is a definition (above); a be-form inverts only before a participle ("What are X used for?").
    if (/^(is|are|was|were)$/.test(aux) && !/\p{L}{2,}(?:ed|ing)$/u.test(verb)) return [];
    if (prep)
      return [`${upperFirst(prep)} what ${aux} ${subject} ${verb}?`, `What ${aux} ${subject} ${verb} ${prep}, according to the text?`];
    return [`What ${aux} ${subject} ${verb}, according to the text?`, `According to the text, what ${aux} ${subject} ${verb}?`];
  },
  (t) => {
    const m = new RegExp(`^How (${AUX}) (.+)\\?$`).exec(t);
    return m ? [`In what way ${m[1]} ${m[2]}?`, `By what means ${m[1]} ${m[2]}?`] : [];
  },
  (t) => {
    const m = new RegExp(`^Why (${AUX}) (.+)\\?$`).exec(t);
    return m ? [`For what reason ${m[1]} ${m[2]}?`, `According to the text, why ${m[1]} ${m[2]}?`] : [];
  },
];

/** For anything else: attribute the question (or instruction) to the text. */
const fallback = (t: string): readonly string[] => {
  if (/^(According to|Based on|Drawing on|Relying only)\b/i.test(t) || /\baccording to\b/i.test(t)) return [];
  if (t.endsWith('?')) return [`According to the text, ${lowerFirst(t)}`, `Based on the text, ${lowerFirst(t)}`];
  if (/[.!]$/.test(t)) return [`Based on the text, ${lowerFirst(t)}`];
  return [];
};

/** A deterministic rewording of a question or instruction (the text itself when no rule applies). */
export const paraphraseQuestion = (question: string, seed: string): string => {
  const text = question.trim().replace(/\s+/g, ' ');
  const differs = (s: string): boolean => normalizeText(s) !== normalizeText(text);
  const specific = SPECIFIC_RULES.flatMap((rule) => rule(text)).filter(differs);
  const structural = specific.length > 0 ? [] : STRUCTURAL_RULES.flatMap((rule) => rule(text)).filter(differs);
  const tiers = [specific, structural, fallback(text).filter(differs)];
  // Wordings the quality scorer reads as well-formed questions first (its tagger misreads some, e.g. a
  // long "According to the section on "…", which …?" opening), so that a variant is not rejected for its form.
  const options = tiers.map((o) => o.filter(readsWell)).find((o) => o.length > 0) ?? tiers.find((o) => o.length > 0) ?? [];
  return options.length > 0 ? pick(options, seed, text) : question;
};

const readsWell = (text: string): boolean => questionFormScore(text) === 1 && questionGrammarScore(text) === 1;

/** The question (or instruction) attributed to the text: what synonym replacement falls back on. */
const attributeToText = (question: string, seed: string): string => {
  const text = question.trim().replace(/\s+/g, ' ');
  const options = fallback(text).filter((s) => changed(s, text));
  const wellFormed = options.filter(readsWell);
  return options.length > 0 ? pick(wellFormed.length > 0 ? wellFormed : options, seed, text) : question;
};

// ---------------------------------------------------------------------------------------------------------
// Synonym replacement

const WORD = /\p{L}[\p{L}'\u2019-]*/gu;
/** Quoted spans (headings, document names) are names, not wording: never replaced. */
const QUOTED = /["\u201c][^"\u201d]*["\u201d]|(?<![\p{L}\p{N}])'[^']*'(?![\p{L}\p{N}])/gu;

/**
 * Replaces 1-3 words of `question` (how many, which and with what all chosen by a hash of `seed` and the
 * text) with synonyms from the built-in table, keeping capitalisation and fixing a/an before the new word.
 * Words in quotes or next to a number ("type 1") are names and stay.
 * Returns the question unchanged when none of its words is in the table.
 */
export const replaceSynonyms = (question: string, seed: string): string => {
  const quoted = [...question.matchAll(QUOTED)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
  const inQuote = (at: number): boolean => quoted.some(([from, to]) => at >= from && at < to);
  const words = [...question.matchAll(WORD)]
    .map((m) => ({ at: m.index ?? 0, word: m[0] }))
    .filter((w) => !inQuote(w.at) && !numbered(question, w.at, w.word) && SYNONYMS.has(w.word.toLowerCase()));
  if (words.length === 0) return question;
  const want = 1 + (hash53(`${seed}\u0000count\u0000${question}`) % 3);
  const chosen = [...words]
    .sort((a, b) => hash53(`${seed}\u0000${a.at}\u0000${question}`) - hash53(`${seed}\u0000${b.at}\u0000${question}`) || a.at - b.at)
    .slice(0, Math.min(want, words.length))
    .sort((a, b) => b.at - a.at);
  let out = question;
  for (const { at, word } of chosen) {
    const synonyms = SYNONYMS.get(word.toLowerCase()) ?? [];
    let replacement = pick(synonyms, seed, `${at}\u0000${word}`);
    if (/^\p{Lu}/u.test(word)) replacement = upperFirst(replacement);
    const before = fixArticle(out.slice(0, at), replacement);
    out = before + replacement + out.slice(at + word.length);
  }
  return out;
};

/** A word next to a number names something ("type 1 diabetes", "stage 2", "section 4.1"): never replaced. */
const numbered = (text: string, at: number, word: string): boolean =>
  /^[\s-]*\p{N}/u.test(text.slice(at + word.length)) || /\p{N}[\s-]*$/u.test(text.slice(0, at));

/** "a important" / "an big": the article before a replaced word follows the new word's first sound (roughly). */
const fixArticle = (before: string, next: string): string => {
  const m = /(^|\s)(a|an|A|An)(\s+)$/.exec(before);
  if (!m) return before;
  const vowel = /^[aeiou]/i.test(next) && !/^(u[nr]i|use|eu|one)/i.test(next);
  const article = vowel ? 'an' : 'a';
  const cased = /^A/.test(m[2]) ? upperFirst(article) : article;
  return before.slice(0, before.length - m[2].length - m[3].length) + cased + m[3];
};
