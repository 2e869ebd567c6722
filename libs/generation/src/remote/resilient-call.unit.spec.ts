import { AdaptiveLimiter } from './adaptive-limiter';
import { FakeTextModelClient } from './fake-text-model-client.fixture';
import { callResiliently, RESILIENCE_DEFAULTS, resolveResilience } from './resilient-call';
import { RetryPolicy } from './retry-policy';
import { abortableSleep, abortErrorFor, type Sleep } from './sleep';
import { ModelCallError } from './text-model-client';

const recordingSleep = (): { sleep: Sleep; waits: number[] } => {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms, signal) => {
      waits.push(ms);
      if (signal?.aborted) throw abortErrorFor(signal);
    },
  };
};

const resilience = (overrides: Parameters<typeof resolveResilience>[0] = {}) => {
  const clock = recordingSleep();
  const limiterClock = recordingSleep();
  const r = resolveResilience({
    sleep: clock.sleep,
    limiter: new AdaptiveLimiter({ maxConcurrency: 4, sleep: limiterClock.sleep }),
    retryPolicy: new RetryPolicy({ random: () => 0.5 }),
    ...overrides,
  });
  return { resilience: r, waits: clock.waits };
};

const req = { prompt: 'p', jsonSchema: { type: 'object' }, temperature: 0.1, maxTokens: 9 };

describe('resolveResilience', () => {
  it('applies the defaults', () => {
    const r = resolveResilience();
    expect(r).toMatchObject({ timeoutMs: RESILIENCE_DEFAULTS.timeoutMs, maxAttempts: 5, sleep: abortableSleep });
    expect(r.limiter.maxConcurrency).toBe(32);
    expect(resolveResilience({ maxAttempts: 2 }).retryPolicy.maxAttempts).toBe(2);
    expect(resolveResilience({ retryPolicy: new RetryPolicy({ maxAttempts: 7 }) }).maxAttempts).toBe(7);
  });
});

describe('callResiliently', () => {
  it('passes the request on with a signal and reports every attempt', async () => {
    const client = new FakeTextModelClient([{ error: new ModelCallError('HTTP 502', 502, null, true) }, { text: 'ok' }]);
    const { resilience: r, waits } = resilience();
    let attempts = 0;
    const completion = await callResiliently(client, req, r, { onAttempt: () => attempts++ });
    expect(completion.text).toBe('ok');
    expect(attempts).toBe(2);
    expect(waits).toEqual([250]);
    expect(client.requests[1]).toMatchObject(req);
    expect(client.requests[1]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('turns a timeout into a retryable error and retries it', async () => {
    const client = new FakeTextModelClient([{ delayMs: 5_000 }, { text: 'ok' }]);
    const { resilience: r } = resilience({ timeoutMs: 30 });
    await expect(callResiliently(client, req, r)).resolves.toMatchObject({ text: 'ok' });
    const slow = new FakeTextModelClient([{ delayMs: 5_000 }]);
    const { resilience: once } = resilience({ timeoutMs: 30, maxAttempts: 1 });
    await expect(callResiliently(slow, req, once)).rejects.toMatchObject({
      name: 'ModelCallError',
      status: null,
      retryable: true,
      message: expect.stringMatching(/no response within 30 ms/),
    });
  });

  it('rethrows non-retryable and non-model errors at once', async () => {
    const { resilience: r } = resilience();
    await expect(
      callResiliently(new FakeTextModelClient([{ error: new ModelCallError('bad', 401, null, false) }]), req, r),
    ).rejects.toMatchObject({ status: 401 });
    const client = new FakeTextModelClient([]);
    await expect(callResiliently(client, req, r)).rejects.toThrow(/script exhausted/);
    expect(client.calls).toBe(1);
  });

  it('rejects with an AbortError when the caller aborts, without retrying', async () => {
    const client = new FakeTextModelClient([{ delayMs: 5_000 }, { text: 'late' }]);
    const { resilience: r } = resilience();
    const controller = new AbortController();
    const pending = callResiliently(client, { ...req, signal: controller.signal }, r);
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(client.calls).toBe(1);
  });
});
