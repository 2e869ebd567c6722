import { DIFFICULTIES, type Difficulty, type GeneratedItem } from '@compileo/domain';
import { estimateDifficulty } from '../text/difficulty';
import { absentQuestionTerms, isNegativeAnswer, isNegativeItem } from '../negatives/negative-answer';
import { completenessScore, proseScore } from './answer-shape';
import { adequacyScore } from './answer-substance';
import { questionFormScore, questionGrammarScore } from './question-checks';
import { groundingScore, relevanceScore } from './source-support';

/**
 * Quality score, 0..1 (3 decimals) = (Σ weight × component) × gate, where the gate is the lowest of the
 * seven checks marked ✓ below. A weighted sum alone lets one failure through (a truncated answer copied from
 * the chunk still scored 0.9); with the gate, any single check under ~0.7 takes the entry under the default
 * 0.7 threshold, and a clean entry scores about 0.95-1. Each component is in 0..1 (tokens, lemmas, part of
 * speech and sentences from wink-nlp's English model); the functions named hold the details:
 *  ✓ grounding (0.20): the answer is supported by the source — share of its content words found in the chunk
 *    (groundingScore). Catches answers that bring their own facts.
 *  ✓ question_form (0.10): it is a question — "?" after an interrogative or auxiliary opening, or an
 *    imperative instruction (questionFormScore). Catches titles, statements and keyword lists.
 *  ✓ question_grammar (0.10): the question is well formed — no dangling end, bare verb after a preposition,
 *    broken do-support, missing verb or unbalanced brackets (questionDefects). Catches template fragments
 *    such as "…say about produce enough insulin?".
 *  ✓ answer_relevance (0.15): the answer addresses the question — the question's subject words recur in the
 *    answer or its source sentences, weighted by rarity (relevanceScore).
 *  ✓ answer_adequacy (0.10): the answer is not trivial — it adds informative words the question lacks
 *    ("Yes.", "It depends." score 0.05) (adequacyScore).
 *  ✓ answer_completeness (0.10): the answer is not truncated — no final colon ("…like:"), dangling
 *    conjunction or preposition, or unbalanced brackets (completenessScore).
 *  ✓ answer_prose (0.10): prose, not code or markup — fenced or inline code, code characters, headings,
 *    tables, HTML, bullet lists (proseScore).
 *  - uniqueness (0.10): 0 for an exact or near-duplicate of an earlier item, else 1.
 *  - difficulty_fit (0.05): 1 at the target difficulty, −1/3 per level away.
 * An item without an answer (mode `question`) has its question judged for grounding, and its answer checks
 * count as met (not applicable).
 *
 * Negative items (metadata.negative, or an answer equal to NEGATIVE_ANSWER: "the text does not say") are
 * judged on their own terms, since they have no answer words to ground or to match:
 *  - grounding: 1 when the answer is NEGATIVE_ANSWER (case/punctuation-insensitive; a question-only item
 *    needs none) and the question asks about something the chunk lacks, i.e. at least one of its content
 *    words (minus template words, generic question words such as "role" or "made", and quoted headings) is
 *    not covered by the chunk: neither present, nor sharing a lemma or a 5-letter stem with a chunk word.
 *    Otherwise 0: the text does say, or an item marked negative carries some other answer.
 *  - answer_adequacy: 1 for NEGATIVE_ANSWER when the question has such an absent term; 0.3 when the chunk
 *    covers every content word of the question, since refusing a question the text answers is not an
 *    adequate answer; the usual rule for any other answer.
 *  - answer_relevance: 1 (the refusal addresses the question by construction), and answer_completeness 1
 *    for NEGATIVE_ANSWER however it is punctuated.
 * A negative made by the extractive provider scores ≥ 0.9 at the target difficulty; "The text does not say."
 * to a question whose words all occur in the chunk scores 0 (its grounding gates it).
 * The absence test is lexical: it cannot tell that "What is insulin's role?" is answered by a chunk that
 * never uses the word, so it errs towards accepting a negative whose question uses out-of-chunk wording.
 */
