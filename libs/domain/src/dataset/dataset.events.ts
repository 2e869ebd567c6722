import type { DomainEvent } from '../shared/decider';
import type {
  EntryContent,
  EntryRecord,
  FeedbackRecord,
  GenerationConfig,
  BenchmarkResult,
  GenerationResultSummary,
  InvalidItemRecord,
  QualityReport,
  RegenerationConfig,
  RejectedRecord,
  SplitAssignments,
  Usage,
} from './dataset.types';

export type DatasetGenerationRequested = DomainEvent<
  'DatasetGenerationRequested',
  {
    readonly datasetId: string;
    readonly jobId: string;
    readonly projectId: string;
    readonly name: string;
    readonly version: string;
    readonly config: GenerationConfig;
    /** The provider that will generate, resolved at request time (e.g. `extractive`). */
    readonly model: string;
    readonly taxonomyId: string | null;
    readonly categories: readonly string[] | null;
    /** The chunks to process, in order; a job's progress counts these. */
    readonly chunkIds: readonly string[];
    readonly splitSeed: string;
    readonly requestedAt: string;
  }
>;

export type DatasetChunkProcessed = DomainEvent<
  'DatasetChunkProcessed',
  {
    readonly jobId: string;
    readonly chunkIndex: number;
    readonly chunkId: string;
    readonly accepted: readonly EntryRecord[];
    readonly rejected: readonly RejectedRecord[];
    /** Items the model returned that failed parsing or the item schema. */
    readonly invalid: readonly InvalidItemRecord[];
    /** Tokens (and cost) of the chunk's model calls; null for offline models. */
    readonly usage: Usage | null;
    /** Why the chunk produced nothing, when it failed; the job goes on with the next chunk. */
    readonly failure: string | null;
    readonly processedAt: string;
  }
>;

export type DatasetSplitAssigned = DomainEvent<
  'DatasetSplitAssigned',
  {
    readonly seed: string;
    readonly assignments: SplitAssignments;
  }
>;

export type DatasetGenerationCompleted = DomainEvent<
  'DatasetGenerationCompleted',
  {
    readonly jobId: string;
    readonly result: GenerationResultSummary;
    readonly completedAt: string;
  }
>;

export type DatasetGenerationFailed = DomainEvent<
  'DatasetGenerationFailed',
  {
    readonly jobId: string;
    readonly error: string;
    readonly failedAt: string;
  }
>;

/** The fields an edit sets, as the user sent them. */
export interface EntryChanges {
  readonly question?: string;
  readonly answer?: string;
  readonly category?: string;
}

/** Schema 2: also the outcome, i.e. the entry's content after the edit and the dataset's version. */
export type DatasetEntryEdited = DomainEvent<
  'DatasetEntryEdited',
  {
    readonly entryId: string;
    readonly changes: EntryChanges;
    readonly feedback: string | null;
    readonly version: number;
    readonly content: EntryContent;
    readonly datasetVersion: string;
    readonly actor: string;
    readonly editedAt: string;
  }
>;

export type DatasetFeedbackAdded = DomainEvent<'DatasetFeedbackAdded', FeedbackRecord & { readonly createdAt: string }>;

export type DatasetRegenerationRequested = DomainEvent<
  'DatasetRegenerationRequested',
  {
    readonly jobId: string;
    readonly entryIds: readonly string[];
    readonly config: RegenerationConfig;
    readonly requestedAt: string;
  }
>;

export type DatasetEntryRegenerated = DomainEvent<
  'DatasetEntryRegenerated',
  {
    readonly jobId: string;
    readonly entryId: string;
    readonly content: EntryContent;
    readonly version: number;
    readonly regeneratedAt: string;
  }
>;

/** An entry a regeneration did not replace, and why. */
export interface SkippedEntry {
  readonly entryId: string;
  readonly reason: string;
}

/** What a finished regeneration did not replace, entry by entry. */
export interface RegenerationSkips {
  readonly jobId: string;
  /** Entries the job could not regenerate (the model failed, or every new version repeated another entry). */
  readonly failed: readonly SkippedEntry[];
  /**
   * Schema 3: entries left as they were on purpose (`improve_quality` found no better version). Schema 2
   * listed them under `failed`.
   */
  readonly kept: readonly SkippedEntry[];
}

export type DatasetRegenerationCompleted = DomainEvent<
  'DatasetRegenerationCompleted',
  RegenerationSkips & {
    readonly regenerated: number;
    /** Schema 2: the dataset's version once the regenerated entries count (schema 3: unchanged when none was). */
    readonly datasetVersion: string;
    readonly completedAt: string;
  }
>;

/** A regeneration that replaced nothing because every entry failed: the dataset and its version stay as they were. */
export type DatasetRegenerationFailed = DomainEvent<
  'DatasetRegenerationFailed',
  RegenerationSkips & { readonly error: string; readonly failedAt: string }
>;

export type DatasetQualityAnalysed = DomainEvent<
  'DatasetQualityAnalysed',
  {
    readonly jobId: string;
    readonly report: QualityReport;
    readonly analysedAt: string;
  }
>;

export type DatasetBenchmarkRecorded = DomainEvent<
  'DatasetBenchmarkRecorded',
  {
    readonly jobId: string;
    readonly result: BenchmarkResult;
    readonly recordedAt: string;
  }
>;

export type DatasetJobCancelled = DomainEvent<
  'DatasetJobCancelled',
  {
    readonly jobId: string;
    readonly kind: 'generation' | 'regeneration';
    readonly actor: string;
    /** For a generation: the counts at the moment of cancelling. */
    readonly result: GenerationResultSummary | null;
    /** Schema 2: the dataset's version after the cancel (a regeneration keeps what it replaced so far). */
    readonly datasetVersion: string;
    readonly cancelledAt: string;
  }
>;

export type DatasetEvent =
  | DatasetGenerationRequested
  | DatasetChunkProcessed
  | DatasetSplitAssigned
  | DatasetGenerationCompleted
  | DatasetGenerationFailed
  | DatasetEntryEdited
  | DatasetFeedbackAdded
  | DatasetRegenerationRequested
  | DatasetEntryRegenerated
  | DatasetRegenerationCompleted
  | DatasetRegenerationFailed
  | DatasetJobCancelled
  | DatasetQualityAnalysed
  | DatasetBenchmarkRecorded;

export const DATASET_EVENT_TYPES: readonly DatasetEvent['type'][] = [
  'DatasetGenerationRequested',
  'DatasetChunkProcessed',
  'DatasetSplitAssigned',
  'DatasetGenerationCompleted',
  'DatasetGenerationFailed',
  'DatasetEntryEdited',
  'DatasetFeedbackAdded',
  'DatasetRegenerationRequested',
  'DatasetEntryRegenerated',
  'DatasetRegenerationCompleted',
  'DatasetRegenerationFailed',
  'DatasetJobCancelled',
  'DatasetQualityAnalysed',
  'DatasetBenchmarkRecorded',
];

/** The schema version each dataset event type is written with now; an upcaster reads every older one. */
export const DATASET_SCHEMA_VERSIONS: Readonly<Partial<Record<DatasetEvent['type'], number>>> = {
  DatasetEntryEdited: 2,
  DatasetRegenerationCompleted: 3,
  DatasetJobCancelled: 2,
};

/** Events that start a job; the job bus dispatches on these. */
export const JOB_TRIGGER_TYPES = ['DatasetGenerationRequested', 'DatasetRegenerationRequested'] as const;
