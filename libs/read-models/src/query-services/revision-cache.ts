import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';

/** What a dataset's row says about how current it is: its stream revision moves with every event of the dataset. */
export interface DatasetRevision {
  readonly id: string;
  readonly revision: string;
}

/**
 * Aggregates over a dataset's entries (counts, the quality summary) computed once per dataset revision: the
 * projection moves the row's revision in the same transaction as any change to its entries, so a value
 * computed after reading revision R is at least as new as R, and readers of an unchanged dataset never
 * scan its entries again. Concurrent readers of one revision share one computation.
 */
@Injectable()
export class RevisionCache {
  private readonly values = new LRUCache<string, Promise<unknown>>({ max: 2000 });

  get<T>(dataset: DatasetRevision, what: string, compute: () => Promise<T>): Promise<T> {
    const key = `${dataset.id}\u0000${dataset.revision}\u0000${what}`;
    const cached = this.values.get(key) as Promise<T> | undefined;
    if (cached) return cached;
    const value = compute();
    this.values.set(key, value);
    // A failed computation is not remembered: the next reader tries again.
    value.catch(() => this.values.delete(key));
    return value;
  }
}
