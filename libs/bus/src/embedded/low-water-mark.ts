import type { Position } from '@compileo/event-store';

/**
 * Tracks triggers in flight in log order. The safe checkpoint is the position just before the oldest
 * unfinished trigger: after a crash, every job from there on is delivered again.
 */
export class LowWaterMark {
  private readonly inFlight: { readonly position: Position; done: boolean }[] = [];
  private safe: Position | undefined;

  constructor(initial: Position | undefined) {
    this.safe = initial;
  }

  begin(position: Position): { readonly position: Position; done: boolean } {
    const slot = { position, done: false };
    this.inFlight.push(slot);
    return slot;
  }

  /** Marks a trigger finished; returns the new safe checkpoint when it moved. */
  finish(slot: { done: boolean; readonly position: Position }): Position | undefined {
    slot.done = true;
    let moved = false;
    while (this.inFlight.length && this.inFlight[0].done) {
      this.safe = this.inFlight.shift()!.position;
      moved = true;
    }
    return moved ? this.safe : undefined;
  }
}
