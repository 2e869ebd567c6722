import { AdaptiveLimiter } from './adaptive-limiter';
import { FakeTextModelClient } from './fake-text-model-client.fixture';
import { callResiliently, resolveResilience } from './resilient-call';
import { RETRY_DEFAULTS, RetryPolicy } from './retry-policy';
import { abortErrorFor, type Sleep } from './sleep';
import { ModelCallError } from './text-model-client';

const serverError = (retryAfterMs: number | null = null): ModelCallError => new ModelCallError('HTTP 503', 503, retryAfterMs, true);

describe('RetryPolicy edges', () => {
  it('defaults to 500 ms doubling to a 20 s cap, 5 attempts, Retry-After honoured up to 60 s', () => {
    const policy = new RetryPolicy();
    expect(RETRY_DEFAULTS).toEqual({ baseMs: 500, capMs: 20_000, maxAttempts: 5, maxRetryAfterMs: 60_000 });
    expect(policy).toMatchObject({ baseMs: 500, capMs: 20_000, maxAttempts: 5, maxRetryAfterMs: 60_000 });
    expect(policy.shouldRetry(serverError(), 4)).toBe(true);
    expect(policy.shouldRetry(serverError(), 5)).toBe(false);
    expect(policy.delayMs(1, serverError(120_000))).toBe(60_000);
  });

  it('counts whole attempts and treats retry 0 like the first retry', () => {
    expect(new RetryPolicy({ maxAttempts: 2.7 }).maxAttempts).toBe(2);
    expect(new RetryPolicy({ maxAttempts: -3 }).maxAttempts).toBe(1);
    const policy = new RetryPolicy({ baseMs: 100, capMs: 10_000 });
    expect(policy.ceilingMs(0)).toBe(100);
    expect(policy.ceilingMs(-5)).toBe(100);
    expect(policy.ceilingMs(1000)).toBe(10_000);
  });

  it('obeys a Retry-After of 0 (retry now), and ignores a negative one', () => {
    const policy = new RetryPolicy({ random: () => 0.5, baseMs: 1000 });
    expect(policy.delayMs(1, serverError(0))).toBe(0);
    expect(policy.delayMs(1, serverError(-1))).toBe(500);
    expect(policy.delayMs(2, serverError(null))).toBe(1000);
  });

  it('jitters errors of any kind, and clamps a random source outside [0, 1]', () => {
    expect(new RetryPolicy({ random: () => 0.25, baseMs: 1000 }).delayMs(1, new Error('plain'))).toBe(250);
    expect(new RetryPolicy({ random: () => 0.25, baseMs: 1000 }).delayMs(1)).toBe(250);
    expect(new RetryPolicy({ random: () => 7, baseMs: 1000 }).delayMs(1)).toBe(1000);
    expect(new RetryPolicy({ random: () => -7, baseMs: 1000 }).delayMs(1)).toBe(0);
    // A non-ModelCallError carrying a retryAfterMs field is not a server hint.
    const lookalike = Object.assign(new Error('x'), { retryAfterMs: 9_999 });
    expect(new RetryPolicy({ random: () => 0.5, baseMs: 1000 }).delayMs(1, lookalike)).toBe(500);
  });

  it('does not retry a non-retryable ModelCallError even on the first attempt', () => {
    const policy = new RetryPolicy({ maxAttempts: 10 });
    expect(policy.shouldRetry(new ModelCallError('bad', 400, null, false), 1)).toBe(false);
    expect(policy.shouldRetry(serverError(), 9)).toBe(true);
    expect(policy.shouldRetry(serverError(), 10)).toBe(false);
  });
});

const recording = (): { sleep: Sleep; waits: number[] } => {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms, signal) => {
      waits.push(ms);
      if (signal?.aborted) throw abortErrorFor(signal);
    },
  };
};

const req = { prompt: 'p', jsonSchema: { type: 'object' } };

