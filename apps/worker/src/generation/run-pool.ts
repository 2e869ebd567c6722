/** Runs `task` over `items`, at most `concurrency` at a time; stops taking new items once `signal` aborts. */
export const runPool = async <T>(items: readonly T[], concurrency: number, signal: AbortSignal, task: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && !signal.aborted) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
};
