import type { RecordedEvent } from '@compileo/event-store';
import type { JobTrigger } from './job-bus.port';

/** The job trigger an event carries, if it is one of the job-starting events. */
export const triggerOf = (event: RecordedEvent): JobTrigger | null => {
  const data = event.data as { readonly jobId?: string };
  if (!data.jobId || !event.streamId.startsWith('dataset-')) return null;
  const datasetId = event.streamId.slice('dataset-'.length);
  if (event.type === 'DatasetGenerationRequested') return { jobId: data.jobId, datasetId, kind: 'generation' };
  if (event.type === 'DatasetRegenerationRequested') return { jobId: data.jobId, datasetId, kind: 'regeneration' };
  return null;
};
