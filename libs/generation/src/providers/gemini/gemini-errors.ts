import { ModelCallError } from '../../remote/text-model-client';
import { parseRetryAfter, errorName, errorMessage, errorCause } from '../http-error-parts';

/** A protobuf Duration in JSON form (`7s`, `0.250s`) as milliseconds. */
export const parseDuration = (value: unknown): number | null => {
  if (typeof value !== 'string') return null;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return match ? Math.round(Number(match[1]) * 1000) : null;
};

interface GeminiErrorBody {
  readonly message: string | null;
  readonly retryDelayMs: number | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The SDK's ApiError carries the response body as its message (JSON text): read the message and any google.rpc.RetryInfo. */
export const readGeminiErrorBody = (text: string): GeminiErrorBody => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { message: null, retryDelayMs: null };
  }
  const error = isRecord(parsed) && isRecord(parsed['error']) ? parsed['error'] : null;
  if (!error) return { message: null, retryDelayMs: null };
  const details = Array.isArray(error['details']) ? (error['details'] as unknown[]) : [];
  const retryInfo = details.find((d) => isRecord(d) && typeof d['@type'] === 'string' && d['@type'].endsWith('google.rpc.RetryInfo'));
  return {
    message: typeof error['message'] === 'string' ? error['message'] : null,
    retryDelayMs: isRecord(retryInfo) ? parseDuration(retryInfo['retryDelay']) : null,
  };
};

const isTimeout = (signal: AbortSignal, error: unknown): boolean =>
  (signal.aborted && errorName(signal.reason) === 'TimeoutError') || errorName(error) === 'TimeoutError';

/**
 * Any failure of one call as a ModelCallError:
 * - the caller's signal fired: status null, retryable only when its reason is a TimeoutError;
 * - an HTTP error: its status, Retry-After (header, else RetryInfo.retryDelay), retryable for 408, 429 and 5xx;
 * - the SDK's own timeout (an abort the caller did not ask for) and anything else (connection refused, reset, DNS): status null, retryable.
 */
export const toModelCallError = (
  vendor: string,
  error: unknown,
  signal: AbortSignal,
  http: { readonly status: number; readonly headers: Headers | null; readonly bodyText: string | null } | null,
): ModelCallError => {
  if (error instanceof ModelCallError) return error;
  // The SDK wraps anything that fails `instanceof Error` (under Jest: undici's cross-realm AbortError and TypeError)
  // as `Error('exception <e> sending request', {cause: e})`: look through that wrapper.
  const inner =
    errorName(error) === 'Error' && /^exception .* sending request$/s.test(errorMessage(error)) && errorCause(error) !== undefined
      ? errorCause(error)
      : error;
  const detail = errorMessage(inner);
  if (signal.aborted || errorName(inner) === 'AbortError' || errorName(inner) === 'TimeoutError') {
    // An abort the caller did not ask for is the SDK's own per-attempt timeout (httpOptions.timeout).
    const timeout = isTimeout(signal, inner) || !signal.aborted;
    const reason = signal.aborted ? errorMessage(signal.reason) : detail;
    return new ModelCallError(`${vendor} call ${timeout ? 'timed out' : 'aborted'}: ${reason}`, null, null, timeout);
  }
  if (http) {
    const body = http.bodyText !== null ? readGeminiErrorBody(http.bodyText) : { message: null, retryDelayMs: null };
    const retryAfterMs = parseRetryAfter(http.headers?.get('retry-after')) ?? body.retryDelayMs;
    const retryable = http.status === 408 || http.status === 429 || http.status >= 500;
    return new ModelCallError(`${vendor} HTTP ${http.status}: ${body.message ?? detail}`, http.status, retryAfterMs, retryable);
  }
  const cause = errorCause(inner) !== undefined ? ` (${errorMessage(errorCause(inner))})` : '';
  return new ModelCallError(`${vendor} call failed: ${detail}${cause}`, null, null, true);
};
