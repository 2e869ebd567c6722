import { ValidationError, type FieldProblem } from '@compileo/domain';

/** Defaults in characters: ~1500 characters is ~300-400 tokens, small enough for several items per call. */
export const DEFAULT_CHUNK_SIZE = 1500;
export const DEFAULT_CHUNK_OVERLAP = 150;
export const MIN_CHUNK_SIZE = 100;
export const MAX_CHUNK_SIZE = 20000;

export interface ChunkOptions {
  readonly chunkSize?: number;
  readonly chunkOverlap?: number;
}

export interface ResolvedChunkOptions {
  readonly chunkSize: number;
  readonly chunkOverlap: number;
}

/** Applies defaults and validates; every problem is reported at once, named by its API field. */
export const resolveChunkOptions = (options: ChunkOptions = {}): ResolvedChunkOptions => {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  // An omitted overlap never invalidates an explicit small size: it shrinks to a tenth of the size.
  const chunkOverlap = options.chunkOverlap ?? Math.min(DEFAULT_CHUNK_OVERLAP, Math.floor(chunkSize / 10));
  const problems: FieldProblem[] = [];
  const sizeOk = Number.isInteger(chunkSize) && chunkSize >= MIN_CHUNK_SIZE && chunkSize <= MAX_CHUNK_SIZE;
  if (!sizeOk) {
    problems.push({ field: 'chunk_size', message: `must be an integer from ${MIN_CHUNK_SIZE} to ${MAX_CHUNK_SIZE}` });
  }
  if (!Number.isInteger(chunkOverlap) || chunkOverlap < 0) {
    problems.push({ field: 'chunk_overlap', message: 'must be a non-negative integer' });
  } else if (sizeOk && chunkOverlap >= chunkSize) {
    problems.push({ field: 'chunk_overlap', message: 'must be smaller than chunk_size' });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return { chunkSize, chunkOverlap };
};
