import { AdaptiveLimiter } from './adaptive-limiter';
import { RetryPolicy } from './retry-policy';
import { abortableSleep, abortErrorFor, type Sleep } from './sleep';
import { ModelCallError, type Completion, type CompletionRequest, type TextModelClient } from './text-model-client';

/** What any caller of a TextModelClient may tune; everything is optional and defaults to RESILIENCE_DEFAULTS. */
export interface ResilienceOptions {
  /** Per call, from when the call gets its limiter slot (queueing does not count). */
  readonly timeoutMs?: number;
  /** Calls in total, the first included; defaults to the retry policy's. */
  readonly maxAttempts?: number;
  /** Share one limiter across everything that calls the same model. */
  readonly limiter?: AdaptiveLimiter;
  readonly retryPolicy?: RetryPolicy;
  /** Waits between retries; injectable so tests record the delays instead of waiting. */
  readonly sleep?: Sleep;
}

/** ResilienceOptions with every default applied. */
export interface Resilience {
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly limiter: AdaptiveLimiter;
  readonly retryPolicy: RetryPolicy;
  readonly sleep: Sleep;
}

export const RESILIENCE_DEFAULTS = { timeoutMs: 60_000, maxAttempts: 5, maxConcurrency: 32 } as const;

/** Applies the defaults: a 60 s timeout, 5 attempts, a private limiter of 32 slots, real sleeps. */
export const resolveResilience = (options: ResilienceOptions = {}): Resilience => {
  const retryPolicy = options.retryPolicy ?? new RetryPolicy({ maxAttempts: options.maxAttempts ?? RESILIENCE_DEFAULTS.maxAttempts });
  return {
    timeoutMs: options.timeoutMs ?? RESILIENCE_DEFAULTS.timeoutMs,
    retryPolicy,
    maxAttempts: Math.max(1, options.maxAttempts ?? retryPolicy.maxAttempts),
    limiter: options.limiter ?? new AdaptiveLimiter({ maxConcurrency: RESILIENCE_DEFAULTS.maxConcurrency }),
    sleep: options.sleep ?? abortableSleep,
  };
};

export interface ResilientCallHooks {
  /** Told of every HTTP attempt actually started (inside a limiter slot), retries included. */
  readonly onAttempt?: () => void;
}

/**
 * One logical model call: each attempt runs in a slot of the model's shared AdaptiveLimiter with its own
 * timeout (a timeout becomes a retryable ModelCallError); retryable ModelCallErrors (429, 5xx, timeouts,
 * network) are retried with the policy's jittered back-off or the server's Retry-After, up to `maxAttempts`
 * calls; anything else, or the last failure, is thrown. Aborting `request.signal` rejects at once with an
 * AbortError (even if the client ignores its signal) and is never retried.
 */
export const callResiliently = async (
  client: TextModelClient,
  request: Omit<CompletionRequest, 'signal'> & { readonly signal?: AbortSignal },
  resilience: Resilience,
  hooks: ResilientCallHooks = {},
): Promise<Completion> => {
  const signal = request.signal;
  for (let attempt = 1; ; attempt++) {
    try {
      return await resilience.limiter.run(() => callOnce(client, request, resilience.timeoutMs, hooks), signal);
    } catch (error) {
      if (signal?.aborted) throw abortErrorFor(signal);
      if (!(error instanceof ModelCallError) || !error.retryable || attempt >= resilience.maxAttempts) throw error;
      // 429s have already cut the limiter (and paused it for Retry-After); this wait is this call's own.
      await resilience.sleep(resilience.retryPolicy.delayMs(attempt, error), signal).catch((e: unknown) => {
        throw signal?.aborted ? abortErrorFor(signal) : e;
      });
    }
  }
};

/** One HTTP call with its own timeout; the caller's abort and the timeout are told apart afterwards. */
const callOnce = async (
  client: TextModelClient,
  request: Omit<CompletionRequest, 'signal'> & { readonly signal?: AbortSignal },
  timeoutMs: number,
  hooks: ResilientCallHooks,
): Promise<Completion> => {
  const caller = request.signal;
  if (caller?.aborted) throw abortErrorFor(caller);
  hooks.onAttempt?.();
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = caller ? AbortSignal.any([caller, timeout.signal]) : timeout.signal;
  try {
    const pending = client.complete({
      prompt: request.prompt,
      jsonSchema: request.jsonSchema,
      temperature: request.temperature,
      maxTokens: request.maxTokens,
      signal,
    });
    // A client that ignores its signal must not hold the caller: the race settles on abort regardless.
    return await raceAbort(pending, signal);
  } catch (error) {
    if (caller?.aborted) throw abortErrorFor(caller);
    if (timeout.signal.aborted)
      throw new ModelCallError(`${client.provider} ${client.model}: no response within ${timeoutMs} ms`, null, null, true);
    throw error;
  } finally {
    clearTimeout(timer);
  }
};

const raceAbort = <T>(pending: Promise<T>, signal: AbortSignal): Promise<T> => {
  if (signal.aborted) {
    pending.catch(() => undefined);
    return Promise.reject(abortErrorFor(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      pending.catch(() => undefined); // the abandoned call may still fail later; nobody is listening
      reject(abortErrorFor(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
};
