import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { abortedSignal, liveSignal, RETRYABLE_STATUS_CASES } from '../testing/error-mapping-cases';
import { ModelCallError } from '../../remote/text-model-client';
import { retryAfterFromHeaders, toModelCallError } from './openai-errors';

describe('retryAfterFromHeaders', () => {
  it('prefers retry-after-ms, then Retry-After', () => {
    expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }))).toBe(1500);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': ' 12.6 ' }))).toBe(13);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': 'soon', 'retry-after': '9' }))).toBe(9000);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '1.25' }))).toBe(1);
    for (const odd of ['x12', '12x', '1.2.3'])
      expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': odd, 'retry-after': '9' }))).toBe(9000);
  });

  it('is null without either', () => {
    expect(retryAfterFromHeaders(new Headers())).toBeNull();
    expect(retryAfterFromHeaders(undefined)).toBeNull();
  });
});

describe('openai toModelCallError', () => {
  it('passes a ModelCallError through', () => {
    const error = new ModelCallError('x', 500, null, true);
    expect(toModelCallError(error, liveSignal())).toBe(error);
  });

  it('maps HTTP errors: 408, 429 and 5xx are retryable, with the server hint', () => {
    for (const [status, retryable] of RETRYABLE_STATUS_CASES) {
      const error = toModelCallError(new APIError(status, { message: 'no' }, 'no', new Headers({ 'retry-after': '3' })), liveSignal());
      expect(error).toMatchObject({ status, retryable, retryAfterMs: 3000 });
      expect(error.message).toMatch(new RegExp(`^openai HTTP ${status}: `));
    }
  });

  it("tells the caller's abort (not retried) from a timeout reason (retried)", () => {
    expect(toModelCallError(new APIUserAbortError(), abortedSignal(new Error('job cancelled')))).toMatchObject({
      status: null,
      retryable: false,
      message: 'openai call aborted: job cancelled',
    });
    const timeout = Object.assign(new Error('signal timed out'), { name: 'TimeoutError' });
    expect(toModelCallError(new APIUserAbortError(), abortedSignal(timeout))).toMatchObject({
      retryable: true,
      message: 'openai call timed out: signal timed out',
    });
  });

  it("maps the SDK's own timeout and connection failures to retryable errors without status", () => {
    expect(toModelCallError(new APIConnectionTimeoutError(), liveSignal())).toMatchObject({
      status: null,
      retryable: true,
      message: 'openai call timed out: Request timed out.',
    });
    const refused = new APIConnectionError({
      message: 'Connection error.',
      cause: Object.assign(new TypeError('fetch failed'), { cause: new Error('connect ECONNREFUSED') }),
    });
    expect(toModelCallError(refused, liveSignal())).toMatchObject({
      status: null,
      retryable: true,
      message: 'openai call failed: Connection error. (fetch failed: connect ECONNREFUSED)',
    });
    const oneCause = new APIConnectionError({ message: 'Connection error.', cause: new Error('reset') });
    expect(toModelCallError(oneCause, liveSignal()).message).toBe('openai call failed: Connection error. (reset)');
    expect(toModelCallError('weird', liveSignal())).toMatchObject({ retryable: true, message: 'openai call failed: weird' });
  });
});
