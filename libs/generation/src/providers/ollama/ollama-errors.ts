import { ModelCallError } from '../../remote/text-model-client';
import { parseRetryAfter, errorName, errorMessage, errorCause } from '../http-error-parts';

/** Ollama answers errors as `{"error": "..."}`; anything else is shown as text. */
const ollamaErrorMessage = (bodyText: string): string => {
  try {
    const parsed = JSON.parse(bodyText) as unknown;
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { error?: unknown }).error === 'string')
      return (parsed as { error: string }).error;
  } catch {
    // not JSON
  }
  return bodyText.slice(0, 500);
};

/** An HTTP error answer from Ollama: 408, 429 and 5xx are retryable. */
export const httpCallError = (status: number, headers: Headers, bodyText: string): ModelCallError =>
  new ModelCallError(
    `ollama HTTP ${status}: ${ollamaErrorMessage(bodyText)}`,
    status,
    parseRetryAfter(headers.get('retry-after')),
    status === 408 || status === 429 || status >= 500,
  );

/**
 * Any other failure: the caller's signal (status null, retryable only for a TimeoutError reason), the client's
 * ResponseError (status_code), or a network failure (status null, retryable).
 */
export const toModelCallError = (error: unknown, signal: AbortSignal): ModelCallError => {
  if (error instanceof ModelCallError) return error;
  const detail = errorMessage(error);
  if (signal.aborted || errorName(error) === 'AbortError' || errorName(error) === 'TimeoutError') {
    // An abort the caller did not ask for can only be a timeout below us.
    const timeout = !signal.aborted || errorName(signal.reason) === 'TimeoutError' || errorName(error) === 'TimeoutError';
    return new ModelCallError(
      `ollama call ${timeout ? 'timed out' : 'aborted'}: ${signal.aborted ? errorMessage(signal.reason) : detail}`,
      null,
      null,
      timeout,
    );
  }
  // The ollama package does not export ResponseError; it carries the status as `status_code`.
  const statusCode = typeof error === 'object' && error !== null ? (error as { status_code?: unknown }).status_code : undefined;
  if (errorName(error) === 'ResponseError' && typeof statusCode === 'number') {
    return new ModelCallError(
      `ollama HTTP ${statusCode}: ${detail}`,
      statusCode,
      null,
      statusCode === 408 || statusCode === 429 || statusCode >= 500,
    );
  }
  const cause = errorCause(error) !== undefined ? ` (${errorMessage(errorCause(error))})` : '';
  return new ModelCallError(`ollama call failed: ${detail}${cause}`, null, null, true);
};
