import type { GenerationMode } from '../values';

/** Modes whose items can be negative (a question the text does not answer); a summary cannot be. */
export const NEGATIVE_MODES: ReadonlySet<GenerationMode> = new Set(['default', 'qa_pairs', 'question', 'answer', 'instruction']);

/** A ratio as a share in 0..1: absent, NaN or negative → 0; above 1 → 1. */
const clampShare = (ratio: number | null | undefined): number =>
  typeof ratio === 'number' && Number.isFinite(ratio) && ratio > 0 ? Math.min(1, ratio) : 0;

/** Half-up rounding that forgives binary fractions (3 × 0.7 × 5 is 10.499999999999998, meant as 10.5). */
const roundHalfUp = (x: number): number => Math.floor(x + 0.5 + 1e-9);

/**
 * How many of chunk `chunkIndex`'s `perChunk` items hold a share (`negativity_ratio`) that is allocated over
 * the whole job, not rounded per chunk (issue 8: 0.1 of 3 items a chunk rounded to 0 negatives everywhere).
 *
 * Largest remainder (Hamilton): every chunk's quota is q = perChunk × ratio; the job holds round(N × q)
 * items (half up) for N chunks, each chunk gets ⌊q⌋, and the items left over go to the chunks with the
 * largest remainders. All quotas are equal, so all remainders tie; the tie is broken by chunk index so the
 * extra items are spread evenly: the k-th goes to the chunk where the running quota first reaches it. That
 * is cumulative rounding, chunk i gets round((i + 1) × q) − round(i × q), so:
 *  - any prefix of chunks 0..n−1 holds round(n × q), within half an item of its share (so within one entry);
 *  - each chunk holds ⌊q⌋ or ⌈q⌉, never more than `perChunk`;
 *  - the count depends only on the chunk's index, never on which chunks ran first or how many were left
 *    after a restart: a resumed or redelivered job allocates exactly as the first attempt did.
 */
export const shareForChunk = (ratio: number | null | undefined, perChunk: number, chunkIndex: number): number => {
  const q = Math.max(0, Math.floor(perChunk)) * clampShare(ratio);
  if (q === 0 || chunkIndex < 0) return 0;
  return roundHalfUp((chunkIndex + 1) * q) - roundHalfUp(chunkIndex * q);
};

/** The items of a job of `chunks` chunks that hold the share: Σ shareForChunk = round(chunks × perChunk × ratio). */
export const shareOfJob = (ratio: number | null | undefined, perChunk: number, chunks: number): number =>
  roundHalfUp(Math.max(0, chunks) * Math.max(0, Math.floor(perChunk)) * clampShare(ratio));

/** The negatives (`negativity_ratio`) chunk `chunkIndex` of a generation asks for; none in a mode without negatives. */
export const negativesForChunk = (
  config: {
    readonly generation_mode: GenerationMode;
    readonly datasets_per_chunk: number;
    readonly parameters: { readonly negativity_ratio?: number };
  },
  chunkIndex: number,
): number =>
  NEGATIVE_MODES.has(config.generation_mode) ? shareForChunk(config.parameters.negativity_ratio, config.datasets_per_chunk, chunkIndex) : 0;
