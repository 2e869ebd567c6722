import type { Token } from '../nlp/english';
import { analyse, isWord } from '../nlp/english';
import { unbalanced } from './text-shape';

const WH = new Set(['what', 'why', 'how', 'when', 'where', 'which', 'who', 'whom', 'whose']);
/** Verbs that open an instruction ("Summarize …", "Name …"); the tagger often misses an imperative at the start. */
const INSTRUCTION_VERBS = new Set(
  'summarize summarise explain describe list give write compare identify define outline answer read name state discuss classify translate rewrite provide analyse analyze evaluate condense suggest show tell'.split(
    ' ',
  ),
);
const MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'shall', 'should', 'will', 'would']);
const DO_FORMS = new Set(['do', 'does', 'did']);
/** Question words that need an inverted auxiliary after them ("How long is…", not "How long the dough…"). */
const ADVERBIAL_WH = new Set(['how', 'why', 'when', 'where']);

const QUOTED = /["\u201c][^"\u201d]*["\u201d]|(?<=\s)'[^']*'(?=[\s?.,!:]|$)/g;

const words = (tokens: readonly Token[]): Token[] => tokens.filter(isWord);

/** The clause that asks: after the last "answer:"-style colon of an instruction ("Using only the excerpt, answer: What …?"). */
const askingClause = (text: string): string => {
  const at = text.lastIndexOf(': ');
  return at >= 0 && at < text.length - 3 ? text.slice(at + 2) : text;
};

const isImperative = (first: Token | undefined): boolean =>
  first !== undefined &&
  (INSTRUCTION_VERBS.has(first.lower) || (first.pos === 'VERB' && first.lemma === first.lower && !first.lower.endsWith('ing')));

/** Position of the interrogative word that opens the question (after an optional preposition or "According to …,"), or -1. */
const whIndex = (tokens: readonly Token[]): number => {
  const comma = tokens.findIndex((t) => t.text === ',');
  const starts = [0, 1, comma >= 0 && comma < 6 ? comma + 1 : -1].filter((i) => i >= 0);
  for (const s of starts) if (tokens[s] && WH.has(tokens[s].lower)) return s;
  return -1;
};

/**
 * question_form, 0..1: is it a question at all? 1 for a question ending in "?" that opens with an
 * interrogative word or an auxiliary ("Is…", "Can…"), or for an instruction that opens with an imperative
 * verb ("Summarize…", "Name…", "Based on the excerpt, describe…"); 0.4 for a "?" without such an opening (a statement with a question mark);
 * 0 for a title, a statement or a keyword list.
 */
export const questionFormScore = (question: string | null | undefined): number => {
  const text = question?.trim() ?? '';
  if (text === '') return 0;
  const clause = analyse(askingClause(text)).tokens;
  const opening = analyse(text).tokens;
  if (text.endsWith('?')) return whIndex(clause) >= 0 || clause[0]?.pos === 'AUX' || whIndex(opening) >= 0 ? 1 : 0.4;
  // "Based on the excerpt, describe …": the imperative may follow an introductory phrase.
  const comma = opening.findIndex((t) => t.text === ',');
  const afterComma = comma >= 0 && comma < 8 ? words(opening.slice(comma + 1))[0] : undefined;
  return [words(opening)[0], words(clause)[0], afterComma].some(isImperative) ? 1 : 0;
};

/**
 * The grammatical defects of a question, from its part-of-speech sequence (wink-nlp):
 *  - a dangling end: the last word is a determiner, a conjunction or a bare modal ("…with the?", "…and may?"),
 *    or "of" after a noun ("…the airways of?");
 *  - a bare verb after a preposition ("…say about produce enough insulin?", "…about probably captured?");
 *    a gerund ("about making") is fine;
 *  - "does"/"did" followed by an inflected verb ("What role does produced…") or by fewer than two words;
 *  - a determiner right after how/why/when/where and their modifiers ("How long the dough…?");
 *  - no verb at all ("Who first Gutenberg Mainz 1440?"), unless a noun-tagged word could be a verb ("What causes asthma?");
 *  - a clause where the object of the last preposition belongs ("…say about benchmarks it logs?");
 *  - a repeated word ("the the"), or unbalanced brackets, quotes or backticks ("…true pino(transport?").
 */
export const questionDefects = (question: string): string[] => {
  const defects: string[] = [];
  // A quoted heading or file name is one noun to the grammar, whatever its own words are ("on "Transports"").
  const tokens = analyse(askingClause(question.trim()).replace(QUOTED, ' Topic ')).tokens;
  const w = words(tokens);
  if (w.length === 0) return ['empty'];
  const last = w[w.length - 1];
  const beforeLast = w[w.length - 2];
  if (['DET', 'CCONJ', 'SCONJ'].includes(last.pos) || (last.pos === 'AUX' && MODALS.has(last.lower))) defects.push('dangling_end');
  else if (last.lower === 'of' && beforeLast && ['NOUN', 'PROPN', 'DET', 'ADJ'].includes(beforeLast.pos)) defects.push('dangling_end');
  for (let i = 0; i < w.length - 1; i++) {
    const a = w[i];
    const b = w[i + 1];
    const c = b.pos === 'ADV' ? w[i + 2] : b;
    if (a.pos === 'ADP' && a.lower !== 'to' && c?.pos === 'VERB' && !c.lower.endsWith('ing'))
      defects.push(`verb_after_preposition:${a.lower} ${c.lower}`);
    // "does produced": a past form after do-support (a gerund subject, "did printing help", is fine).
    if (DO_FORMS.has(a.lower) && a.pos === 'AUX' && b.pos === 'VERB' && b.lemma !== b.lower && !/(?:ing|s)$/.test(b.lower)) {
      defects.push(`inflected_after_do:${b.lower}`);
    }
    if (a.lower === b.lower && a.pos !== 'NUM') defects.push(`repeated:${a.lower}`);
    if (a.pos === 'ADJ' && b.pos === 'DET' && !['such', 'quite', 'all', 'half'].includes(a.lower))
      defects.push(`adjective_before_determiner:${a.lower}`);
  }
  // The object of a final preposition is a noun phrase: "…say about benchmarks it logs?" and "…about level is info?" are not.
  const lastPrep = w.map((t) => t.pos === 'ADP' && t.lower !== 'to').lastIndexOf(true);
  const afterPrep = lastPrep >= 0 ? tokens.slice(tokens.indexOf(w[lastPrep]) + 1) : [];
  // The object runs to the end of the question; a comma or other mark before it ends the phrase.
  const object = afterPrep.slice(0, -1).some((t) => !isWord(t) && t.text !== '-') ? [] : words(afterPrep);
  const finite = object.slice(1).some((t) => t.pos === 'AUX' || (t.pos === 'VERB' && !t.lower.endsWith('ing') && !t.lower.endsWith('ed')));
  // Only once the question has its own verb before the preposition ("What fines can infringements of the principles lead to?" has not).
  const verbBefore = w.slice(0, Math.max(0, lastPrep)).some((t) => t.pos === 'VERB');
  if (object.length > 0 && verbBefore && !object.some((t) => WH.has(t.lower)) && finite) defects.push('clause_after_preposition');
  // Do-support is the question's first auxiliary ("Which bases does Article?"); a "do" after another one is the main verb ("What should the baker do?").
  const doAt = w.findIndex((t, i) => DO_FORMS.has(t.lower) && t.pos === 'AUX' && !w.slice(0, i).some((u) => u.pos === 'AUX'));
  if (doAt >= 0 && w.length - doAt - 1 < 2) defects.push('do_without_predicate');
  const wh = whIndex(w);
  if (wh >= 0 && ADVERBIAL_WH.has(w[wh].lower)) {
    let j = wh + 1;
    while (j < w.length && ['ADJ', 'ADV'].includes(w[j].pos)) j++;
    if (w[j]?.pos === 'DET') defects.push('no_inversion');
  }
  const verbal = w.some((t) => t.pos === 'VERB' || t.pos === 'AUX' || (t.pos === 'NOUN' && t.lower.endsWith('s') && t.lemma !== t.lower));
  if (!verbal) defects.push('no_verb');
  if (unbalanced(question)) defects.push('unbalanced');
  return [...new Set(defects)];
};

/** question_grammar, 0..1: 1 for a well-formed question, −0.6 per defect (questionDefects), at least 0. */
export const questionGrammarScore = (question: string | null | undefined): number => {
  const text = question?.trim() ?? '';
  if (text === '') return 0;
  return Math.max(0, 1 - 0.6 * questionDefects(text).length);
};
