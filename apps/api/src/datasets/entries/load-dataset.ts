import { datasetDecider, datasetStream, NotFoundError, type DatasetState } from '@compileo/domain';
import type { EventWriter } from '../../http/event-writer';

/** The dataset's current state from its stream, or a 404 naming it. */
export const loadDataset = async (writer: EventWriter, datasetId: string): Promise<DatasetState> => {
  const { state } = await writer.load(datasetStream(datasetId), datasetDecider);
  if (!state.request) throw new NotFoundError('dataset', datasetId);
  return state;
};
