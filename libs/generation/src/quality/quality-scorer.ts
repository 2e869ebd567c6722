import { DIFFICULTIES, type Difficulty, type GeneratedItem } from '@compileo/domain';
import { contentTokens, TEMPLATE_WORDS, tokenize } from '../text/keywords';
import { estimateDifficulty } from '../text/difficulty';
import { absentQuestionTerms, isNegativeAnswer, isNegativeItem } from '../negatives/negative-answer';

/**
 * Quality score = Σ weight × component, each component in 0..1, rounded to 3 decimals:
 *  - grounding (0.35): share of the answer's content words (output for instruction items; the question,
 *    minus template and quoted words, when there is no answer) that occur in the source chunk.
 *  - question_form (0.20): the question (instruction) ends in "?" or is an imperative (0.5), opens with an
 *    interrogative/imperative cue (0.3), and is 3-60 words long (0.2).
 *  - answer_adequacy (0.20): grows with answer length to full at 8 words, 0.1 under 3 words, 0.8 beyond 400,
 *    ×0.3 when the answer only repeats the question; 1 ("not applicable") when a question-only item has none.
 *  - uniqueness (0.15): 0 for an exact or near-duplicate of an earlier item, else 1.
 *  - difficulty_fit (0.10): 1 at the target difficulty, −1/3 per level away.
 * A grounded extractive item scores ≥ 0.9 unless far off the target difficulty (still ≥ 0.8).
 *
 * Negative items (metadata.negative, or an answer equal to NEGATIVE_ANSWER: "the text does not say") have
 * no answer words to ground, so two components change; the rest are scored as above:
 *  - grounding: 1 when the answer is NEGATIVE_ANSWER (case/punctuation-insensitive; a question-only item
 *    needs none) and the question asks about something the chunk lacks, i.e. at least one of its content
 *    words (minus template words, generic question words such as "role" or "made", and quoted headings) is
 *    not covered by the chunk: neither present, nor sharing a lemma or a 5-letter stem with a chunk word.
 *    Otherwise 0: the text does say, or an item marked negative carries some other answer.
 *  - answer_adequacy: 1 for NEGATIVE_ANSWER when the question has such an absent term; 0.3 (the "only
 *    repeats" factor) when the chunk covers every content word of the question, since refusing a question
 *    the text answers is not an adequate answer; the usual length rule for any other answer.
 * A negative made by the extractive provider scores ≥ 0.9 at the target difficulty; "The text does not
 * say." to a question whose words all occur in the chunk scores about 0.5.
 * The absence test is lexical: it cannot tell that "What is insulin's role?" is answered by a chunk that
 * never uses the word, so it errs towards accepting a negative whose question uses out-of-chunk wording.
 */
export const QUALITY_WEIGHTS = {
  grounding: 0.35,
  question_form: 0.2,
  answer_adequacy: 0.2,
  uniqueness: 0.15,
  difficulty_fit: 0.1,
} as const;

export type QualityComponents = { readonly [K in keyof typeof QUALITY_WEIGHTS]: number };

export interface QualityScore {
  readonly score: number;
  readonly components: QualityComponents;
}

export interface ScoreOptions {
  readonly targetDifficulty: Difficulty;
  readonly duplicate: boolean;
}

const INTERROGATIVE =
  /^(what|why|how|when|where|which|who|whom|whose|is|are|was|were|do|does|did|can|could|should|would|will|has|have|had|in|according|suppose|if|given)\b/i;
const IMPERATIVE =
  /^(summari[sz]e|explain|describe|list|give|write|compare|identify|define|outline|answer|read|using|based|condense|name|state|discuss|classify|translate|rewrite|provide|analy[sz]e|evaluate)\b/i;

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

export const groundingScore = (text: string, chunkText: string): number => {
  const tokens = contentTokens(text.replace(/(["'\u201c\u2018])[^"'\u201d\u2019]*["'\u201d\u2019]/g, ' '), TEMPLATE_WORDS);
  if (tokens.length === 0) return 0;
  const vocabulary = new Set(tokenize(chunkText));
  return tokens.filter((t) => vocabulary.has(t)).length / tokens.length;
};

export const questionFormScore = (question: string | null | undefined): number => {
  const q = question?.trim() ?? '';
  if (q === '') return 0;
  const words = q.split(/\s+/).length;
  const terminal = q.endsWith('?') || IMPERATIVE.test(q) ? 0.5 : 0;
  const cue = INTERROGATIVE.test(q) || IMPERATIVE.test(q) ? 0.3 : 0;
  return terminal + cue + (words >= 3 && words <= 60 ? 0.2 : 0);
};

export const answerAdequacyScore = (answer: string | null | undefined, question: string | null): number => {
  if (answer === null || answer === undefined || answer.trim() === '') return 0;
  const words = tokenize(answer).length;
  const base = words < 3 ? 0.1 : words > 400 ? 0.8 : clamp01((words - 1) / 7);
  const novel = contentTokens(answer).filter((t) => !new Set(contentTokens(question ?? '')).has(t));
  return novel.length === 0 ? base * 0.3 : base;
};

export const difficultyFitScore = (actual: Difficulty, target: Difficulty): number =>
  1 - Math.abs(DIFFICULTIES.indexOf(actual) - DIFFICULTIES.indexOf(target)) / 3;

export const scoreItem = (item: GeneratedItem, chunkText: string, opts: ScoreOptions): QualityScore => {
  const question = item.instruction ?? item.question;
  const answer = item.output ?? item.answer;
  const questionOnly = answer === null || answer === undefined;
  const negative = isNegativeItem(item) ? negativeComponents(question ?? '', answer, chunkText) : null;
  const components: QualityComponents = {
    grounding: round3(negative?.grounding ?? groundingScore(questionOnly ? (question ?? '') : answer, chunkText)),
    question_form: round3(questionFormScore(question)),
    // A question-only item (mode `question`) has no answer to judge: not applicable counts as adequate.
    answer_adequacy: round3(questionOnly ? (question ? 1 : 0) : (negative?.adequacy ?? answerAdequacyScore(answer, question))),
    uniqueness: opts.duplicate ? 0 : 1,
    difficulty_fit: round3(
      difficultyFitScore(
        item.difficulty ?? estimateDifficulty(negative ? (question ?? '') : (answer ?? question ?? '')),
        opts.targetDifficulty,
      ),
    ),
  };
  const keys = Object.keys(QUALITY_WEIGHTS) as (keyof QualityComponents)[];
  return { score: round3(keys.reduce((sum, k) => sum + QUALITY_WEIGHTS[k] * components[k], 0)), components };
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
