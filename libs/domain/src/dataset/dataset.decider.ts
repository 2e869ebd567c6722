import { ConcurrencyError, DomainError, NotFoundError, ValidationError } from '../errors';
import type { Decider, StoredEvent } from '../shared/decider';
import { bumpPatch } from './dataset-version';
import type { DatasetCommand } from './dataset.commands';
import { DATASET_SCHEMA_VERSIONS, type DatasetEvent } from './dataset.events';
import { upcastDatasetEvent } from './dataset.upcasters';
import { changesAnything, editedContent } from './entry-edit';
import type { GenerationResultSummary } from './dataset.types';
import { evolveDataset, initialDatasetState, type DatasetState, type JobProgress } from './dataset.state';
import { decideRecordChunk } from './record-chunk.decide';

export const datasetStream = (datasetId: string): string => `dataset-${datasetId}`;

/** Handlers check existence first (to name the id); this guards the commands that need a dataset. */
const requireDataset = (state: DatasetState): NonNullable<DatasetState['request']> => {
  if (!state.request) throw new NotFoundError('dataset', 'unknown');
  return state.request;
};

/** Counts of a generation job so far, as its result reports them. */
const resultSummary = (state: DatasetState, request: NonNullable<DatasetState['request']>, job: JobProgress): GenerationResultSummary => ({
  dataset_id: request.datasetId,
  entries_count: state.entries.size,
  rejected_count: state.rejected.size,
  chunks_processed: job.done.size,
  chunks_failed: job.failedChunks,
  version: state.version,
});

const missingEntries = (state: DatasetState, ids: readonly string[]): string[] => ids.filter((id) => !state.entries.has(id));

