import type { TokenUsage } from '../model-provider.port';
import { JsonModelCall, type JsonModelCallOptions } from '../remote/json-model-call';
import { abortErrorFor } from '../remote/sleep';
import type { TextModelClient } from '../remote/text-model-client';
import { contentTokens, TEMPLATE_WORDS } from '../text/keywords';
import { splitSentences } from '../text/sentences';
import { isRecord, lowerKeys, ModelReplyError, parseJsonReply } from './model-reply';

export interface AnswerRequest {
  readonly question: string;
  /** The passage to answer from; null for closed-book (the model's own knowledge). */
  readonly context: string | null;
  readonly signal: AbortSignal;
}

export interface AnswerResult {
  readonly answer: string;
  /** Tokens the call used; null when no model was called (or the vendor did not say). */
  readonly usage: TokenUsage | null;
}

/** A model under evaluation: answers one question, closed-book or from a passage. */
export interface Answerer {
  /** The model as recorded with benchmark results, e.g. `extractive`, `gemini-2.5-flash`. */
  readonly model: string;
  answer(request: AnswerRequest): Promise<AnswerResult>;
}

/** Lines that are not prose and never an answer: headings, table rows, code fences, HTML. */
const NOT_PROSE = /^(?:#|\||```|~~~|<)/;
/** List and quote markers in front of a sentence. */
const MARKER = /^(?:[-*+>]\s+|\d+[.)]\s+)+/;

/**
 * The offline baseline, deterministic and free. With a context it answers with the context sentence that
 * shares the most content tokens with the question (stopwords and question-template words such as "text" or
 * "according" ignored; ties go to the sentence where the shared tokens are the larger share, then to the
 * earlier one); no overlap at all gives ''. Closed-book it answers '': an offline model knows nothing.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly model = 'extractive';

  async answer(request: AnswerRequest): Promise<AnswerResult> {
    if (request.signal.aborted) throw abortErrorFor(request.signal);
    return { answer: request.context === null ? '' : bestSentence(request.question, request.context), usage: null };
  }
}

/** The context sentence that best answers `question` (see ExtractiveAnswerer); '' when none shares a content token. */
export const bestSentence = (question: string, context: string): string => {
  const wanted = new Set(contentTokens(question, TEMPLATE_WORDS));
  if (wanted.size === 0) return '';
  let best = '';
  let bestShared = 0;
  let bestDensity = 0;
  for (const span of splitSentences(context)) {
    if (NOT_PROSE.test(span.text)) continue;
    const text = span.text.slice(MARKER.exec(span.text)?.[0].length ?? 0).trim();
    const tokens = new Set(contentTokens(text));
    if (tokens.size === 0) continue;
    let shared = 0;
    for (const t of tokens) if (wanted.has(t)) shared++;
    const density = shared / tokens.size;
    if (shared > bestShared || (shared === bestShared && shared > 0 && density > bestDensity)) {
      best = text;
      bestShared = shared;
      bestDensity = density;
    }
  }
  return best;
};

export type RemoteAnswererOptions = JsonModelCallOptions;

export const ANSWER_JSON_SCHEMA = {
  type: 'object',
  properties: { answer: { type: 'string' } },
  required: ['answer'],
} as const;

/**
 * The prompt for one question: closed-book asks the model to answer from its own knowledge; with a context,
 * using only that text. Concatenated, never templated, so braces or placeholders in documents are inert.
 */
export const answerPrompt = (question: string, context: string | null): string => {
  const task =
    context === null
      ? 'Answer the question in one or two sentences from your own knowledge.'
      : `Answer the question in one or two sentences using only this text:\n\n<text>\n${context}\n</text>`;
  return `${task}\n\nQuestion: ${question}\n\nReply with JSON only: {"answer": "<your answer>"}`;
};

/**
 * The answer in a reply: `{"answer": "..."}` (keys in any case, fenced or wrapped in prose, repaired when
 * broken), a bare JSON string, or, when the reply holds no JSON at all, the reply text itself. JSON without
 * an answer is a ModelReplyError.
 */
export const parseAnswer = (text: string): string => {
  const parsed = parseJsonReply(text);
  if (!parsed.found) {
    const trimmed = text.trim();
    if (trimmed === '') throw new ModelReplyError('empty response', text);
    return jsonString(trimmed) ?? trimmed;
  }
  const value = parsed.value;
  if (typeof value === 'string') return value.trim();
  if (isRecord(value)) {
    const answer = lowerKeys(value)['answer'];
    if (typeof answer === 'string') return answer.trim();
    if (typeof answer === 'number' || typeof answer === 'boolean') return String(answer);
  }
  throw new ModelReplyError('reply has no "answer" string', text);
};

/** The string a reply holds when it is one JSON string literal, else null. */
const jsonString = (text: string): string | null => {
  if (!text.startsWith('"')) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value.trim() : null;
  } catch {
    return null;
  }
};

/**
 * An Answerer over any vendor's TextModelClient, with the same resilience as generation: a slot of the
 * (shareable) AdaptiveLimiter, a per-call timeout, retries of retryable ModelCallErrors with back-off or
 * Retry-After. A reply without a usable answer throws ModelReplyError (not retried); aborting the signal
 * rejects with an AbortError.
 */
export class RemoteAnswerer implements Answerer {
  private readonly call: JsonModelCall;

  constructor(client: TextModelClient, options: RemoteAnswererOptions = {}) {
    this.call = new JsonModelCall(client, options);
  }

  get model(): string {
    return this.call.model;
  }

  async answer(request: AnswerRequest): Promise<AnswerResult> {
    const completion = await this.call.ask(answerPrompt(request.question, request.context), ANSWER_JSON_SCHEMA, request.signal);
    return { answer: parseAnswer(completion.text), usage: completion.usage };
  }
}
