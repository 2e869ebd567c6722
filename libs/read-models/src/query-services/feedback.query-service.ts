import { SQL_CLIENT, type SqlExecutor } from '@compileo/sql';
import { Inject, Injectable } from '@nestjs/common';
import { listFeedback, ratingAggregates, type FeedbackRow, type RatingAggregate } from '../queries/feedback.queries';

/** An entry's feedback and its rating aggregate. */
export interface EntryFeedback {
  readonly items: readonly FeedbackRow[];
  readonly ratings: RatingAggregate;
}

export const NO_FEEDBACK: EntryFeedback = { items: [], ratings: { feedback_count: 0, rating_count: 0, rating_mean: null } };

/** Human feedback on a dataset's entries: comments, ratings, types and edit notes, never mixed with model scores. */
@Injectable()
export class FeedbackQueries {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlExecutor) {}

  /** One page of the dataset's feedback (optionally of one entry), with every entry's aggregate. */
  async page(
    datasetId: string,
    entryId: string | null,
    page: { readonly limit: number; readonly offset: number },
  ): Promise<{ feedback: FeedbackRow[]; total: number; entries: Map<string, RatingAggregate> }> {
    const ids = entryId === null ? null : [entryId];
    const { feedback, total } = await listFeedback(this.sql, datasetId, ids, page);
    return { feedback, total, entries: await ratingAggregates(this.sql, datasetId, ids) };
  }

  /** Feedback and aggregates of the given entries, for showing them on each entry. */
  async forEntries(datasetId: string, entryIds: readonly string[]): Promise<Map<string, EntryFeedback>> {
    if (entryIds.length === 0) return new Map();
    const [{ feedback }, aggregates] = await Promise.all([
      listFeedback(this.sql, datasetId, entryIds),
      ratingAggregates(this.sql, datasetId, entryIds),
    ]);
    const items = new Map<string, FeedbackRow[]>();
    for (const f of feedback) items.set(f.entry_id, [...(items.get(f.entry_id) ?? []), f]);
    return new Map([...aggregates].map(([id, ratings]) => [id, { items: items.get(id) ?? [], ratings }]));
  }
}
