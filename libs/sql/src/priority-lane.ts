/**
 * Turns for one connection that runs one statement (or transaction) at a time, with two priorities: the
 * service's own work (commands, projections, jobs) goes first, so a crowd of clients reading cannot make a job
 * wait behind every queued read. A read is never starved: after `readEvery` turns in a row for the service
 * while a read waits, the oldest read gets one. The default (1) alternates when both wait, so the service has
 * at least half the turns and a read waits for at most one service turn.
 */
export class PriorityLane {
  private busy = false;
  private readonly service: (() => void)[] = [];
  private readonly reads: (() => void)[] = [];
  private serviceTurnsInARow = 0;

  constructor(private readonly readEvery = 1) {}

  /** Runs `fn` when it is the caller's turn; turns are FIFO within a priority. */
  async run<T>(priority: 'service' | 'read', fn: () => Promise<T>): Promise<T> {
    await this.turn(priority);
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  private turn(priority: 'service' | 'read'): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      this.serviceTurnsInARow = priority === 'service' ? this.serviceTurnsInARow + 1 : 0;
      return Promise.resolve();
    }
    return new Promise((resolve) => (priority === 'service' ? this.service : this.reads).push(resolve));
  }

  private release(): void {
    const readsFirst = this.reads.length > 0 && (this.service.length === 0 || this.serviceTurnsInARow >= this.readEvery);
    const next = readsFirst ? this.reads.shift() : this.service.shift();
    this.serviceTurnsInARow = readsFirst ? 0 : next ? this.serviceTurnsInARow + 1 : 0;
    if (next) next();
    else this.busy = false;
  }
}
