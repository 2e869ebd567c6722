import { runInSlices, runToEnd, type Sliced } from './sliced';

function* countTo(n: number, seen: number[]): Sliced<number> {
  let sum = 0;
  for (let i = 1; i <= n; i++) {
    sum += i;
    seen.push(i);
    yield;
  }
  return sum;
}

describe('sliced computations', () => {
  it('give the same value run to the end or in slices', async () => {
    expect(runToEnd(countTo(1000, []))).toBe(500500);
    expect(await runInSlices(countTo(1000, []))).toBe(500500);
  });

  it('let other work run between slices', async () => {
    const seen: number[] = [];
    let ranBetween = false;
    const busy = function* (): Sliced<void> {
      // Each step spins for a millisecond, so a slice of 2 ms ends within a few steps.
      for (let i = 0; i < 50; i++) {
        const until = performance.now() + 1;
        while (performance.now() < until);
        seen.push(i);
        yield;
      }
    };
    setImmediate(() => {
      ranBetween = seen.length < 50;
    });
    await runInSlices(busy(), 2);
    expect(ranBetween).toBe(true);
  });
});
