import type { TokenUsage } from '../model-provider.port';
import { isRecord, lowerKeys, ModelReplyError, parseJsonReply } from '../evaluation/model-reply';
import { JsonModelCall, type JsonModelCallOptions } from '../remote/json-model-call';
import type { TextModelClient } from '../remote/text-model-client';
import { JUDGE_CRITERIA, JUDGE_DEFINITIONS, judgeScore, ratingToScore, type JudgeCriterion, type JudgeScores } from './rubric';

export interface JudgeRequest {
  /** The entry's question (or instruction); null when it has none. */
  readonly question: string | null;
  /** The entry's answer (or output); null for question-only entries. */
  readonly answer: string | null;
  /** The source chunk's text. */
  readonly context: string;
  readonly signal: AbortSignal;
}

export interface JudgeResult {
  /** Per criterion, 0..1. */
  readonly scores: JudgeScores;
  /** Weighted by JUDGE_WEIGHTS, 0..1. */
  readonly score: number;
  readonly usage: TokenUsage | null;
}

/** Scores one generated entry against its source text with the weighted rubric (rubric.ts). */
export interface Judge {
  /** The judging model as recorded, e.g. `gemini-2.5-flash`. */
  readonly model: string;
  judge(request: JudgeRequest): Promise<JudgeResult>;
}

export type ModelJudgeOptions = JsonModelCallOptions;

export const JUDGE_JSON_SCHEMA = {
  type: 'object',
  properties: Object.fromEntries(JUDGE_CRITERIA.map((c) => [c, { type: 'integer' }])),
  required: [...JUDGE_CRITERIA],
} as const;

/**
 * The rubric prompt: the four criteria with their one-line definitions, the source text, the item, and the
 * JSON to reply with. A missing question or answer is shown as "(none)" and rated 5 ("not applicable"); the
 * judge's rating of it is ignored anyway. Concatenated, never templated, so document text is inert.
 */
export const judgePrompt = (question: string | null, answer: string | null, context: string): string =>
  [
    'You are grading one item of a dataset generated from the source text below.',
    'Rate each criterion with an integer from 1 (very poor) to 5 (excellent):',
    ...JUDGE_CRITERIA.map((c) => `- ${c}: ${JUDGE_DEFINITIONS[c]}.`),
    'If the item has no question or no answer (shown as "(none)"), rate that criterion 5 and judge the others on what is there.',
    '',
    'Source text:',
    '<text>',
    context,
    '</text>',
    '',
    `Question: ${question ?? '(none)'}`,
    `Answer: ${answer ?? '(none)'}`,
    '',
    `Reply with JSON only: {${JUDGE_CRITERIA.map((c) => `"${c}": <1-5>`).join(', ')}}`,
  ].join('\n');

/** Keys under which models nest their ratings. */
const NESTED = ['scores', 'ratings', 'rubric', 'evaluation', 'grades'] as const;

const ratingOf = (value: unknown): number | null => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const match = /^\s*(\d+(?:\.\d+)?)/.exec(value); // "4", "4/5", "4 - clear"
    return match ? Number(match[1]) : null;
  }
  if (isRecord(value)) {
    const inner = lowerKeys(value);
    return ratingOf(inner['rating'] ?? inner['score'] ?? inner['value']);
  }
  return null;
};

/**
 * The 1-5 ratings in a judge's reply, per criterion (keys in any case, top level or under `scores`/`ratings`,
 * numbers or numeric strings, fenced or broken JSON repaired). Ratings are rounded and clamped to 1..5. A
 * reply missing any criterion is a ModelReplyError.
 */
export const parseRatings = (text: string): Record<JudgeCriterion, number> => {
  const parsed = parseJsonReply(text);
  if (!parsed.found || !isRecord(parsed.value)) throw new ModelReplyError('judge reply holds no JSON object', text);
  const top = lowerKeys(parsed.value);
  const nested = NESTED.map((k) => top[k]).find(isRecord);
  const fields = JUDGE_CRITERIA.some((c) => c in top) || nested === undefined ? top : lowerKeys(nested);
  const out = {} as Record<JudgeCriterion, number>;
  const missing: JudgeCriterion[] = [];
  for (const c of JUDGE_CRITERIA) {
    const rating = ratingOf(fields[c]);
    if (rating === null) missing.push(c);
    else out[c] = Math.min(5, Math.max(1, Math.round(rating)));
  }
  if (missing.length > 0) throw new ModelReplyError(`judge reply lacks a 1-5 rating for ${missing.join(', ')}`, text);
  return out;
};

/**
 * A Judge over any vendor's TextModelClient with generation's resilience (shared limiter, per-call timeout,
 * retries of retryable ModelCallErrors). Ratings map to (r-1)/4; a criterion that does not apply (no question,
 * or no answer) scores 1, as the heuristic scorer treats a question-only item's answer. A reply without the
 * four ratings throws ModelReplyError (not retried); aborting the signal rejects with an AbortError.
 */
export class ModelJudge implements Judge {
  private readonly call: JsonModelCall;

  constructor(client: TextModelClient, options: ModelJudgeOptions = {}) {
    this.call = new JsonModelCall(client, options);
  }

  get model(): string {
    return this.call.model;
  }

  async judge(request: JudgeRequest): Promise<JudgeResult> {
    const completion = await this.call.ask(
      judgePrompt(request.question, request.answer, request.context),
      JUDGE_JSON_SCHEMA,
      request.signal,
    );
    const ratings = parseRatings(completion.text);
    const scores: JudgeScores = {
      question: request.question === null ? 1 : ratingToScore(ratings.question),
      answer: request.answer === null ? 1 : ratingToScore(ratings.answer),
      relevance: ratingToScore(ratings.relevance),
      consistency: ratingToScore(ratings.consistency),
    };
    return { scores, score: judgeScore(scores), usage: completion.usage };
  }
}
