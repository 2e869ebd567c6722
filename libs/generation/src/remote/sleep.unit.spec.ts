import { abortableSleep, AbortError, abortErrorFor, isAbortError } from './sleep';

describe('abortableSleep', () => {
  it('resolves after the delay', async () => {
    const started = Date.now();
    await abortableSleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  it('rejects with an AbortError as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const sleeping = abortableSleep(10_000, controller.signal);
    setTimeout(() => controller.abort(), 10);
    await expect(sleeping).rejects.toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(1000);
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
