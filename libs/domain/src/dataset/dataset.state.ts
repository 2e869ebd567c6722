import { OrderedMap as PersistentMap, OrderedSet as PersistentSet } from 'immutable';
import type { Split } from '../values';
import type { DatasetEvent, DatasetGenerationRequested } from './dataset.events';
import type { BenchmarkResult, EntryContent, QualityReport, RegenerationConfig, Rejection } from './dataset.types';
import { duplicateKey } from './duplicate-key';

export interface EntryState {
  readonly entryId: string;
  readonly sourceChunk: string;
  readonly content: EntryContent;
  readonly version: number;
  readonly split: Split | null;
}

/** An item the quality gate turned away: kept, with the reason, but never part of the dataset. */
export interface RejectedEntryState {
  readonly entryId: string;
  readonly sourceChunk: string;
  readonly content: EntryContent;
  readonly rejection: Rejection;
}

export interface JobProgress {
  readonly jobId: string;
  readonly kind: 'generation' | 'regeneration';
  /** Generation: chunk indexes done. Regeneration: entry ids done. */
  readonly done: PersistentSet<string>;
  readonly failedChunks: number;
  readonly finished: boolean;
  readonly entryIds: readonly string[];
  readonly regenerationConfig: RegenerationConfig | null;
}

export interface DatasetState {
  readonly request: DatasetGenerationRequested['data'] | null;
  readonly status: 'none' | 'generating' | 'completed' | 'failed' | 'cancelled';
  readonly version: string;
  readonly nextEntryNumber: number;
  /**
   * Accepted entries by id, in the order they were added. The collections are persistent (immutable.js's ordered
   * ones, so they iterate like a Map): an event changes a few entries, and
   * copying whole maps per event would make every chunk of a job cost as much as the dataset is large.
   */
  readonly entries: PersistentMap<string, EntryState>;
  readonly rejected: PersistentMap<string, RejectedEntryState>;
  /** Whether train/validation/test splits were assigned (the download is then one file per split). */
  readonly hasSplits: boolean;
  readonly qualityReport: QualityReport | null;
  readonly benchmarks: readonly BenchmarkResult[];
  /** Exact-duplicate keys of accepted entries → entry id. */
  readonly duplicateKeys: PersistentMap<string, string>;
  readonly jobs: PersistentMap<string, JobProgress>;
}

export const initialDatasetState = (): DatasetState => ({
  request: null,
  status: 'none',
  version: '0.0.0',
  nextEntryNumber: 1,
  entries: PersistentMap(),
  rejected: PersistentMap(),
  hasSplits: false,
  qualityReport: null,
  benchmarks: [],
  duplicateKeys: PersistentMap(),
  jobs: PersistentMap(),
});

const withJob = (state: DatasetState, jobId: string, update: (job: JobProgress) => JobProgress): PersistentMap<string, JobProgress> => {
  const job = state.jobs.get(jobId);
  if (!job) return state.jobs;
  return state.jobs.set(jobId, update(job));
};

/** Replaces an entry's content, keeping the exact-duplicate index in step. */
const withContent = (
  state: DatasetState,
  entry: EntryState,
  content: EntryContent,
  version: number,
): Pick<DatasetState, 'entries' | 'duplicateKeys'> => {
  const old = duplicateKey(entry.content);
  const keys = (state.duplicateKeys.get(old) === entry.entryId ? state.duplicateKeys.delete(old) : state.duplicateKeys).set(
    duplicateKey(content),
    entry.entryId,
  );
  return { entries: state.entries.set(entry.entryId, { ...entry, content, version }), duplicateKeys: keys };
};

const entryNumber = (entryId: string): number => Number(entryId.slice('entry_'.length));

