import { abortableSleep, AbortError, abortErrorFor, isAbortError } from './sleep';

/** Whether `promise` has settled by now (after pending callbacks have run). */
const settled = async (promise: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await Promise.resolve();
  await Promise.resolve();
  return done;
};

describe('abortableSleep', () => {
  // Fake timers: the tests check what happens at which point of (virtual) time, never how long they took.
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('resolves after the delay, not before', async () => {
    const sleeping = abortableSleep(20);
    await jest.advanceTimersByTimeAsync(19);
    expect(await settled(sleeping)).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(sleeping).resolves.toBeUndefined();
  });

  it('rejects with an AbortError as soon as the signal aborts, and clears its timer', async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(10_000, controller.signal);
    await jest.advanceTimersByTimeAsync(10);
    expect(await settled(sleeping)).toBe(false);
    controller.abort();
    await expect(sleeping).rejects.toBeInstanceOf(AbortError);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('rejects at once on an already aborted signal, keeping the reason as cause', async () => {
    const reason = new Error('shutting down');
    const error = await abortableSleep(10_000, AbortSignal.abort(reason)).catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect((error as AbortError).message).toMatch(/shutting down/);
    expect((error as AbortError).cause).toBe(reason);
  });

  it('returns an AbortError reason as is', () => {
    const reason = new AbortError('stop');
    expect(abortErrorFor(AbortSignal.abort(reason))).toBe(reason);
  });
});
