import { ModelCallError } from '../../remote/text-model-client';
import { abortedSignal, liveSignal, RETRYABLE_STATUS_CASES } from '../testing/error-mapping-cases';
import { httpCallError, toModelCallError } from './ollama-errors';

const named = (name: string, message: string, extra: Record<string, unknown> = {}): Error =>
  Object.assign(new Error(message), { name, ...extra });

describe('ollama httpCallError', () => {
  it("reads Ollama's {error} body, Retry-After, and makes 408, 429 and 5xx retryable", () => {
    for (const [status, retryable] of RETRYABLE_STATUS_CASES) {
      const error = httpCallError(status, new Headers({ 'retry-after': '4' }), '{"error": "model is loading"}');
      expect(error).toMatchObject({ status, retryable, retryAfterMs: 4000, message: `ollama HTTP ${status}: model is loading` });
    }
  });

  it('shows any other body as text, cut at 500 characters', () => {
    expect(httpCallError(502, new Headers(), 'Bad gateway').message).toBe('ollama HTTP 502: Bad gateway');
    expect(httpCallError(502, new Headers(), '{"error": 3}').message).toBe('ollama HTTP 502: {"error": 3}');
    expect(httpCallError(502, new Headers(), 'null').message).toBe('ollama HTTP 502: null');
    expect(httpCallError(500, new Headers(), 'x'.repeat(600)).message).toBe(`ollama HTTP 500: ${'x'.repeat(500)}`);
    expect(httpCallError(500, new Headers(), 'x').retryAfterMs).toBeNull();
  });
});

describe('ollama toModelCallError', () => {
  it('passes a ModelCallError through', () => {
    const error = new ModelCallError('x', 500, null, true);
    expect(toModelCallError(error, liveSignal())).toBe(error);
  });

  it("tells the caller's abort (not retried) from timeouts (retried)", () => {
    expect(toModelCallError(named('AbortError', 'aborted'), abortedSignal(new Error('job cancelled')))).toMatchObject({
      status: null,
      retryable: false,
      message: 'ollama call aborted: job cancelled',
    });
    expect(toModelCallError(named('AbortError', 'x'), abortedSignal(named('TimeoutError', 'signal timed out')))).toMatchObject({
      retryable: true,
      message: 'ollama call timed out: signal timed out',
    });
    expect(toModelCallError(named('TimeoutError', 'late'), abortedSignal(new Error('cancel'))).retryable).toBe(true);
    // Nobody aborted us: an abort from below is a timeout.
    expect(toModelCallError(named('AbortError', 'below'), liveSignal())).toMatchObject({
      retryable: true,
      message: 'ollama call timed out: below',
    });
    expect(toModelCallError(named('TimeoutError', 'slow'), liveSignal())).toMatchObject({
      retryable: true,
      message: 'ollama call timed out: slow',
    });
  });

  it("maps the client's ResponseError by its status_code", () => {
    for (const [status, retryable] of RETRYABLE_STATUS_CASES) {
      const error = toModelCallError(named('ResponseError', 'model not found', { status_code: status }), liveSignal());
      expect(error).toMatchObject({ status, retryable, retryAfterMs: null, message: `ollama HTTP ${status}: model not found` });
    }
    const notResponseError = toModelCallError(named('TypeError', 'fetch failed', { status_code: 500 }), liveSignal());
    expect(notResponseError).toMatchObject({ status: null, retryable: true, message: 'ollama call failed: fetch failed' });
    const noStatus = toModelCallError(named('ResponseError', 'odd', { status_code: '500' }), liveSignal());
    expect(noStatus).toMatchObject({ status: null, retryable: true, message: 'ollama call failed: odd' });
  });

  it('maps network failures to retryable errors without status', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: new Error('connect ECONNREFUSED') });
    expect(toModelCallError(refused, liveSignal())).toMatchObject({
      status: null,
      retryable: true,
      message: 'ollama call failed: fetch failed (connect ECONNREFUSED)',
    });
    expect(toModelCallError('weird', liveSignal()).message).toBe('ollama call failed: weird');
  });
});
