import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/**
 * Runs `task` over `items`, at most `concurrency` at a time; stops taking new items once `signal` aborts or
 * a task throws (the first error is rethrown after the tasks in flight settle). Each lane yields to the
 * event loop between items: embedded PGlite answers queries synchronously on this thread, so without the
 * yield a job would starve HTTP requests until it finished.
 */
export const runPool = async <T>(
  items: readonly T[],
  concurrency: number,
  signal: AbortSignal,
  task: (item: T) => Promise<void>,
): Promise<void> => {
  let next = 0;
  let failure: { readonly error: unknown } | null = null;
  const lane = async (): Promise<void> => {
    while (next < items.length && !signal.aborted && !failure) {
      try {
        await task(items[next++]);
      } catch (error) {
        failure ??= { error };
        return;
      }
      await yieldToEventLoop();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  if (failure) throw (failure as { readonly error: unknown }).error;
};
