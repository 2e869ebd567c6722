import type { GenerationConfig } from '@compileo/domain';
import { buildPrompt, type BuiltPrompt } from './build-prompt';

/**
 * The prompt a generation request sends for one chunk: what a job renders, and what a dry run counts.
 * `negatives` is how many of the `count` items the job allocated to this chunk as negatives.
 */
export const chunkPrompt = (
  config: Pick<GenerationConfig, 'generation_mode' | 'prompt_name' | 'custom_prompt' | 'parameters'>,
  categories: readonly string[] | null,
  count: number,
  chunkText: string,
  negatives: number,
): BuiltPrompt =>
  buildPrompt({
    mode: config.generation_mode,
    promptName: config.prompt_name,
    customPrompt: config.custom_prompt,
    parameters: config.parameters,
    categories,
    count,
    negatives,
    chunkText,
  });
