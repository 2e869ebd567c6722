import { SQL_CLIENT, type SqlExecutor } from '@compileo/sql';
import { Inject, Injectable } from '@nestjs/common';
import { type EntryPageQuery, type EntryRow, pageEntries, streamEntries } from '../queries/entries.queries';

/** A dataset's entries, a page at a time or streamed in entry order. */
@Injectable()
export class EntriesQueries {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlExecutor) {}

  page(datasetId: string, query: EntryPageQuery): Promise<{ entries: EntryRow[]; total: number }> {
    return pageEntries(this.sql, datasetId, query);
  }

  /** Accepted entries (of one split, or all when `split` is null), holding one page in memory at a time. */
  stream(datasetId: string, split: string | null): AsyncGenerator<EntryRow> {
    return streamEntries(this.sql, datasetId, split);
  }
}
