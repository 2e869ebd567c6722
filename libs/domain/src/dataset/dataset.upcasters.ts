import type { StoredEvent } from '../shared/decider';
import { bumpPatch } from './dataset-version';
import type { DatasetEntryEdited, DatasetEvent, DatasetJobCancelled, DatasetRegenerationCompleted } from './dataset.events';
import type { DatasetState } from './dataset.state';
import { applyEdit, changesAnything } from './entry-edit';

type V1<E extends DatasetEvent, K extends keyof E['data']> = Omit<E['data'], K>;

/**
 * Reads a dataset event of any schema as the current one. Schema 1 events did not record their
 * outcomes; the dataset as it stood before the event (the fold so far) gives them, by the rules that
 * were in force when they were written.
 */
export const upcastDatasetEvent = (event: StoredEvent, before: DatasetState): DatasetEvent => {
  if (event.type === 'DatasetRegenerationCompleted' && event.schemaVersion === 2) return keptApart(event.data as V2RegenerationCompleted);
  if (event.schemaVersion >= 2) return event as unknown as DatasetEvent;
  switch (event.type) {
    case 'DatasetEntryEdited': {
      const data = event.data as V1<DatasetEntryEdited, 'content' | 'datasetVersion'>;
      const entry = before.entries.get(data.entryId);
      const changed = changesAnything(data.changes);
      return {
        type: 'DatasetEntryEdited',
        data: {
          ...data,
          content: entry ? applyEdit(entry.content, data.changes) : { ...EMPTY_CONTENT, ...data.changes },
          datasetVersion: changed ? bumpPatch(before.version) : before.version,
        },
      };
    }
    case 'DatasetRegenerationCompleted': {
      const data = event.data as V1<DatasetRegenerationCompleted, 'datasetVersion' | 'kept'>;
      return keptApart({ ...data, datasetVersion: bumpPatch(before.version) });
    }
    case 'DatasetJobCancelled': {
      const data = event.data as V1<DatasetJobCancelled, 'datasetVersion'>;
      const replacedAny = data.kind === 'regeneration' && (before.jobs.get(data.jobId)?.done.size ?? 0) > 0;
      return { type: 'DatasetJobCancelled', data: { ...data, datasetVersion: replacedAny ? bumpPatch(before.version) : before.version } };
    }
    default:
      return event as unknown as DatasetEvent;
  }
};

type V2RegenerationCompleted = V1<DatasetRegenerationCompleted, 'kept'>;

/** How schema 1 and 2 worded an entry that `improve_quality` kept as it was (they listed it under `failed`). */
const KEPT_REASON = 'kept the current version';

/** Schema 2 → 3: entries kept on purpose move from `failed` to `kept`; the recorded version stays. */
const keptApart = (data: V2RegenerationCompleted): DatasetRegenerationCompleted => ({
  type: 'DatasetRegenerationCompleted',
  data: {
    ...data,
    failed: data.failed.filter((f) => !f.reason.startsWith(KEPT_REASON)),
    kept: data.failed.filter((f) => f.reason.startsWith(KEPT_REASON)),
  },
});

/** Only for an edit of an entry the log never had, which no build wrote. */
const EMPTY_CONTENT = {
  question: null,
  answer: null,
  category: 'General',
  difficulty: 'intermediate',
  qualityScore: null,
  qualityComponents: null,
  metadata: {},
} as const;
