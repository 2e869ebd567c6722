export {
  type GenerationRequest,
  type GenerationResult,
  type InvalidItem,
  type ModelProvider,
  type SourceChunk,
  type TokenUsage,
} from './model-provider.port';
export { resolveChunkOptions, type ResolvedChunkOptions } from './chunking/chunk-options';
export { chunkDocument, chunkDocumentSliced } from './chunking/markdown-chunker';
export { PROMPT_NAMES, isKnownPromptName } from './prompts/render-prompt';
export { DEFAULT_PROMPTS_RESPONSE, HIGH_LEVEL_PROMPT_OPTIONS } from './prompts/default-prompts';
export { buildPrompt } from './prompts/build-prompt';
export { estimateDifficulty, difficultyScore } from './text/difficulty';
export { pickCategory, FALLBACK_CATEGORY, DEFAULT_CATEGORY } from './providers/extractive/category-picker';
export { scoreItem } from './quality/quality-scorer';
export { dedupText } from './dedup/near-duplicate';
export { DuplicateIndex, type DuplicateMatch } from './dedup/duplicate-index';
export { assignSplits, assignSplitsSliced, findSplitLeaks } from './splits/split-assigner';
export { isKnownModelName, ModelRegistry, type ResolvedModel } from './providers/model-registry';
export { BENCHMARK_SUITES, isBenchmarkSuite, runQaBenchmark } from './evaluation/qa-benchmark';
export { ModelReplyError, parseJsonReply, type JsonReply } from './evaluation/model-reply';
export { combineScores } from './judge/rubric';
export { type Judge } from './judge/model-judge';
export { datasetReport, datasetReportSliced } from './report/dataset-report';
export { runInSlices, type Sliced } from './slicing/sliced';
export { NEGATIVE_ASPECTS, negativeDrafts } from './providers/extractive/negative-drafts';
export { asAugmentation, augmentItems } from './augmentation/augment-items';
export { SYNONYMS } from './augmentation/synonyms';
export { chunkPrompt } from './prompts/chunk-prompt';
export {
  estimateGeneration,
  estimateTokens,
  DEFAULT_CALL_LATENCY_MS,
  OUTPUT_TOKENS_PER_ITEM,
  type GenerationEstimate,
  type JobTiming,
} from './estimate/generation-estimate';
