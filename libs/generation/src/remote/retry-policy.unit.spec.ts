import { RetryPolicy } from './retry-policy';
import { ModelCallError } from './text-model-client';

const serverError = new ModelCallError('503', 503, null, true);

describe('RetryPolicy', () => {
  it('doubles the back-off ceiling per retry up to the cap', () => {
    const policy = new RetryPolicy({ baseMs: 500, capMs: 20_000 });
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => policy.ceilingMs(n))).toEqual([500, 1000, 2000, 4000, 8000, 16000, 20000, 20000]);
  });

  it('applies full jitter: the delay is random() × ceiling', () => {
    expect(new RetryPolicy({ random: () => 0 }).delayMs(3, serverError)).toBe(0);
    expect(new RetryPolicy({ random: () => 0.5 }).delayMs(3, serverError)).toBe(1000);
    expect(new RetryPolicy({ random: () => 0.999999 }).delayMs(10, serverError)).toBe(19_999);
  });

  it('keeps jittered delays within [0, ceiling] with the real random source', () => {
    const policy = new RetryPolicy();
    for (let retry = 1; retry <= 8; retry++) {
      for (let i = 0; i < 50; i++) {
        const d = policy.delayMs(retry, serverError);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(policy.ceilingMs(retry));
      }
    }
  });

  it('honours Retry-After over the computed back-off, bounded by maxRetryAfterMs', () => {
    const policy = new RetryPolicy({ random: () => 0.9, maxRetryAfterMs: 30_000 });
    expect(policy.delayMs(1, new ModelCallError('429', 429, 7_000, true))).toBe(7_000);
    expect(policy.delayMs(1, new ModelCallError('429', 429, 3_600_000, true))).toBe(30_000);
  });

  it('retries only retryable ModelCallErrors, and only below maxAttempts', () => {
    const policy = new RetryPolicy({ maxAttempts: 3 });
    expect(policy.shouldRetry(serverError, 1)).toBe(true);
    expect(policy.shouldRetry(serverError, 2)).toBe(true);
    expect(policy.shouldRetry(serverError, 3)).toBe(false);
    expect(policy.shouldRetry(new ModelCallError('400', 400, null, false), 1)).toBe(false);
    expect(policy.shouldRetry(new Error('bug'), 1)).toBe(false);
  });

  it('never allows fewer than one attempt', () => {
    expect(new RetryPolicy({ maxAttempts: 0 }).maxAttempts).toBe(1);
  });
});