const decide = (command: DatasetCommand, state: DatasetState): readonly DatasetEvent[] => {
  if (command.type === 'RequestGeneration') {
    if (state.request) throw new ConcurrencyError(`dataset ${command.datasetId} already exists`, 'no_stream', 'stream_exists');
    const { type: _type, now, ...data } = command;
    return [{ type: 'DatasetGenerationRequested', data: { ...data, requestedAt: now } }];
  }
  const request = requireDataset(state);
  switch (command.type) {
    case 'RecordChunk':
      return decideRecordChunk(command, state);
    case 'CompleteGeneration': {
      const job = state.jobs.get(command.jobId);
      if (!job || job.finished) return [];
      const result = resultSummary(state, request, job);
      const at = command.now;
      return [
        ...(command.splits
          ? [{ type: 'DatasetSplitAssigned' as const, data: { seed: request.splitSeed, assignments: command.splits } }]
          : []),
        ...(command.report
          ? [{ type: 'DatasetQualityAnalysed' as const, data: { jobId: command.jobId, report: command.report, analysedAt: at } }]
          : []),
        ...(command.benchmark
          ? [{ type: 'DatasetBenchmarkRecorded' as const, data: { jobId: command.jobId, result: command.benchmark, recordedAt: at } }]
          : []),
        { type: 'DatasetGenerationCompleted', data: { jobId: command.jobId, result, completedAt: at } },
      ];
    }
    case 'FailGeneration': {
      const job = state.jobs.get(command.jobId);
      if (!job || job.finished) return [];
      return [{ type: 'DatasetGenerationFailed', data: { jobId: command.jobId, error: command.error, failedAt: command.now } }];
    }
    case 'EditEntry': {
      const entry = state.entries.get(command.entryId);
      if (!entry) throw new NotFoundError('entry', command.entryId);
      const category = command.changes.category;
      if (category !== undefined && request.categories && category !== 'Other' && !request.categories.includes(category)) {
        throw ValidationError.field('category', `must be one of the taxonomy's categories (${request.categories.join(', ')}) or Other`);
      }
      if (command.expectedVersion !== null && command.expectedVersion !== entry.version) {
        throw new ConcurrencyError(
          `entry ${command.entryId} is at version ${entry.version}, not ${command.expectedVersion}`,
          String(command.expectedVersion),
          String(entry.version),
          'expected_version',
        );
      }
      // Feedback alone is recorded on the entry without making it (or the dataset) a new version.
      const changed = changesAnything(command.changes);
      return [
        {
          type: 'DatasetEntryEdited',
          data: {
            entryId: command.entryId,
            changes: command.changes,
            feedback: command.feedback,
            version: entry.version + (changed ? 1 : 0),
            content: changed
              ? editedContent(entry.content, { changes: command.changes, score: command.score, actor: command.actor, at: command.now })
              : entry.content,
            datasetVersion: changed ? bumpPatch(state.version) : state.version,
            actor: command.actor,
            editedAt: command.now,
          },
        },
      ];
    }
    case 'AddFeedback': {
      const missing = missingEntries(state, command.entryIds);
      if (missing.length) throw new NotFoundError('entry', missing);
      const { type: _type, now, ...feedback } = command;
      return [{ type: 'DatasetFeedbackAdded', data: { ...feedback, createdAt: now } }];
    }
    case 'RequestRegeneration': {
      const missing = missingEntries(state, command.entryIds);
      if (missing.length) throw new NotFoundError('entry', missing);
      if (state.status === 'generating')
        throw new DomainError(`dataset ${request.datasetId} is still generating; regenerate once it has completed`);
      return [
        {
          type: 'DatasetRegenerationRequested',
          data: { jobId: command.jobId, entryIds: command.entryIds, config: command.config, requestedAt: command.now },
        },
      ];
    }
    case 'RecordRegeneratedEntry': {
      const job = state.jobs.get(command.jobId);
      const entry = state.entries.get(command.entryId);
      if (!job || job.finished || job.done.has(command.entryId) || !entry) return [];
      return [
        {
          type: 'DatasetEntryRegenerated',
          data: {
            jobId: command.jobId,
            entryId: command.entryId,
            content: command.content,
            version: entry.version + 1,
            regeneratedAt: command.now,
          },
        },
      ];
    }
    case 'CancelJob': {
      const job = state.jobs.get(command.jobId);
      if (!job) throw new NotFoundError('job', command.jobId);
      if (job.finished) throw new DomainError(`job ${command.jobId} has already finished; only a pending or running job can be cancelled`);
      const result = job.kind === 'generation' ? resultSummary(state, request, job) : null;
      // A cancelled regeneration keeps the entries it had replaced, and they make a new version.
      const datasetVersion = job.kind === 'regeneration' && job.done.size > 0 ? bumpPatch(state.version) : state.version;
      return [
        {
          type: 'DatasetJobCancelled',
          data: { jobId: command.jobId, kind: job.kind, actor: command.actor, result, datasetVersion, cancelledAt: command.now },
        },
      ];
    }
    case 'CompleteRegeneration': {
      const job = state.jobs.get(command.jobId);
      if (!job || job.finished) return [];
      const { failed, kept } = command;
      if (job.done.size === 0 && failed.length > 0) {
        const error = `every entry failed to regenerate (${failed.length} of ${job.entryIds.length}); first: ${failed[0].entryId}: ${failed[0].reason}`;
        return [{ type: 'DatasetRegenerationFailed', data: { jobId: command.jobId, error, failed, kept, failedAt: command.now } }];
      }
      // Only replaced entries make a new version: a job that kept every entry leaves the dataset as it was.
      const completed: DatasetEvent = {
        type: 'DatasetRegenerationCompleted',
        data: {
          jobId: command.jobId,
          regenerated: job.done.size,
          failed,
          kept,
          datasetVersion: job.done.size > 0 ? bumpPatch(state.version) : state.version,
          completedAt: command.now,
        },
      };
      return command.report
        ? [{ type: 'DatasetQualityAnalysed', data: { jobId: command.jobId, report: command.report, analysedAt: command.now } }, completed]
        : [completed];
    }
  }
};

export const datasetDecider: Decider<DatasetCommand, DatasetState, DatasetEvent> = {
  initialState: initialDatasetState,
  decide,
  evolve: evolveDataset,
  evolveStored: (state: DatasetState, event: StoredEvent) => evolveDataset(state, upcastDatasetEvent(event, state)),
  schemaVersions: DATASET_SCHEMA_VERSIONS,
};