describe('callResiliently: attempts and back-off', () => {
  const setup = (steps: ConstructorParameters<typeof FakeTextModelClient>[0], maxAttempts?: number, sleep?: Sleep) => {
    const clock = recording();
    const client = new FakeTextModelClient(steps);
    const resilience = resolveResilience({
      sleep: sleep ?? clock.sleep,
      limiter: new AdaptiveLimiter({ maxConcurrency: 4, sleep: recording().sleep }),
      retryPolicy: new RetryPolicy({ random: () => 0.5, baseMs: 1000, capMs: 3000 }),
      ...(maxAttempts !== undefined ? { maxAttempts } : {}),
    });
    return { client, resilience, waits: clock.waits };
  };

  it('makes exactly maxAttempts calls, waiting the jittered, doubling back-off between them, then throws the last error', async () => {
    const errors = [1, 2, 3, 4].map((n) => new ModelCallError(`HTTP 50${n}`, 500 + n, null, true));
    const { client, resilience, waits } = setup(
      errors.map((error) => ({ error })),
      4,
    );
    await expect(callResiliently(client, req, resilience)).rejects.toBe(errors[3]);
    expect(client.calls).toBe(4);
    expect(waits).toEqual([500, 1000, 1500]);
  });

  it("waits the server's Retry-After instead of the back-off", async () => {
    const { client, resilience, waits } = setup([{ error: serverError(4_000) }, { text: 'ok' }]);
    await expect(callResiliently(client, req, resilience)).resolves.toMatchObject({ text: 'ok' });
    expect(waits).toEqual([4_000]);
  });

  it('makes one call when maxAttempts is 1, and at least one when asked for none', async () => {
    const one = setup([{ error: serverError() }, { text: 'never' }], 1);
    await expect(callResiliently(one.client, req, one.resilience)).rejects.toMatchObject({ status: 503 });
    expect(one.client.calls).toBe(1);
    expect(one.waits).toEqual([]);
    const none = setup([{ error: serverError() }, { text: 'never' }], 0);
    expect(none.resilience.maxAttempts).toBe(1);
    await expect(callResiliently(none.client, req, none.resilience)).rejects.toMatchObject({ status: 503 });
    expect(none.client.calls).toBe(1);
  });

  it('gives up with an AbortError when the caller aborts during the back-off, and passes other sleep failures on', async () => {
    const controller = new AbortController();
    const abortingSleep: Sleep = async () => {
      controller.abort(new Error('job cancelled'));
      throw new Error('sleep interrupted');
    };
    const aborted = setup([{ error: serverError() }, { text: 'never' }], 3, abortingSleep);
    await expect(callResiliently(aborted.client, { ...req, signal: controller.signal }, aborted.resilience)).rejects.toMatchObject({
      name: 'AbortError',
      message: 'The operation was aborted: job cancelled',
    });
    expect(aborted.client.calls).toBe(1);
    const brokenSleep: Sleep = async () => {
      throw new Error('clock broken');
    };
    const broken = setup([{ error: serverError() }, { text: 'never' }], 3, brokenSleep);
    await expect(callResiliently(broken.client, req, broken.resilience)).rejects.toThrow('clock broken');
  });

  it('does not call the model when the caller has already aborted', async () => {
    const { client, resilience } = setup([{ text: 'never' }]);
    const controller = new AbortController();
    controller.abort();
    await expect(callResiliently(client, { ...req, signal: controller.signal }, resilience)).rejects.toMatchObject({ name: 'AbortError' });
    expect(client.calls).toBe(0);
  });

  it('passes a model failure that is not an Error on as an Error', async () => {
    const client = {
      provider: 'gemini' as const,
      model: 'm',
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a client library may reject with a non-Error
      complete: () => Promise.reject('text failure'),
    };
    const { resilience } = setup([]);
    await expect(callResiliently(client, req, resilience)).rejects.toThrow('text failure');
  });
});

