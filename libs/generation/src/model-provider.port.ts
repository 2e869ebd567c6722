import type { GeneratedItem, GenerationMode, PromptParameters } from '@compileo/domain';

/** One chunk of source text as the generator sees it. */
export interface SourceChunk {
  readonly id: string;
  readonly text: string;
  /** The nearest Markdown heading above the chunk, if any. */
  readonly heading: string | null;
  readonly documentName: string;
  /** Where the chunk sits in its document (e.g. `page_start`, `page_end`), copied into each entry's metadata. */
  readonly location?: Readonly<Record<string, unknown>>;
}

export interface GenerationRequest {
  readonly chunk: SourceChunk;
  readonly mode: GenerationMode;
  /** How many items to return (datasets_per_chunk, or 1 for a regeneration). */
  readonly count: number;
  /**
   * How many of the `count` items must be negative (questions the text does not answer): the job's
   * allocation of `negativity_ratio` over its chunks. Absent for a call outside a job: round(count × ratio).
   */
  readonly negatives?: number;
  /** The fully rendered prompt (template, parameters, categories and chunk text). */
  readonly prompt: string;
  readonly promptName: string;
  /** Flattened taxonomy categories; null when no taxonomy is named. */
  readonly categories: readonly string[] | null;
  readonly parameters: PromptParameters;
  /** Distinguishes regenerations of the same chunk so that a new revision differs from the old one. */
  readonly variant: number;
  /** Texts already generated from this chunk that the model should not repeat. */
  readonly avoid: readonly string[];
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly signal?: AbortSignal;
}

export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** An item the model returned that failed parsing or the item schema: kept with its reason, never dropped silently. */
export interface InvalidItem {
  readonly raw: unknown;
  readonly reason: string;
}

export interface GenerationResult {
  readonly items: readonly GeneratedItem[];
  /** The concrete model that answered, e.g. `extractive` or `gemini-2.5-flash`. */
  readonly model: string;
  /**
   * The prompt the items really follow, when it is not the one rendered for the request: a provider that
   * reads no prompt text (extractive) reports the mode's template rather than `custom`.
   */
  readonly promptName?: string;
  /** Tokens spent on this request, all calls and retries included; absent for offline providers. */
  readonly usage?: TokenUsage;
  readonly invalid?: readonly InvalidItem[];
  /** Model calls made (retries and top-ups included). */
  readonly calls?: number;
}

/** A model provider: turns one chunk into items. Providers never see ids, scores or events. */
export interface ModelProvider {
  readonly name: string;
  generate(request: GenerationRequest): Promise<GenerationResult>;
}
