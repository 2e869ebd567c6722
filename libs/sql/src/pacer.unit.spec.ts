import { Pacer } from './pacer';

describe('Pacer', () => {
  it('lets a timer run during a long chain of paced steps, and does not yield on every step', async () => {
    const pacer = new Pacer(2);
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    let yields = 0;
    const until = performance.now() + 50;
    let steps = 0;
    // Busy steps chained in microtasks: without pace() the timer could not run before the chain ends.
    while (!timerRan && performance.now() < until) {
      const before = performance.now();
      await pacer.pace();
      if (performance.now() - before > 0.5) yields++;
      steps++;
    }
    expect(timerRan).toBe(true);
    expect(steps).toBeGreaterThan(yields);
  });
});