describe('AdaptiveLimiter options', () => {
  it('starts at the initial concurrency, clamped to [1, max], and ramps up to the max only', async () => {
    expect(new AdaptiveLimiter({ maxConcurrency: 8, initialConcurrency: 3 }).limit).toBe(3);
    expect(new AdaptiveLimiter({ maxConcurrency: 8, initialConcurrency: 50 }).limit).toBe(8);
    expect(new AdaptiveLimiter({ maxConcurrency: 8, initialConcurrency: 0 }).limit).toBe(1);
    expect(new AdaptiveLimiter({ maxConcurrency: 2.9 }).maxConcurrency).toBe(2);
    expect(new AdaptiveLimiter({ maxConcurrency: 0 }).maxConcurrency).toBe(1);
    const limiter = new AdaptiveLimiter({ maxConcurrency: 3, initialConcurrency: 2, increaseAfter: 2 });
    for (let i = 0; i < 2; i++) await limiter.run(async () => i);
    expect(limiter.limit).toBe(3);
    for (let i = 0; i < 4; i++) await limiter.run(async () => i);
    expect(limiter.limit).toBe(3);
  });

  it('raises the limit after every success when increaseAfter is below 1, and uses the decrease factor given', async () => {
    const limiter = new AdaptiveLimiter({ maxConcurrency: 10, initialConcurrency: 2, increaseAfter: 0, decreaseFactor: 0.25 });
    await limiter.run(async () => 1);
    expect(limiter.limit).toBe(3);
    limiter.backoff(null);
    expect(limiter.limit).toBe(1);
    const eight = new AdaptiveLimiter({ maxConcurrency: 8, decreaseFactor: 0.25 });
    eight.backoff(null);
    expect(eight.limit).toBe(2);
    expect(eight.paused).toBe(false);
  });

  it('cuts on what a custom overload test calls an overload, pausing for its delay', async () => {
    const waits: number[] = [];
    const limiter = new AdaptiveLimiter({
      maxConcurrency: 4,
      overload: (e) => (e instanceof Error && e.message === 'busy' ? { retryAfterMs: 250 } : null),
      sleep: (ms) => {
        waits.push(ms);
        return new Promise<void>(() => undefined);
      },
    });
    await expect(limiter.run(() => Promise.reject(new Error('other')))).rejects.toThrow('other');
    expect(limiter.limit).toBe(4);
    await expect(limiter.run(() => Promise.reject(new Error('busy')))).rejects.toThrow('busy');
    expect(limiter.limit).toBe(2);
    expect(limiter.paused).toBe(true);
    expect(waits).toEqual([250]);
  });

  it('does not pause for a Retry-After of 0 or none', () => {
    const limiter = new AdaptiveLimiter({ maxConcurrency: 4 });
    limiter.backoff(0);
    expect(limiter.paused).toBe(false);
    limiter.backoff(null);
    expect(limiter.paused).toBe(false);
    expect(limiter.limit).toBe(1);
  });

  it('ends a pause when its sleep fails, and lets the queued calls run', async () => {
    let fail: (e: unknown) => void = () => undefined;
    const limiter = new AdaptiveLimiter({
      maxConcurrency: 2,
      sleep: () => new Promise<void>((_, reject) => (fail = reject)),
    });
    limiter.backoff(1_000);
    expect(limiter.paused).toBe(true);
    const queued = limiter.run(async () => 'ran');
    await new Promise((r) => setImmediate(r));
    expect(limiter.waiting).toBe(1);
    fail(new Error('timer gone'));
    await expect(queued).resolves.toBe('ran');
    expect(limiter.paused).toBe(false);
  });

  it('rejects at once for a signal already aborted, without taking a slot', async () => {
    const limiter = new AdaptiveLimiter({ maxConcurrency: 1 });
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(limiter.run(async () => 'x', controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(limiter.active).toBe(0);
    await expect(limiter.run(async () => 'free')).resolves.toBe('free');
  });
});
