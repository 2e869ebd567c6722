import type {
  DatasetCommand,
  DatasetEvent,
  Difficulty,
  GenerationConfig,
  RegenerationConfig,
  RequestGeneration,
  ScoredItem,
} from '@compileo/domain';

/** Builders of domain commands and values for tests: valid defaults, overridable field by field. */
export const NOW = '2025-01-01T00:00:00.000Z';

/** An ISO time `seconds` after NOW; deterministic, so replays and rebuilds compare equal. */
export const at = (seconds: number): string => new Date(Date.parse(NOW) + seconds * 1000).toISOString();

export const generationConfig = (overrides: Partial<GenerationConfig> = {}): GenerationConfig => ({
  prompt_name: 'default',
  custom_prompt: null,
  generation_mode: 'default',
  format_type: 'jsonl',
  concurrency: 1,
  include_evaluation_sets: false,
  taxonomy_project: null,
  taxonomy_name: null,
  output_dir: '.',
  analyze_quality: false,
  quality_threshold: 0.5,
  enable_versioning: false,
  dataset_name: null,
  run_benchmarks: false,
  benchmark_suite: 'none',
  parsing_model: 'extractive',
  chunking_model: 'extractive',
  classification_model: 'extractive',
  datasets_per_chunk: 3,
  parameters: {},
  ...overrides,
});

export const requestGeneration = (overrides: Partial<Omit<RequestGeneration, 'type'>> = {}): RequestGeneration => ({
  type: 'RequestGeneration',
  datasetId: 'ds-1',
  jobId: 'job-1',
  projectId: 'project-1',
  name: 'dataset one',
  version: '1.0.0',
  config: generationConfig(),
  model: 'extractive',
  taxonomyId: null,
  categories: null,
  chunkIds: ['chunk-a', 'chunk-b', 'chunk-c'],
  splitSeed: 'seed-1',
  now: NOW,
  ...overrides,
});

export const item = (question: string, overrides: Partial<ScoredItem> = {}): ScoredItem => ({
  question,
  answer: `answer to ${question}`,
  category: 'General',
  difficulty: 'intermediate' satisfies Difficulty,
  qualityScore: 0.9,
  qualityComponents: { clarity: 0.9 },
  metadata: { model: 'extractive' },
  ...overrides,
});

export const recordChunk = (
  chunkIndex: number,
  items: readonly ScoredItem[],
  overrides: Partial<Omit<Extract<DatasetCommand, { type: 'RecordChunk' }>, 'type'>> = {},
): Extract<DatasetCommand, { type: 'RecordChunk' }> => ({
  type: 'RecordChunk',
  jobId: 'job-1',
  chunkIndex,
  chunkId: `chunk-${chunkIndex}`,
  items,
  invalid: [],
  usage: null,
  failure: null,
  now: NOW,
  ...overrides,
});

export const regenerationConfig = (overrides: Partial<RegenerationConfig> = {}): RegenerationConfig => ({
  model: 'extractive',
  temperature: null,
  max_tokens: null,
  improve_quality: false,
  ...overrides,
});

/** Narrows an event list to the one event of type `type`, failing loudly otherwise. */
export const only = <T extends DatasetEvent['type']>(events: readonly DatasetEvent[], type: T): Extract<DatasetEvent, { type: T }> => {
  if (events.length !== 1 || events[0].type !== type)
    throw new Error(`expected one ${type}, got ${events.map((e) => e.type).join(', ') || 'none'}`);
  return events[0] as Extract<DatasetEvent, { type: T }>;
};
