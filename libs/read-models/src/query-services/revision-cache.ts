import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';

/** What a dataset's row says about how current it is: its stream revision moves with every event of the dataset. */
export interface DatasetRevision {
  readonly id: string;
  readonly revision: string;
}

/** Entry rows held at most, over all cached pages (about 1 KB each); a count or a summary weighs 1. */
const MAX_WEIGHT = 20_000;

/**
 * Reads of a dataset's entries (counts, the quality summary, pages) computed once per dataset revision: the
 * projection moves the row's revision in the same transaction as any change to its entries, so a value
 * computed after reading revision R is at least as new as R, and readers of an unchanged dataset never
 * query its entries again. Concurrent readers of one revision share one computation; a failure is not kept.
 */
@Injectable()
export class RevisionCache {
  private readonly values = new LRUCache<string, { value: unknown }>({ maxSize: MAX_WEIGHT });
  private readonly pending = new Map<string, Promise<unknown>>();

  get<T>(dataset: DatasetRevision, what: string, compute: () => Promise<T>, weight: (value: T) => number = () => 1): Promise<T> {
    const key = `${dataset.id}\u0000${dataset.revision}\u0000${what}`;
    const cached = this.values.get(key);
    if (cached) return Promise.resolve(cached.value as T);
    const running = this.pending.get(key) as Promise<T> | undefined;
    if (running) return running;
    const value = compute().then(
      (v) => {
        this.pending.delete(key);
        this.values.set(key, { value: v }, { size: Math.max(1, Math.min(MAX_WEIGHT, weight(v))) });
        return v;
      },
      (error: unknown) => {
        this.pending.delete(key);
        throw error;
      },
    );
    this.pending.set(key, value);
    return value;
  }
}
