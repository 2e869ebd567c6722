/** A chunk a generation would use, with its prompt's estimated size. */
export interface EstimatedChunkView {
  readonly id: string;
  readonly document_id: string;
  readonly file_name: string;
  readonly chunk_index: number;
  readonly char_count: number;
  readonly prompt_tokens: number;
}

/** `POST /generate` with `dry_run: true`: what the job would use and cost; nothing is recorded or started. */
export interface GenerationEstimateView {
  readonly dry_run: true;
  readonly message: string;
  readonly project_id: string;
  readonly model: string;
  readonly judge_model: string | null;
  readonly dataset_name: string | null;
  readonly version: string;
  readonly chunk_count: number;
  readonly chunks: readonly EstimatedChunkView[];
  readonly entries_requested: number;
  readonly model_calls: { readonly generation: number; readonly judge: number; readonly benchmark: number; readonly total: number };
  readonly estimated_tokens: { readonly input: number; readonly output: number; readonly total: number };
  /** From COMPILEO_PRICE_TABLE; null when a model that would be called has no price there. */
  readonly estimated_cost_usd: number | null;
  readonly estimated_duration: {
    readonly seconds: number;
    readonly latency_ms_per_call: number;
    /** `observed`: from the model's recently finished jobs (`observed_jobs` of them); `default`: the stated default. */
    readonly basis: 'observed' | 'default';
    readonly observed_jobs: number;
    readonly concurrency: number;
  };
  readonly assumptions: readonly string[];
}
