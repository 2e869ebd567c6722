import { AdaptiveLimiter } from './adaptive-limiter';
import { AbortError } from './sleep';
import { ModelCallError } from './text-model-client';

const rateLimited = (retryAfterMs: number | null = null): ModelCallError => new ModelCallError('429', 429, retryAfterMs, true);

/** A promise with its resolve/reject exposed, to hold calls in flight. */
const deferred = <T = void>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A sleep the test ends by hand, recording what it was asked to wait. */
const manualSleep = (): { sleep: (ms: number) => Promise<void>; waits: number[]; release: () => void } => {
  const waits: number[] = [];
  const pending: Array<() => void> = [];
  return {
    waits,
    sleep: (ms) => {
      waits.push(ms);
      return new Promise<void>((resolve) => pending.push(resolve));
    },
    release: () => pending.splice(0).forEach((r) => r()),
  };
};

describe('AdaptiveLimiter', () => {
  it('runs at most `limit` calls at a time, first in first out', async () => {
    const limiter = new AdaptiveLimiter({ maxConcurrency: 2 });
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      limiter.run(async () => {
        started.push(i);
        await g.promise;
        return i;
      }),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    expect(limiter.active).toBe(2);
    expect(limiter.waiting).toBe(1);
    gates[0].resolve();
    await flush();
    expect(started).toEqual([0, 1, 2]);
    gates[1].resolve();
    gates[2].resolve();
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2]);
    expect(limiter.active).toBe(0);
  });

  it('halves the limit on a 429 (never below 1) and rethrows the error', async () => {
    const limiter = new AdaptiveLimiter({ maxConcurrency: 8 });
    await expect(limiter.run(() => Promise.reject(rateLimited()))).rejects.toBeInstanceOf(ModelCallError);
    expect(limiter.limit).toBe(4);
    for (let i = 0; i < 5; i++) await limiter.run(() => Promise.reject(rateLimited())).catch(() => undefined);
    expect(limiter.limit).toBe(1);
  });

  it('does not cut on other failures', async () => {
    const limiter = new AdaptiveLimiter({ maxConcurrency: 8 });
    await limiter.run(() => Promise.reject(new ModelCallError('503', 503, null, true))).catch(() => undefined);
    expect(limiter.limit).toBe(8);
  });

  it('cuts once for several in-flight calls hitting the same overload', async () => {
    const limiter = new AdaptiveLimiter({ maxConcurrency: 8 });
    const gates = [deferred(), deferred(), deferred()];
    const runs = gates.map((g) => limiter.run(() => g.promise).catch(() => undefined));
    await flush();
    gates.forEach((g) => g.reject(rateLimited()));
    await Promise.all(runs);
    expect(limiter.limit).toBe(4);
  });

  it('ramps the limit up by one after N consecutive successes, up to the max', async () => {
    const limiter = new AdaptiveLimiter({ maxConcurrency: 4, increaseAfter: 3 });
    await limiter.run(() => Promise.reject(rateLimited())).catch(() => undefined);
    await limiter.run(() => Promise.reject(rateLimited())).catch(() => undefined);
    expect(limiter.limit).toBe(1);
    const ok = (): Promise<number> => limiter.run(() => Promise.resolve(1));
    await ok();
    await ok();
    expect(limiter.limit).toBe(1);
    await ok();
    expect(limiter.limit).toBe(2);
    for (let i = 0; i < 30; i++) await ok();
    expect(limiter.limit).toBe(4);
  });

  it('a 429 resets the success streak', async () => {
    const limiter = new AdaptiveLimiter({ maxConcurrency: 4, initialConcurrency: 2, increaseAfter: 3 });
    await limiter.run(() => Promise.resolve());
    await limiter.run(() => Promise.resolve());
    await limiter.run(() => Promise.reject(rateLimited())).catch(() => undefined);
    expect(limiter.limit).toBe(1);
    await limiter.run(() => Promise.resolve());
    expect(limiter.limit).toBe(1);
  });

  it('holds further calls until Retry-After has elapsed', async () => {
    const clock = manualSleep();
    const limiter = new AdaptiveLimiter({ maxConcurrency: 4, sleep: clock.sleep });
    await limiter.run(() => Promise.reject(rateLimited(2_000))).catch(() => undefined);
    expect(clock.waits).toEqual([2_000]);
    expect(limiter.paused).toBe(true);
    let ran = false;
    const next = limiter.run(async () => {
      ran = true;
    });
    await flush();
    expect(ran).toBe(false);
    expect(limiter.waiting).toBe(1);
    clock.release();
    await next;
    expect(ran).toBe(true);
    expect(limiter.paused).toBe(false);
  });

  it('a longer Retry-After extends the pause; a shorter one does not end it early', async () => {
    const clock = manualSleep();
    let now = 0;
    const limiter = new AdaptiveLimiter({ maxConcurrency: 4, sleep: clock.sleep, now: () => now });
    limiter.backoff(1_000);
    now = 100;
    limiter.backoff(5_000);
    limiter.backoff(500); // ends at 600, inside the 5 100 pause: no new timer
    expect(clock.waits).toEqual([1_000, 5_000]);
    clock.release(); // both timers fire; only the latest ends the pause
    await flush();
    expect(limiter.paused).toBe(false);
  });

  it('a queued call whose signal aborts leaves the queue with an AbortError', async () => {
    const limiter = new AdaptiveLimiter({ maxConcurrency: 1 });
    const gate = deferred();
    const first = limiter.run(() => gate.promise);
    const controller = new AbortController();
    const second = limiter.run(() => Promise.resolve('never'), controller.signal);
    controller.abort();
    await expect(second).rejects.toBeInstanceOf(AbortError);
    expect(limiter.waiting).toBe(0);
    gate.resolve();
    await first;
    expect(limiter.active).toBe(0);
  });
});
