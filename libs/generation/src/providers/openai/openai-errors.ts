import { APIConnectionTimeoutError, APIError } from 'openai';
import { ModelCallError } from '../../remote/text-model-client';

/** Retry-After: delta-seconds (fractions tolerated) or an HTTP date; null when absent or unreadable. */
export const parseRetryAfter = (value: string | null | undefined, now: number = Date.now()): number | null => {
  if (value === null || value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
};

/** OpenAI sends `retry-after-ms` (milliseconds) besides the standard `retry-after`; the former wins. */
export const retryAfterFromHeaders = (headers: Headers | undefined): number | null => {
  const ms = headers?.get('retry-after-ms');
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.round(Number(ms.trim()));
  return parseRetryAfter(headers?.get('retry-after'));
};

// Duck-typed on purpose: under Jest, errors from Node's fetch and AbortSignal are not `instanceof` the test realm's Error.
const errorName = (value: unknown): string | null =>
  typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string' ? (value as { name: string }).name : null;
const errorMessage = (value: unknown): string =>
  typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string' ? (value as { message: string }).message : String(value);
const errorCause = (value: unknown): unknown => (typeof value === 'object' && value !== null ? (value as { cause?: unknown }).cause : undefined);

/**
 * Any failure of one call as a ModelCallError:
 * - the caller's signal fired (the SDK's APIUserAbortError): status null, retryable only for a TimeoutError reason;
 * - the SDK's own timeout (APIConnectionTimeoutError): status null, retryable;
 * - an HTTP error (APIError with a status): that status, retry-after-ms / Retry-After, retryable for 408, 429 and 5xx;
 * - a connection failure (APIConnectionError) or anything else: status null, retryable.
 */
export const toModelCallError = (error: unknown, signal: AbortSignal): ModelCallError => {
  if (error instanceof ModelCallError) return error;
  const detail = errorMessage(error);
  if (signal.aborted) {
    const timeout = errorName(signal.reason) === 'TimeoutError';
    return new ModelCallError(`openai call ${timeout ? 'timed out' : 'aborted'}: ${errorMessage(signal.reason)}`, null, null, timeout);
  }
  if (error instanceof APIConnectionTimeoutError) return new ModelCallError(`openai call timed out: ${detail}`, null, null, true);
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    return new ModelCallError(`openai HTTP ${status}: ${detail}`, status, retryAfterFromHeaders(error.headers), status === 408 || status === 429 || status >= 500);
  }
  const cause = errorCause(error);
  const causeText = cause !== undefined ? ` (${errorMessage(cause)}${errorCause(cause) !== undefined ? `: ${errorMessage(errorCause(cause))}` : ''})` : '';
  return new ModelCallError(`openai call failed: ${detail}${causeText}`, null, null, true);
};
