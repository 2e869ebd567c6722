import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * PGlite executes on this thread and its promises settle in microtasks, so statements issued back to back
 * (a transaction's, or one caller's after another's) would run without the event loop getting a turn: a
 * projection batch would hold every request, health included, for its whole length. `pace()` before each
 * statement yields one macrotask turn once `sliceMs` have passed since the last, and costs nothing otherwise.
 */
export class Pacer {
  private lastTurn = performance.now();

  constructor(private readonly sliceMs = 8) {}

  async pace(): Promise<void> {
    if (performance.now() - this.lastTurn < this.sliceMs) return;
    await nextTurn();
    this.lastTurn = performance.now();
  }
}
