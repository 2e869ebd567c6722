import { ModelCallError } from '../../remote/text-model-client';

/** Retry-After: delta-seconds (fractions tolerated) or an HTTP date; null when absent or unreadable. */
export const parseRetryAfter = (value: string | null | undefined, now: number = Date.now()): number | null => {
  if (value === null || value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
};

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

/**
 * Errors are read by duck typing, not `instanceof Error`: under Jest the test realm's Error is not the one that
 * Node's fetch (undici) and AbortSignal.timeout() build theirs from, so instanceof is false for a DOMException or TypeError.
 */
const errorName = (value: unknown): string | null =>
  typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string' ? (value as { name: string }).name : null;

const errorMessage = (value: unknown): string =>
  typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string' ? (value as { message: string }).message : String(value);

const errorCause = (value: unknown): unknown => (typeof value === 'object' && value !== null ? (value as { cause?: unknown }).cause : undefined);

const isTimeout = (signal: AbortSignal, error: unknown): boolean => (signal.aborted && errorName(signal.reason) === 'TimeoutError') || errorName(error) === 'TimeoutError';

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
  const inner = errorName(error) === 'Error' && /^exception .* sending request$/s.test(errorMessage(error)) && errorCause(error) !== undefined ? errorCause(error) : error;
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
