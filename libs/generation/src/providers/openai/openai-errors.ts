import { APIConnectionTimeoutError, APIError } from 'openai';
import { ModelCallError } from '../../remote/text-model-client';
import { parseRetryAfter, errorName, errorMessage, errorCause } from '../http-error-parts';

/** OpenAI sends `retry-after-ms` (milliseconds) besides the standard `retry-after`; the former wins. */
export const retryAfterFromHeaders = (headers: Headers | undefined): number | null => {
  const ms = headers?.get('retry-after-ms');
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.round(Number(ms.trim()));
  return parseRetryAfter(headers?.get('retry-after'));
};

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
    return new ModelCallError(
      `openai HTTP ${status}: ${detail}`,
      status,
      retryAfterFromHeaders(error.headers as Headers | undefined),
      status === 408 || status === 429 || status >= 500,
    );
  }
  const cause = errorCause(error);
  const causeText =
    cause !== undefined ? ` (${errorMessage(cause)}${errorCause(cause) !== undefined ? `: ${errorMessage(errorCause(cause))}` : ''})` : '';
  return new ModelCallError(`openai call failed: ${detail}${causeText}`, null, null, true);
};
