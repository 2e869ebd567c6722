import type { Difficulty, FeedbackType, FormatType, GenerationMode, PromptParameters, Split } from '../values';

/** The normalised generation request, recorded with the dataset so that a job can run from it alone. */
export interface GenerationConfig {
  readonly prompt_name: string;
  readonly custom_prompt: string | null;
  readonly generation_mode: GenerationMode;
  readonly format_type: FormatType;
  readonly concurrency: number;
  readonly include_evaluation_sets: boolean;
  readonly taxonomy_project: string | null;
  readonly taxonomy_name: string | null;
  readonly output_dir: string;
  readonly analyze_quality: boolean;
  readonly quality_threshold: number;
  readonly enable_versioning: boolean;
  readonly dataset_name: string | null;
  readonly run_benchmarks: boolean;
  readonly benchmark_suite: string;
  readonly parsing_model: string;
  readonly chunking_model: string;
  readonly classification_model: string;
  readonly datasets_per_chunk: number;
  /** Saved project parameters merged with inline ones; these shape the prompt. */
  readonly parameters: PromptParameters;
}

export interface RegenerationConfig {
  readonly model: string;
  readonly temperature: number | null;
  readonly max_tokens: number | null;
  readonly improve_quality: boolean;
}

/** The content of an entry: what a model produced, after scoring. */
export interface EntryContent {
  readonly question: string | null;
  readonly answer: string | null;
  readonly category: string;
  readonly difficulty: Difficulty;
  readonly qualityScore: number | null;
  readonly qualityComponents: Readonly<Record<string, number>> | null;
  readonly instruction?: string;
  readonly input?: string;
  readonly output?: string;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface EntryRecord extends EntryContent {
  readonly entryId: string;
  readonly sourceChunk: string;
}

export type Rejection =
  | { readonly reason: 'below_threshold'; readonly score: number; readonly threshold: number }
  | { readonly reason: 'duplicate'; readonly duplicate_of: string; readonly similarity: number };

export interface RejectedRecord extends EntryRecord {
  readonly rejection: Rejection;
}

/** A scored item as the worker hands it to the decider; the decider assigns its id. */
export interface ScoredItem extends EntryContent {
  /** Set by the worker for a near-duplicate of an existing entry or of an earlier item in the same batch. */
  readonly duplicateOf?:
    { readonly entryId: string; readonly similarity: number } | { readonly batchIndex: number; readonly similarity: number };
}

export interface FeedbackRecord {
  readonly feedbackId: string;
  readonly entryIds: readonly string[];
  readonly feedbackType: FeedbackType;
  readonly comments: string | null;
  readonly rating: number | null;
  readonly actor: string;
}

export type SplitAssignments = Readonly<Record<string, Split>>;

export interface GenerationResultSummary {
  readonly dataset_id: string;
  readonly entries_count: number;
  readonly rejected_count: number;
  readonly chunks_processed: number;
  readonly chunks_failed: number;
  readonly version: string;
}

/** Tokens a model call (or a chunk's calls) used, and their cost when a price table is configured. */
export interface Usage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number | null;
}

/** A model item that failed parsing or validation, kept with the reason. */
export interface InvalidItemRecord {
  readonly raw: unknown;
  readonly reason: string;
}

/** The dataset-level quality report, as computed by the generation library (an opaque record here). */
export type QualityReport = Readonly<Record<string, unknown>>;

/** A benchmark run's scores (suite, model, exact match and F1 closed-book and with context). */
export type BenchmarkResult = Readonly<{ suite: string; model: string } & Record<string, unknown>>;
