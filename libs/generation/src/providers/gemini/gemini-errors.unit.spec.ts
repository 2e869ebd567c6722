import { ModelCallError } from '../../remote/text-model-client';
import { abortedSignal, liveSignal, RETRYABLE_STATUS_CASES } from '../testing/error-mapping-cases';
import { parseDuration, readGeminiErrorBody, toModelCallError } from './gemini-errors';

const timeoutReason = (): Error => Object.assign(new Error('signal timed out'), { name: 'TimeoutError' });
const http = (status: number, bodyText: string | null = null, headers: Headers | null = null) => ({ status, headers, bodyText });

const RETRY_BODY = JSON.stringify({
  error: {
    code: 429,
    message: 'Resource exhausted',
    details: [
      { '@type': 'type.googleapis.com/google.rpc.Help' },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' },
    ],
  },
});

describe('parseDuration', () => {
  it('reads protobuf durations in seconds as milliseconds', () => {
    expect(parseDuration('7s')).toBe(7000);
    expect(parseDuration(' 0.250s ')).toBe(250);
    expect(parseDuration('12s')).toBe(12_000);
  });

  it('is null for anything else', () => {
    for (const value of ['7', 's', '7 s', '-1s', '1.s', 'x7s', '7sx', 7, null, undefined]) expect(parseDuration(value)).toBeNull();
  });
});

describe('readGeminiErrorBody', () => {
  it("reads the error's message and its RetryInfo delay", () => {
    expect(readGeminiErrorBody(RETRY_BODY)).toEqual({ message: 'Resource exhausted', retryDelayMs: 7000 });
  });

  it('has no delay without RetryInfo, and no message when it is not text', () => {
    expect(readGeminiErrorBody(JSON.stringify({ error: { message: 'bad', details: [{ '@type': 'x.Help', retryDelay: '3s' }] } }))).toEqual({
      message: 'bad',
      retryDelayMs: null,
    });
    expect(readGeminiErrorBody(JSON.stringify({ error: { message: 5, details: 'none' } }))).toEqual({ message: null, retryDelayMs: null });
    expect(readGeminiErrorBody(JSON.stringify({ error: { details: [null, 3, { '@type': 7 }] } }))).toEqual({
      message: null,
      retryDelayMs: null,
    });
  });

  it('reads nothing from text that is not a JSON error object', () => {
    for (const text of ['not json', '[]', '"x"', '{"error": []}', '{"error": "x"}', '{}', 'null'])
      expect(readGeminiErrorBody(text)).toEqual({ message: null, retryDelayMs: null });
  });
});

describe('gemini toModelCallError', () => {
  it('passes a ModelCallError through', () => {
    const error = new ModelCallError('x', 500, null, true);
    expect(toModelCallError('gemini', error, liveSignal(), http(400))).toBe(error);
  });

  it('maps HTTP errors: 408, 429 and 5xx are retryable; the header Retry-After wins over RetryInfo', () => {
    for (const [status, retryable] of RETRYABLE_STATUS_CASES) {
      const error = toModelCallError('gemini', new Error('body'), liveSignal(), http(status));
      expect(error).toMatchObject({ status, retryable, retryAfterMs: null, message: `gemini HTTP ${status}: body` });
    }
    const fromBody = toModelCallError('gemini', new Error(RETRY_BODY), liveSignal(), http(429, RETRY_BODY));
    expect(fromBody).toMatchObject({ status: 429, retryAfterMs: 7000, message: 'gemini HTTP 429: Resource exhausted' });
    const fromHeader = toModelCallError(
      'gemini',
      new Error(RETRY_BODY),
      liveSignal(),
      http(429, RETRY_BODY, new Headers({ 'retry-after': '2' })),
    );
    expect(fromHeader.retryAfterMs).toBe(2000);
    const noBody = toModelCallError('gemini', new Error('raw text'), liveSignal(), http(503, null, new Headers()));
    expect(noBody).toMatchObject({ message: 'gemini HTTP 503: raw text', retryAfterMs: null });
  });

  it("tells the caller's abort (not retried) from a timeout (retried)", () => {
    const cancelled = toModelCallError('gemini', new Error('x'), abortedSignal(new Error('job cancelled')), null);
    expect(cancelled).toMatchObject({ status: null, retryable: false, message: 'gemini call aborted: job cancelled' });
    const timedOut = toModelCallError('gemini', new Error('x'), abortedSignal(timeoutReason()), null);
    expect(timedOut).toMatchObject({ status: null, retryable: true, message: 'gemini call timed out: signal timed out' });
  });

  it("treats an abort the caller did not ask for as the SDK's own timeout, retryable", () => {
    const sdkAbort = Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
    expect(toModelCallError('gemini', sdkAbort, liveSignal(), null)).toMatchObject({
      retryable: true,
      message: 'gemini call timed out: This operation was aborted',
    });
    const timeout = Object.assign(new Error('deadline'), { name: 'TimeoutError' });
    expect(toModelCallError('gemini', timeout, liveSignal(), null)).toMatchObject({
      retryable: true,
      message: 'gemini call timed out: deadline',
    });
    // The caller aborted, and the error itself says TimeoutError: still a timeout.
    expect(toModelCallError('gemini', timeout, abortedSignal(new Error('cancel')), null).retryable).toBe(true);
  });

  it("looks through the SDK's 'exception … sending request' wrapper", () => {
    const inner = Object.assign(new Error('aborted inside'), { name: 'AbortError' });
    const wrapped = new Error(`exception ${String(inner)} sending request`, { cause: inner });
    expect(toModelCallError('gemini', wrapped, liveSignal(), null)).toMatchObject({
      retryable: true,
      message: 'gemini call timed out: aborted inside',
    });
    const refused = new Error('exception TypeError: fetch failed sending request', {
      cause: Object.assign(new TypeError('fetch failed'), { cause: new Error('connect ECONNREFUSED') }),
    });
    expect(toModelCallError('gemini', refused, liveSignal(), null)).toMatchObject({
      status: null,
      retryable: true,
      message: 'gemini call failed: fetch failed (connect ECONNREFUSED)',
    });
    // Only the SDK's own wording, whole, on a plain Error, is its wrapper.
    for (const message of ['an exception X sending request', 'exception X sending request later']) {
      const lookalike = new Error(message, { cause: inner });
      expect(toModelCallError('gemini', lookalike, liveSignal(), null).message).toBe(`gemini call failed: ${message} (aborted inside)`);
    }
    const typed = Object.assign(new TypeError('exception X sending request'), { cause: inner });
    expect(toModelCallError('gemini', typed, liveSignal(), null).message).toBe(
      'gemini call failed: exception X sending request (aborted inside)',
    );
    const notWrapper = new Error('exception sending request', { cause: inner });
    expect(toModelCallError('gemini', notWrapper, liveSignal(), null).message).toBe(
      'gemini call failed: exception sending request (aborted inside)',
    );
  });

  it('maps a network failure to a retryable error without status', () => {
    expect(toModelCallError('gemini', new TypeError('fetch failed'), liveSignal(), null)).toMatchObject({
      status: null,
      retryAfterMs: null,
      retryable: true,
      message: 'gemini call failed: fetch failed',
    });
  });
});
