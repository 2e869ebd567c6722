import type { Position } from '@compileo/event-store';

interface Slot {
  readonly position: Position;
  done: boolean;
}

/**
 * Tracks triggers in flight in log order. The safe checkpoint is the position of the last trigger before
 * which every trigger has finished: after a crash, every job from there on is delivered again.
 */
export class LowWaterMark {
  private readonly inFlight: Slot[] = [];
  private readonly finishedAhead = new Set<Position>();
  private safe: Position | undefined;

  constructor(initial: Position | undefined) {
    this.safe = initial;
  }

  get safePosition(): Position | undefined {
    return this.safe;
  }

  /** Whether the trigger at `position` finished already (a reopened subscription sees it again). */
  isFinished(position: Position): boolean {
    return this.finishedAhead.has(position);
  }

  begin(position: Position): Slot {
    const slot = { position, done: false };
    this.inFlight.push(slot);
    return slot;
  }

  /** Marks a trigger finished; returns the new safe checkpoint when it moved. */
  finish(slot: Slot): Position | undefined {
    slot.done = true;
    this.finishedAhead.add(slot.position);
    let moved = false;
    while (this.inFlight.length && this.inFlight[0].done) {
      const head = this.inFlight.shift()!;
      this.finishedAhead.delete(head.position);
      this.safe = head.position;
      moved = true;
    }
    return moved ? this.safe : undefined;
  }
}
