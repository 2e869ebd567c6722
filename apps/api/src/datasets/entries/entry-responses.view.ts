import type { QualitySummary, RatingAggregate } from '@compileo/read-models';
import type { EntryView, FeedbackItemView } from './entry.view';

/** `GET /{dataset_id}/entries`: one page, with the dataset's quality bands. */
export interface EntryPageView {
  readonly entries: readonly EntryView[];
  readonly total: number;
  readonly page: number;
  readonly per_page: number;
  readonly quality_summary: Pick<QualitySummary, 'average_score' | 'distribution'>;
}

/** `PUT /{dataset_id}/entries/{entry_id}`; the version is also the `ETag`. */
export interface EntryEditedView {
  readonly message: string;
  readonly version: number;
}

/** `POST /{dataset_id}/feedback`. */
export interface FeedbackAcceptedView {
  readonly message: string;
}

/** `POST /{dataset_id}/regenerate`: the `regenerate_` job to poll. */
export interface RegenerationStartedView {
  readonly job_id: string;
  readonly message: string;
}

/** `GET /{dataset_id}/feedback`: one page of feedback, oldest first per entry, and each rated entry's aggregate. */
export interface FeedbackPageView {
  readonly dataset_id: string;
  readonly feedback: readonly (FeedbackItemView & { readonly entry_id: string })[];
  readonly total: number;
  readonly page: number;
  readonly per_page: number;
  readonly entries: Readonly<Record<string, RatingAggregate>>;
}
