import { abortErrorFor, type Sleep } from './sleep';
import { ModelCallError } from './text-model-client';

export interface AdaptiveLimiterOptions {
  /** The ceiling the limit ramps back up to. */
  readonly maxConcurrency: number;
  /** Where the limit starts; defaults to the ceiling (optimistic until the vendor says otherwise). */
  readonly initialConcurrency?: number;
  /** Multiplicative decrease on overload, e.g. 0.5 halves the limit. */
  readonly decreaseFactor?: number;
  /** Consecutive successes that raise the limit by one. */
  readonly increaseAfter?: number;
  /** Tells an overload (cut the limit) from other failures; default: a ModelCallError with status 429. */
  readonly overload?: (error: unknown) => { readonly retryAfterMs: number | null } | null;
  /** Times the Retry-After pause; injectable for tests. */
  readonly sleep?: Sleep;
  readonly now?: () => number;
}

export const LIMITER_DEFAULTS = { decreaseFactor: 0.5, increaseAfter: 5 } as const;

const rateLimited = (error: unknown): { readonly retryAfterMs: number | null } | null =>
  error instanceof ModelCallError && error.status === 429 ? { retryAfterMs: error.retryAfterMs } : null;

interface Waiter {
  readonly resolve: () => void;
  readonly signal?: AbortSignal;
  readonly onAbort: () => void;
}

/** The pause timer must not keep a shutting-down process alive, hence unref. */
const unrefSleep: Sleep = (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * AIMD concurrency limiter shared by every call to one model: the vendor's rate limit is per key and model,
 * not per job, so all jobs must back off together. A 429 cuts the limit multiplicatively (never below 1) and
 * holds every queued call until Retry-After has elapsed; `increaseAfter` consecutive successes add one slot
 * back, up to the ceiling. Waiters are served first in, first out.
 */
export class AdaptiveLimiter {
  readonly maxConcurrency: number;
  private readonly decreaseFactor: number;
  private readonly increaseAfter: number;
  private readonly overload: NonNullable<AdaptiveLimiterOptions['overload']>;
  private readonly sleep: Sleep;
  private readonly now: () => number;
  private current: number;
  private inFlight = 0;
  private successes = 0;
  /** Bumped on every cut: calls started before a cut report their 429 without cutting again. */
  private epoch = 0;
  private pausedUntil = 0;
  private pauseToken = 0;
  private readonly queue: Waiter[] = [];

  constructor(options: AdaptiveLimiterOptions) {
    this.maxConcurrency = Math.max(1, Math.floor(options.maxConcurrency));
    this.current = Math.min(this.maxConcurrency, Math.max(1, Math.floor(options.initialConcurrency ?? this.maxConcurrency)));
    this.decreaseFactor = options.decreaseFactor ?? LIMITER_DEFAULTS.decreaseFactor;
    this.increaseAfter = Math.max(1, options.increaseAfter ?? LIMITER_DEFAULTS.increaseAfter);
    this.overload = options.overload ?? rateLimited;
    this.sleep = options.sleep ?? unrefSleep;
    this.now = options.now ?? Date.now;
  }

  /** The current concurrency limit. */
  get limit(): number {
    return this.current;
  }

  get active(): number {
    return this.inFlight;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Whether calls are being held back after a Retry-After. */
  get paused(): boolean {
    return this.pauseToken !== 0;
  }

  /** Runs `fn` in a slot; an overload error cuts the limit and is rethrown (retrying is the caller's choice). */
  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    const epoch = this.epoch;
    try {
      const result = await fn();
      this.onSuccess();
      return result;
    } catch (error) {
      const overload = this.overload(error);
      if (overload) this.backoff(overload.retryAfterMs, epoch);
      throw error;
    } finally {
      this.inFlight--;
      this.pump();
    }
  }

  /**
   * Cuts the limit and, given a Retry-After, holds new calls until it elapses. `epoch` is the cut count when
   * the failed call started: several calls in flight hitting one overload cut the limit once, not once each.
   */
  backoff(retryAfterMs: number | null, epoch: number = this.epoch): void {
    this.successes = 0;
    if (epoch === this.epoch) {
      this.current = Math.max(1, Math.floor(this.current * this.decreaseFactor));
      this.epoch++;
    }
    if (retryAfterMs !== null && retryAfterMs > 0) this.pauseFor(retryAfterMs);
  }

  private onSuccess(): void {
    this.successes++;
    if (this.successes >= this.increaseAfter) {
      this.successes = 0;
      if (this.current < this.maxConcurrency) this.current++;
    }
  }

  private pauseFor(ms: number): void {
    const until = this.now() + ms;
    if (this.pauseToken !== 0 && until <= this.pausedUntil) return; // an existing, longer pause already covers it
    this.pausedUntil = until;
    const token = ++this.pauseToken;
    void this.sleep(ms).then(
      () => this.endPause(token),
      () => this.endPause(token),
    );
  }

  private endPause(token: number): void {
    // A later, longer pause replaced this one; it will end the pause itself.
    if (token !== this.pauseToken) return;
    this.pauseToken = 0;
    this.pump();
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortErrorFor(signal));
    if (this.queue.length === 0 && !this.paused && this.inFlight < this.current) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(abortErrorFor(signal as AbortSignal));
      };
      const waiter: Waiter = { resolve, signal, onAbort };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  private pump(): void {
    while (!this.paused && this.inFlight < this.current && this.queue.length > 0) {
      const waiter = this.queue.shift() as Waiter;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.inFlight++;
      waiter.resolve();
    }
  }
}
