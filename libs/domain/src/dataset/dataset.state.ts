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
  readonly done: ReadonlySet<string>;
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
  /** Accepted entries by id (rejected ones live only in the log and the read model). */
  readonly entries: ReadonlyMap<string, EntryState>;
  readonly rejected: ReadonlyMap<string, RejectedEntryState>;
  /** Whether train/validation/test splits were assigned (the download is then one file per split). */
  readonly hasSplits: boolean;
  readonly qualityReport: QualityReport | null;
  readonly benchmarks: readonly BenchmarkResult[];
  /** Exact-duplicate keys of accepted entries → entry id. */
  readonly duplicateKeys: ReadonlyMap<string, string>;
  readonly jobs: ReadonlyMap<string, JobProgress>;
}

export const initialDatasetState = (): DatasetState => ({
  request: null,
  status: 'none',
  version: '0.0.0',
  nextEntryNumber: 1,
  entries: new Map(),
  rejected: new Map(),
  hasSplits: false,
  qualityReport: null,
  benchmarks: [],
  duplicateKeys: new Map(),
  jobs: new Map(),
});

const withJob = (state: DatasetState, jobId: string, update: (job: JobProgress) => JobProgress): ReadonlyMap<string, JobProgress> => {
  const job = state.jobs.get(jobId);
  if (!job) return state.jobs;
  return new Map(state.jobs).set(jobId, update(job));
};

/** Replaces an entry's content, keeping the exact-duplicate index in step. */
const withContent = (
  state: DatasetState,
  entry: EntryState,
  content: EntryContent,
  version: number,
): Pick<DatasetState, 'entries' | 'duplicateKeys'> => {
  const keys = new Map(state.duplicateKeys);
  if (keys.get(duplicateKey(entry.content)) === entry.entryId) keys.delete(duplicateKey(entry.content));
  keys.set(duplicateKey(content), entry.entryId);
  return { entries: new Map(state.entries).set(entry.entryId, { ...entry, content, version }), duplicateKeys: keys };
};

const entryNumber = (entryId: string): number => Number(entryId.slice('entry_'.length));

export const evolveDataset = (state: DatasetState, event: DatasetEvent): DatasetState => {
  switch (event.type) {
    case 'DatasetGenerationRequested': {
      const job: JobProgress = {
        jobId: event.data.jobId,
        kind: 'generation',
        done: new Set(),
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
        jobs: new Map(state.jobs).set(job.jobId, job),
      };
    }
    case 'DatasetChunkProcessed': {
      const entries = new Map(state.entries);
      const keys = new Map(state.duplicateKeys);
      let next = state.nextEntryNumber;
      for (const { entryId, sourceChunk, ...content } of event.data.accepted) {
        const e = { entryId, sourceChunk, content };
        entries.set(e.entryId, { ...e, version: 1, split: null });
        keys.set(duplicateKey(content), e.entryId);
        next = Math.max(next, entryNumber(e.entryId) + 1);
      }
      const rejected = new Map(state.rejected);
      for (const { rejection, entryId, sourceChunk, ...content } of event.data.rejected) {
        rejected.set(entryId, { entryId, sourceChunk, content, rejection });
        next = Math.max(next, entryNumber(entryId) + 1);
      }
      const jobs = withJob(state, event.data.jobId, (job) => ({
        ...job,
        done: new Set(job.done).add(String(event.data.chunkIndex)),
        failedChunks: job.failedChunks + (event.data.failure ? 1 : 0),
      }));
      return { ...state, entries, rejected, duplicateKeys: keys, nextEntryNumber: next, jobs };
    }
    case 'DatasetSplitAssigned': {
      const entries = new Map(state.entries);
      for (const [id, split] of Object.entries(event.data.assignments)) {
        const entry = entries.get(id);
        if (entry) entries.set(id, { ...entry, split });
      }
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
        done: new Set(),
        failedChunks: 0,
        finished: false,
        entryIds: event.data.entryIds,
        regenerationConfig: event.data.config,
      };
      return { ...state, jobs: new Map(state.jobs).set(job.jobId, job) };
    }
    case 'DatasetEntryRegenerated': {
      const entry = state.entries.get(event.data.entryId);
      const jobs = withJob(state, event.data.jobId, (job) => ({ ...job, done: new Set(job.done).add(event.data.entryId) }));
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