export const evolveDataset = (state: DatasetState, event: DatasetEvent): DatasetState => {
  switch (event.type) {
    case 'DatasetGenerationRequested': {
      const job: JobProgress = {
        jobId: event.data.jobId,
        kind: 'generation',
        done: PersistentSet(),
        failedChunks: 0,
        finished: false,
        entryIds: [],
        regenerationConfig: null,
      };
      return {
        ...state,
        request: event.data,
        status: 'generating',
        version: event.data.version,
        jobs: state.jobs.set(job.jobId, job),
      };
    }
    case 'DatasetChunkProcessed': {
      let { entries, duplicateKeys: keys, rejected } = state;
      let next = state.nextEntryNumber;
      for (const { entryId, sourceChunk, ...content } of event.data.accepted) {
        entries = entries.set(entryId, { entryId, sourceChunk, content, version: 1, split: null });
        keys = keys.set(duplicateKey(content), entryId);
        next = Math.max(next, entryNumber(entryId) + 1);
      }
      for (const { rejection, entryId, sourceChunk, ...content } of event.data.rejected) {
        rejected = rejected.set(entryId, { entryId, sourceChunk, content, rejection });
        next = Math.max(next, entryNumber(entryId) + 1);
      }
      const jobs = withJob(state, event.data.jobId, (job) => ({
        ...job,
        done: job.done.add(String(event.data.chunkIndex)),
        failedChunks: job.failedChunks + (event.data.failure ? 1 : 0),
      }));
      return { ...state, entries, rejected, duplicateKeys: keys, nextEntryNumber: next, jobs };
    }
    case 'DatasetSplitAssigned': {
      const entries = state.entries.withMutations((all) => {
        for (const [id, split] of Object.entries(event.data.assignments)) {
          const entry = all.get(id);
          if (entry) all.set(id, { ...entry, split });
        }
      });
      return { ...state, entries, hasSplits: true };
    }
    case 'DatasetGenerationCompleted':
      return { ...state, status: 'completed', jobs: withJob(state, event.data.jobId, (job) => ({ ...job, finished: true })) };
    case 'DatasetGenerationFailed':
      return { ...state, status: 'failed', jobs: withJob(state, event.data.jobId, (job) => ({ ...job, finished: true })) };
    case 'DatasetEntryEdited': {
      const entry = state.entries.get(event.data.entryId);
      if (!entry) return state;
      return { ...state, version: event.data.datasetVersion, ...withContent(state, entry, event.data.content, event.data.version) };
    }
    case 'DatasetQualityAnalysed':
      return { ...state, qualityReport: event.data.report };
    case 'DatasetBenchmarkRecorded':
      return { ...state, benchmarks: [...state.benchmarks, { ...event.data.result, recorded_at: event.data.recordedAt }] };
    case 'DatasetFeedbackAdded':
      return state;
    case 'DatasetRegenerationRequested': {
      const job: JobProgress = {
        jobId: event.data.jobId,
        kind: 'regeneration',
        done: PersistentSet(),
        failedChunks: 0,
        finished: false,
        entryIds: event.data.entryIds,
        regenerationConfig: event.data.config,
      };
      return { ...state, jobs: state.jobs.set(job.jobId, job) };
    }
    case 'DatasetEntryRegenerated': {
      const entry = state.entries.get(event.data.entryId);
      const jobs = withJob(state, event.data.jobId, (job) => ({ ...job, done: job.done.add(event.data.entryId) }));
      if (!entry) return { ...state, jobs };
      return { ...state, ...withContent(state, entry, event.data.content, event.data.version), jobs };
    }
    case 'DatasetJobCancelled': {
      const jobs = withJob(state, event.data.jobId, (j) => ({ ...j, finished: true }));
      return { ...state, status: event.data.kind === 'generation' ? 'cancelled' : state.status, version: event.data.datasetVersion, jobs };
    }
    case 'DatasetRegenerationFailed':
      return { ...state, jobs: withJob(state, event.data.jobId, (job) => ({ ...job, finished: true })) };
    case 'DatasetRegenerationCompleted':
      return {
        ...state,
        version: event.data.datasetVersion,
        jobs: withJob(state, event.data.jobId, (job) => ({ ...job, finished: true })),
      };
  }
};
