import {
  foldDataset,
  isLegacyDatasetEvent,
  upcastDatasetEvent,
  upcastDocumentEvent,
  datasetDecider,
  type DatasetState,
  type StoredEvent,
} from '@compileo/domain';
import type { EventStore, RecordedEvent } from '@compileo/event-store';

const stored = (event: RecordedEvent): StoredEvent => ({
  type: event.type,
  data: event.data,
  schemaVersion: event.metadata.schemaVersion ?? 1,
});

/**
 * Reads every event of a batch as its current schema, so projections only ever apply recorded outcomes.
 * A document event needs nothing else. An older dataset event gets its outcome from the dataset as it stood before it: the stream's prefix
 * is folded once, then carried along the batch. Logs written by the current build never take this path.
 * A document event needs nothing but itself.
 */
export const upcastBatch = async (store: EventStore, batch: readonly RecordedEvent[]): Promise<RecordedEvent[]> => {
  const states = new Map<string, DatasetState>();
  const out: RecordedEvent[] = [];
  for (const event of batch) {
    if (event.streamId.startsWith('document-')) {
      out.push({ ...event, data: upcastDocumentEvent(stored(event)).data });
      continue;
    }
    let state = states.get(event.streamId);
    if (!event.streamId.startsWith('dataset-') || (state === undefined && !isLegacyDatasetEvent(stored(event)))) {
      out.push(event);
      continue;
    }
    state ??= foldDataset((await store.readStream(event.streamId, { maxCount: Number(event.revision) })).map(stored));
    const current = upcastDatasetEvent(stored(event), state);
    states.set(event.streamId, datasetDecider.evolve(state, current));
    out.push({ ...event, data: current.data });
  }
  return out;
};
