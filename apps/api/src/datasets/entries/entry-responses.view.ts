import type { QualitySummary } from '@compileo/read-models';
import type { EntryView } from './entry.view';

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
