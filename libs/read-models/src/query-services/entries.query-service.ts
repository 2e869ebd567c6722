import { READ_SQL, type SqlExecutor } from '@compileo/sql';
import { Inject, Injectable } from '@nestjs/common';
import { countEntries, type EntryPageQuery, type EntryRow, pageEntries, streamEntries } from '../queries/entries.queries';
import { type DatasetRevision, RevisionCache } from './revision-cache';

/** A dataset's entries, a page at a time or streamed in entry order. */
@Injectable()
export class EntriesQueries {
  constructor(
    @Inject(READ_SQL) private readonly sql: SqlExecutor,
    private readonly aggregates: RevisionCache,
  ) {}

  /** One page, and how many entries match: each read once per dataset revision, filter and page. */
  async page(dataset: DatasetRevision, query: EntryPageQuery): Promise<{ entries: EntryRow[]; total: number }> {
    const [entries, total] = await Promise.all([
      this.aggregates.get(
        dataset,
        `page:${query.status}:${query.minQuality}:${query.sortBy}:${query.limit}:${query.offset}`,
        () => pageEntries(this.sql, dataset.id, query),
        (rows) => rows.length,
      ),
      this.aggregates.get(dataset, `count:${query.status}:${query.minQuality}`, () => countEntries(this.sql, dataset.id, query)),
    ]);
    return { entries, total };
  }

  /** Accepted entries (of one split, or all when `split` is null), holding one page in memory at a time. */
  stream(datasetId: string, split: string | null): AsyncGenerator<EntryRow> {
    return streamEntries(this.sql, datasetId, split);
  }
}
