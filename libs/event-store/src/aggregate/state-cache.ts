/**
 * Recently loaded aggregate states, keyed by stream and decider. Safe to share because `evolve` is pure
 * and a cached state is only ever extended by reading the events after its revision. Least recently used
 * streams are dropped past `capacity`.
 */
export class StateCache {
  private readonly entries = new Map<string, { readonly state: unknown; readonly revision: bigint }>();

  constructor(private readonly capacity = 200) {}

  get(key: string): { readonly state: unknown; readonly revision: bigint } | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, state: unknown, revision: bigint): void {
    this.entries.delete(key);
    this.entries.set(key, { state, revision });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
