import { ModelCallError } from './text-model-client';

export interface RetryPolicyOptions {
  /** First back-off ceiling; doubles per attempt. */
  readonly baseMs?: number;
  /** Largest back-off ceiling, so late attempts do not wait minutes. */
  readonly capMs?: number;
  /** Calls in total, the first included. */
  readonly maxAttempts?: number;
  /**
   * The longest Retry-After honoured. A server asking for longer is still obeyed up to this, then retried:
   * a chunk should fail within bounded time rather than hold a worker slot for an hour.
   */
  readonly maxRetryAfterMs?: number;
  /** [0, 1); injectable so tests can pin the jitter. */
  readonly random?: () => number;
}

export const RETRY_DEFAULTS = { baseMs: 500, capMs: 20_000, maxAttempts: 5, maxRetryAfterMs: 60_000 } as const;

/**
 * Exponential back-off with full jitter (delay uniform in [0, min(cap, base·2^(n-1))]): spreading retries
 * across the whole window is what stops many workers that failed together from retrying together. A server's
 * Retry-After overrides the computed delay, because the server knows when it will have capacity again.
 */
export class RetryPolicy {
  readonly baseMs: number;
  readonly capMs: number;
  readonly maxAttempts: number;
  readonly maxRetryAfterMs: number;
  private readonly random: () => number;

  constructor(options: RetryPolicyOptions = {}) {
    this.baseMs = options.baseMs ?? RETRY_DEFAULTS.baseMs;
    this.capMs = options.capMs ?? RETRY_DEFAULTS.capMs;
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? RETRY_DEFAULTS.maxAttempts));
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? RETRY_DEFAULTS.maxRetryAfterMs;
    this.random = options.random ?? Math.random;
  }

  /** Whether a call that failed with `error` on attempt `attempt` (1-based) should be tried again. */
  shouldRetry(error: unknown, attempt: number): boolean {
    return error instanceof ModelCallError && error.retryable && attempt < this.maxAttempts;
  }

  /** The back-off ceiling before retry `retry` (1 = the first retry). */
  ceilingMs(retry: number): number {
    // 2 ** large overflows to Infinity, which min() then caps; the exponent is clamped anyway for clarity.
    return Math.min(this.capMs, this.baseMs * 2 ** Math.min(Math.max(0, retry - 1), 30));
  }

  /** How long to wait before retry `retry` (1 = the first retry) after `error`. */
  delayMs(retry: number, error?: unknown): number {
    if (error instanceof ModelCallError && error.retryAfterMs !== null && error.retryAfterMs >= 0) {
      return Math.min(error.retryAfterMs, this.maxRetryAfterMs);
    }
    const r = Math.min(Math.max(this.random(), 0), 1);
    return Math.floor(r * this.ceilingMs(retry));
  }
}
