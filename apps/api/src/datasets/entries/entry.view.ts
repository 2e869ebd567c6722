import { NO_FEEDBACK, type EntryFeedback, type EntryRow, type FeedbackRow, type RatingAggregate } from '@compileo/read-models';

/** An entry as the contract shows it, plus its split, version, instruction-mode fields and (for rejected ones) the reason. */
export interface EntryView {
  readonly id: string;
  readonly question: string | null;
  readonly answer: string | null;
  readonly category: string;
  readonly quality_score: number | null;
  readonly difficulty: string;
  readonly source_chunk: string;
  readonly split: string | null;
  readonly version: number;
  readonly instruction?: string;
  readonly input?: string;
  readonly output?: string;
  readonly metadata: Record<string, unknown>;
  readonly status?: 'rejected';
  readonly rejection?: Record<string, unknown> | null;
  /** What people said about the entry (feedback route and edit notes, oldest first), and its rating aggregate. */
  readonly feedback: readonly FeedbackItemView[];
  readonly ratings: RatingAggregate;
}

/** One piece of feedback as the API shows it. */
export type FeedbackItemView = Omit<FeedbackRow, 'entry_id'>;

export const feedbackItemView = ({ entry_id: _entry, ...item }: FeedbackRow): FeedbackItemView => item;

export const entryView = (e: EntryRow, feedback: EntryFeedback = NO_FEEDBACK): EntryView => ({
  id: e.entry_id,
  question: e.question,
  answer: e.answer,
  category: e.category,
  quality_score: e.quality_score,
  difficulty: e.difficulty,
  source_chunk: e.source_chunk,
  split: e.split,
  version: e.version,
  ...(e.extra ?? {}),
  metadata: { ...e.metadata, ...(e.quality_components ? { quality_components: e.quality_components } : {}), updated_at: e.updated_at },
  ...(e.status === 'rejected' ? { status: e.status, rejection: e.rejection } : {}),
  feedback: feedback.items.map(feedbackItemView),
  ratings: feedback.ratings,
});
