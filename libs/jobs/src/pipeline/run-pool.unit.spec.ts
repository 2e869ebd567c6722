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
    expect(seen.sort()).toStrictEqual([1, 2, 3, 4, 5, 6, 7]);
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
    expect(seen).toStrictEqual([1, 2]);
  });

  it('never starts more lanes than there are items, and runs nothing for no items', async () => {
    let active = 0;
    let peak = 0;
    const seen: number[] = [];
    await runPool([1, 2], 8, new AbortController().signal, async (n) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 1));
      seen.push(n);
      active--;
    });
    expect(seen.sort()).toStrictEqual([1, 2]);
    expect(peak).toBe(2);
    const none: unknown[] = [];
    await runPool([], 2, new AbortController().signal, async (n) => {
      none.push(n);
    });
    expect(none).toEqual([]);
  });

  it('rethrows the first failure once the tasks in flight have settled', async () => {
    const settled: number[] = [];
    let release: () => void = () => undefined;
    const slow = new Promise<void>((r) => (release = r));
    const run = runPool([1, 2, 3], 2, new AbortController().signal, async (n) => {
      if (n === 1) {
        await slow;
        settled.push(1);
        throw new Error('second');
      }
      if (n === 2) throw new Error('first');
      settled.push(n);
    });
    let outcome: unknown = 'pending';
    run.catch((e: unknown) => (outcome = e));
    await new Promise((r) => setImmediate(r));
    expect(outcome).toBe('pending');
    release();
    await expect(run).rejects.toThrow('first');
    expect(settled).toEqual([1]);
  });

  it('yields to the event loop between items, so other work runs while a job does', async () => {
    let other = false;
    setImmediate(() => (other = true));
    const saw: boolean[] = [];
    await runPool([1, 2, 3], 1, new AbortController().signal, async () => {
      saw.push(other);
    });
    expect(saw[0]).toBe(false);
    expect(saw[2]).toBe(true);
  });

  it('does not start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const seen: number[] = [];
    await runPool([1, 2], 2, controller.signal, async (n) => {
      seen.push(n);
    });
    expect(seen).toEqual([]);
  });
});
