import type { StoredEvent } from '../shared/decider';
import { datasetDecider } from './dataset.decider';
import type { DatasetState } from './dataset.state';

/**
 * The dataset after the first `count` events of its stream (all of them when omitted): entries with
 * their content, version, score, split and status, and the dataset's name, version and counts. Pure: the
 * read models, history and versions are all this fold at some revision.
 */
export const foldDataset = (events: readonly StoredEvent[], count = events.length): DatasetState =>
  events.slice(0, count).reduce(datasetDecider.evolveStored!, datasetDecider.initialState());

/** Whether an event of this type and schema needs the stream before it to be read as the current schema. */
export const isLegacyDatasetEvent = (event: StoredEvent): boolean =>
  event.schemaVersion < (datasetDecider.schemaVersions?.[event.type] ?? 1);
