import type { Split } from '../values';
import type { DatasetEvent, DatasetGenerationRequested } from './dataset.events';
import type { EntryContent, RegenerationConfig } from './dataset.types';
import { bumpPatch } from './dataset-version';
import { duplicateKey } from './duplicate-key';

export interface EntryState {
  readonly entryId: string;
  readonly sourceChunk: string;
  readonly content: EntryContent;
  readonly version: number;
  readonly split: Split | null;
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
  readonly status: 'none' | 'generating' | 'ready' | 'failed' | 'cancelled';
  readonly version: string;
  readonly nextEntryNumber: number;
  /** Accepted entries by id (rejected ones live only in the log and the read model). */
  readonly entries: ReadonlyMap<string, EntryState>;
  readonly rejectedCount: number;
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
  rejectedCount: 0,
  duplicateKeys: new Map(),
  jobs: new Map(),
});

const withJob = (state: DatasetState, jobId: string, update: (job: JobProgress) => JobProgress): ReadonlyMap<string, JobProgress> => {
  const job = state.jobs.get(jobId);
  if (!job) return state.jobs;
  return new Map(state.jobs).set(jobId, update(job));
};

/** An instruction-mode entry shows its instruction as question and its output as answer: edits reach both. */
const instructionFields = (content: EntryContent, changes: { readonly question?: string; readonly answer?: string }) =>
  content.instruction === undefined
    ? {}
    : { ...(changes.question !== undefined ? { instruction: changes.question } : {}), ...(changes.answer !== undefined ? { output: changes.answer } : {}) };

const entryNumber = (entryId: string): number => Number(entryId.slice('entry_'.length));

export const evolveDataset = (state: DatasetState, event: DatasetEvent): DatasetState => {
  switch (event.type) {
    case 'DatasetGenerationRequested': {
      const job: JobProgress = { jobId: event.data.jobId, kind: 'generation', done: new Set(), failedChunks: 0, finished: false, entryIds: [], regenerationConfig: null };
      return { ...state, request: event.data, status: 'generating', version: event.data.version, jobs: new Map(state.jobs).set(job.jobId, job) };
    }
    case 'DatasetChunkProcessed': {
      const entries = new Map(state.entries);
      const keys = new Map(state.duplicateKeys);
      let next = state.nextEntryNumber;
      for (const e of event.data.accepted) {
        entries.set(e.entryId, { entryId: e.entryId, sourceChunk: e.sourceChunk, content: e, version: 1, split: null });
        keys.set(duplicateKey(e), e.entryId);
        next = Math.max(next, entryNumber(e.entryId) + 1);
      }
      for (const r of event.data.rejected) next = Math.max(next, entryNumber(r.entryId) + 1);
      const jobs = withJob(state, event.data.jobId, (job) => ({
        ...job,
        done: new Set(job.done).add(String(event.data.chunkIndex)),
        failedChunks: job.failedChunks + (event.data.failure ? 1 : 0),
      }));
      return { ...state, entries, duplicateKeys: keys, nextEntryNumber: next, rejectedCount: state.rejectedCount + event.data.rejected.length, jobs };
    }
    case 'DatasetSplitAssigned': {
      const entries = new Map(state.entries);
      for (const [id, split] of Object.entries(event.data.assignments)) {
        const entry = entries.get(id);
        if (entry) entries.set(id, { ...entry, split });
      }
      return { ...state, entries };
    }
    case 'DatasetGenerationCompleted':
      return { ...state, status: 'ready', jobs: withJob(state, event.data.jobId, (job) => ({ ...job, finished: true })) };
    case 'DatasetGenerationFailed':
      return { ...state, status: 'failed', jobs: withJob(state, event.data.jobId, (job) => ({ ...job, finished: true })) };
    case 'DatasetEntryEdited': {
      const entry = state.entries.get(event.data.entryId);
      if (!entry) return state;
      const content = { ...entry.content, ...event.data.changes, ...instructionFields(entry.content, event.data.changes) };
      const keys = new Map(state.duplicateKeys);
      if (keys.get(duplicateKey(entry.content)) === entry.entryId) keys.delete(duplicateKey(entry.content));
      keys.set(duplicateKey(content), entry.entryId);
      const entries = new Map(state.entries).set(entry.entryId, { ...entry, content, version: event.data.version });
      const changed = Object.keys(event.data.changes).length > 0;
      return { ...state, version: changed ? bumpPatch(state.version) : state.version, entries, duplicateKeys: keys };
    }
    case 'DatasetFeedbackAdded':
    case 'DatasetQualityAnalysed':
    case 'DatasetBenchmarkRecorded':
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
      const keys = new Map(state.duplicateKeys);
      if (keys.get(duplicateKey(entry.content)) === entry.entryId) keys.delete(duplicateKey(entry.content));
      keys.set(duplicateKey(event.data.content), entry.entryId);
      const entries = new Map(state.entries).set(entry.entryId, { ...entry, content: event.data.content, version: event.data.version });
      return { ...state, entries, duplicateKeys: keys, jobs };
    }
    case 'DatasetJobCancelled': {
      const job = state.jobs.get(event.data.jobId);
      const jobs = withJob(state, event.data.jobId, (j) => ({ ...j, finished: true }));
      if (event.data.kind === 'generation') return { ...state, status: 'cancelled', jobs };
      return { ...state, version: job && job.done.size > 0 ? bumpPatch(state.version) : state.version, jobs };
    }
    case 'DatasetRegenerationCompleted':
      return { ...state, version: bumpPatch(state.version), jobs: withJob(state, event.data.jobId, (job) => ({ ...job, finished: true })) };
  }
};