export const QUALITY_WEIGHTS = {
  grounding: 0.2,
  question_form: 0.1,
  question_grammar: 0.1,
  answer_relevance: 0.15,
  answer_adequacy: 0.1,
  answer_completeness: 0.1,
  answer_prose: 0.1,
  uniqueness: 0.1,
  difficulty_fit: 0.05,
} as const;

export type QualityComponents = { readonly [K in keyof typeof QUALITY_WEIGHTS]: number };

/** The components whose lowest value gates the score. */
export const GATING_COMPONENTS: readonly (keyof QualityComponents)[] = [
  'grounding',
  'question_form',
  'question_grammar',
  'answer_relevance',
  'answer_adequacy',
  'answer_completeness',
  'answer_prose',
];

export interface QualityScore {
  readonly score: number;
  readonly components: QualityComponents;
}

export interface ScoreOptions {
  readonly targetDifficulty: Difficulty;
  readonly duplicate: boolean;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export const difficultyFitScore = (actual: Difficulty, target: Difficulty): number =>
  1 - Math.abs(DIFFICULTIES.indexOf(actual) - DIFFICULTIES.indexOf(target)) / 3;

/** The answer checks of an item that has an answer; all 1 ("not applicable") for a question-only item. */
const answerChecks = (
  question: string,
  answer: string | null | undefined,
  chunkText: string,
  negative: ReturnType<typeof negativeComponents> | null,
): Pick<QualityComponents, 'answer_relevance' | 'answer_adequacy' | 'answer_completeness' | 'answer_prose'> => {
  if (answer === null || answer === undefined) {
    return { answer_relevance: 1, answer_adequacy: question ? 1 : 0, answer_completeness: 1, answer_prose: 1 };
  }
  return {
    answer_relevance: negative ? 1 : relevanceScore(question, answer, chunkText),
    answer_adequacy: negative?.adequacy ?? adequacyScore(answer, question),
    // The canonical refusal is complete however it is punctuated ("the text does not say").
    answer_completeness: negative && isNegativeAnswer(answer) ? 1 : completenessScore(answer),
    answer_prose: proseScore(answer),
  };
};

export const scoreItem = (item: GeneratedItem, chunkText: string, opts: ScoreOptions): QualityScore => {
  const question = item.instruction ?? item.question ?? '';
  const answer = item.output ?? item.answer;
  const negative = isNegativeItem(item) ? negativeComponents(question, answer, chunkText) : null;
  const raw: QualityComponents = {
    grounding: negative?.grounding ?? groundingScore(answer ?? question, chunkText),
    question_form: questionFormScore(question),
    question_grammar: questionGrammarScore(question),
    ...answerChecks(question, answer, chunkText, negative),
    uniqueness: opts.duplicate ? 0 : 1,
    difficulty_fit: difficultyFitScore(
      item.difficulty ?? estimateDifficulty(negative ? question : (answer ?? question)),
      opts.targetDifficulty,
    ),
  };
  const components = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, round3(v)])) as unknown as QualityComponents;
  const keys = Object.keys(QUALITY_WEIGHTS) as (keyof QualityComponents)[];
  const weighted = keys.reduce((sum, k) => sum + QUALITY_WEIGHTS[k] * components[k], 0);
  const gate = Math.min(...GATING_COMPONENTS.map((k) => components[k]));
  return { score: round3(weighted * gate), components };
};

/** Grounding and adequacy of a negative item (see the comment block above). */
export const negativeComponents = (
  question: string,
  answer: string | null | undefined,
  chunkText: string,
): { readonly grounding: number; readonly adequacy: number | null } => {
  const lacks = question.trim() !== '' && absentQuestionTerms(question, chunkText).length > 0;
  const refusal = answer === null || answer === undefined || isNegativeAnswer(answer);
  return {
    grounding: refusal && lacks ? 1 : 0,
    adequacy: isNegativeAnswer(answer) ? (lacks ? 1 : 0.3) : null,
  };
};
