import type { DatasetGenerationRequested, SkippedEntry } from './dataset.events';
import type { EditScore } from './entry-edit';
import type {
  BenchmarkResult,
  EntryContent,
  FeedbackRecord,
  InvalidItemRecord,
  QualityReport,
  RegenerationConfig,
  ScoredItem,
  SplitAssignments,
  Usage,
} from './dataset.types';

export type RequestGeneration = { readonly type: 'RequestGeneration'; readonly now: string } & Omit<
  DatasetGenerationRequested['data'],
  'requestedAt'
>;

export interface RecordChunk {
  readonly type: 'RecordChunk';
  readonly jobId: string;
  readonly chunkIndex: number;
  readonly chunkId: string;
  readonly items: readonly ScoredItem[];
  readonly invalid: readonly InvalidItemRecord[];
  readonly usage: Usage | null;
  readonly failure: string | null;
  readonly now: string;
}

export interface CompleteGeneration {
  readonly type: 'CompleteGeneration';
  readonly jobId: string;
  /** Split of every accepted entry, when the dataset has evaluation sets. */
  readonly splits: SplitAssignments | null;
  /** Dataset-level quality report (diversity, category balance, difficulty spread). */
  readonly report: QualityReport | null;
  /** The benchmark result, when the request asked for one. */
  readonly benchmark: BenchmarkResult | null;
  readonly now: string;
}

export interface FailGeneration {
  readonly type: 'FailGeneration';
  readonly jobId: string;
  readonly error: string;
  readonly now: string;
}

export interface EditEntry {
  readonly type: 'EditEntry';
  readonly entryId: string;
  readonly changes: { readonly question?: string; readonly answer?: string; readonly category?: string };
  readonly feedback: string | null;
  readonly expectedVersion: number | null;
  /** The score of the edited content, computed by the handler (the scorer is not part of the domain). */
  readonly score: EditScore | null;
  readonly actor: string;
  readonly now: string;
}

export type AddFeedback = { readonly type: 'AddFeedback'; readonly now: string } & FeedbackRecord;

export interface RequestRegeneration {
  readonly type: 'RequestRegeneration';
  readonly jobId: string;
  readonly entryIds: readonly string[];
  readonly config: RegenerationConfig;
  readonly now: string;
}

export interface RecordRegeneratedEntry {
  readonly type: 'RecordRegeneratedEntry';
  readonly jobId: string;
  readonly entryId: string;
  readonly content: EntryContent;
  readonly now: string;
}

export interface CompleteRegeneration {
  readonly type: 'CompleteRegeneration';
  readonly jobId: string;
  readonly failed: readonly SkippedEntry[];
  readonly kept: readonly SkippedEntry[];
  readonly report: QualityReport | null;
  readonly now: string;
}

/** Stops a generation or regeneration job; what it produced so far stays. */
export interface CancelJob {
  readonly type: 'CancelJob';
  readonly jobId: string;
  readonly actor: string;
  readonly now: string;
}

export type DatasetCommand =
  | RequestGeneration
  | RecordChunk
  | CompleteGeneration
  | FailGeneration
  | EditEntry
  | AddFeedback
  | RequestRegeneration
  | RecordRegeneratedEntry
  | CompleteRegeneration
  | CancelJob;
