/**
 * A dry run's arithmetic: model calls, tokens, cost and duration of a generation before it starts. Tokens
 * are estimated at 4 characters each (the usual rule for English with BPE tokenisers), output at
 * OUTPUT_TOKENS_PER_ITEM per item; duration from the model's observed per-call latency when recent jobs
 * ran on it, else a stated default.
 */
export const CHARS_PER_TOKEN = 4;
export const OUTPUT_TOKENS_PER_ITEM = 120;
/** A judge call reads the chunk and the item and answers with a short JSON rating. */
export const JUDGE_OUTPUT_TOKENS = 60;
/** Per-call latency assumed without observations: the offline model answers at once; a remote model in seconds. */
export const DEFAULT_CALL_LATENCY_MS = { offline: 5, remote: 3000 } as const;
/** Share of entries in the test split that a `qa` benchmark asks the model about, twice (closed-book, with context). */
const TEST_SHARE = 0.15;

export const estimateTokens = (text: string): number => Math.ceil(text.length / CHARS_PER_TOKEN);

/** A finished job as the read model timed it: steps (chunks) done in its last attempt, how long it took, at what concurrency. */
export interface JobTiming {
  readonly steps: number;
  readonly elapsedMs: number;
  readonly concurrency: number;
}

export interface EstimateInput {
  /** Each chunk's rendered prompt, in tokens. */
  readonly promptTokens: readonly number[];
  /** Each chunk's own text, in tokens (what a judge call reads). */
  readonly chunkTokens: readonly number[];
  readonly itemsPerChunk: number;
  /** `data_augmentation` adds a variant of each item (which the judge scores too). */
  readonly augmented: boolean;
  readonly judged: boolean;
  readonly benchmarked: boolean;
  readonly concurrency: number;
  readonly offline: boolean;
  readonly timings: readonly JobTiming[];
}

export interface GenerationEstimate {
  readonly entries: number;
  readonly calls: { readonly generation: number; readonly judge: number; readonly benchmark: number; readonly total: number };
  readonly generationTokens: { readonly input: number; readonly output: number };
  readonly judgeTokens: { readonly input: number; readonly output: number };
  readonly latency: { readonly msPerCall: number; readonly basis: 'observed' | 'default'; readonly jobs: number };
  readonly durationMs: number;
}

/** Per-call latency from timed jobs: their wall time times their concurrency, over their calls. */
export const observedLatencyMs = (timings: readonly JobTiming[]): number | null => {
  const steps = timings.reduce((n, j) => n + j.steps, 0);
  if (steps === 0) return null;
  return timings.reduce((ms, j) => ms + j.elapsedMs * j.concurrency, 0) / steps;
};

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

export const estimateGeneration = (e: EstimateInput): GenerationEstimate => {
  const chunks = e.promptTokens.length;
  const items = chunks * e.itemsPerChunk;
  const entries = e.augmented ? items * 2 : items;
  const judgePerItem = e.augmented ? 2 : 1;
  const judge = e.judged ? entries : 0;
  const benchmark = e.benchmarked ? 2 * Math.round(entries * TEST_SHARE) : 0;
  const observed = observedLatencyMs(e.timings);
  const msPerCall = observed ?? (e.offline ? DEFAULT_CALL_LATENCY_MS.offline : DEFAULT_CALL_LATENCY_MS.remote);
  return {
    entries,
    calls: { generation: chunks, judge, benchmark, total: chunks + judge + benchmark },
    generationTokens: { input: sum(e.promptTokens), output: items * OUTPUT_TOKENS_PER_ITEM },
    judgeTokens: e.judged
      ? {
          input: e.itemsPerChunk * judgePerItem * sum(e.chunkTokens) + entries * OUTPUT_TOKENS_PER_ITEM,
          output: judge * JUDGE_OUTPUT_TOKENS,
        }
      : { input: 0, output: 0 },
    latency: { msPerCall: Math.round(msPerCall), basis: observed === null ? 'default' : 'observed', jobs: e.timings.length },
    durationMs: Math.round(Math.ceil(chunks / Math.max(1, e.concurrency)) * msPerCall),
  };
};
