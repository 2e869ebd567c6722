import { runPool } from './run-pool';

describe('runPool', () => {
  it('runs at most `concurrency` tasks at a time and covers every item', async () => {
    let active = 0;
    let peak = 0;
    const seen: number[] = [];
    await runPool([1, 2, 3, 4, 5, 6, 7], 3, new AbortController().signal, async (n) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(n);
      active--;
    });
    expect(peak).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('stops taking items after a failure and rethrows it', async () => {
    const seen: number[] = [];
    const run = runPool([1, 2, 3, 4, 5, 6], 2, new AbortController().signal, async (n) => {
      await new Promise((r) => setTimeout(r, 5));
      if (n === 2) throw new Error('boom');
      seen.push(n);
    });
    await expect(run).rejects.toThrow('boom');
    expect(seen.length).toBeLessThan(5);
  });

  it('stops taking items once the signal aborts', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    await runPool([1, 2, 3, 4], 1, controller.signal, async (n) => {
      seen.push(n);
      if (n === 2) controller.abort();
    });
    expect(seen).toEqual([1, 2]);
  });
});
