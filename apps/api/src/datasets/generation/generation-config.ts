import type { GenerationConfig, PromptParameters } from '@compileo/domain';
import type { GenerateInput } from './generate.schema';

const PARAMETER_KEYS = [
  'purpose',
  'audience',
  'extraction_rules',
  'question_style',
  'answer_style',
  'negativity_ratio',
  'data_augmentation',
  'custom_audience',
  'custom_purpose',
  'complexity_level',
  'domain',
] as const;

/** The project's saved parameters with the request's inline ones on top. */
export const mergeParameters = (saved: PromptParameters | null, input: GenerateInput): PromptParameters => {
  const merged: Record<string, unknown> = {};
  for (const key of PARAMETER_KEYS) {
    const value = input[key] !== undefined ? input[key] : saved?.[key];
    if (value !== undefined) merged[key] = value;
  }
  return merged;
};

/** The normalised config recorded with the dataset: every default applied, ids as text. */
export const generationConfig = (
  input: GenerateInput,
  resolved: {
    readonly classificationModel: string;
    readonly formatType: GenerationConfig['format_type'];
    readonly parameters: PromptParameters;
  },
): GenerationConfig => ({
  prompt_name: input.prompt_name,
  custom_prompt: input.custom_prompt,
  generation_mode: input.generation_mode,
  format_type: resolved.formatType,
  concurrency: input.concurrency,
  include_evaluation_sets: input.include_evaluation_sets,
  taxonomy_project: input.taxonomy_project === null ? null : String(input.taxonomy_project),
  taxonomy_name: input.taxonomy_name,
  output_dir: input.output_dir,
  analyze_quality: input.analyze_quality,
  quality_threshold: input.quality_threshold,
  enable_versioning: input.enable_versioning,
  dataset_name: input.dataset_name,
  run_benchmarks: input.run_benchmarks,
  benchmark_suite: input.benchmark_suite,
  parsing_model: input.parsing_model,
  chunking_model: input.chunking_model,
  classification_model: resolved.classificationModel,
  datasets_per_chunk: input.datasets_per_chunk,
  parameters: resolved.parameters,
});
