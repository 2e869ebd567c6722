import type { DatasetState, GeneratedItem } from '@compileo/domain';
import { chunkPrompt, type InvalidItem, type ModelProvider, type SourceChunk, type TokenUsage } from '@compileo/generation';

type DatasetRequest = NonNullable<DatasetState['request']>;

export interface Draw {
  readonly count: number;
  /** How many of the `count` items must be negative: the job's allocation for this chunk. */
  readonly negatives: number;
  readonly variant: number;
  readonly avoid: readonly string[];
  readonly signal: AbortSignal;
  readonly temperature?: number;
  readonly maxTokens?: number;
}

export interface Drawn {
  readonly items: readonly GeneratedItem[];
  readonly model: string;
  readonly promptName: string;
  readonly usage: TokenUsage | null;
  readonly invalid: readonly InvalidItem[];
}

/** Renders the dataset's prompt for one chunk and asks the provider for `count` items. */
export const drawItems = async (provider: ModelProvider, request: DatasetRequest, chunk: SourceChunk, draw: Draw): Promise<Drawn> => {
  const { config } = request;
  const built = chunkPrompt(config, request.categories, draw.count, chunk.text, draw.negatives);
  const result = await provider.generate({
    chunk,
    mode: config.generation_mode,
    count: draw.count,
    negatives: draw.negatives,
    prompt: built.prompt,
    promptName: built.promptName,
    categories: request.categories,
    parameters: config.parameters,
    variant: draw.variant,
    avoid: draw.avoid,
    temperature: draw.temperature,
    maxTokens: draw.maxTokens,
    signal: draw.signal,
  });
  return {
    items: result.items,
    model: result.model,
    promptName: result.promptName ?? built.promptName,
    usage: result.usage ?? null,
    invalid: result.invalid ?? [],
  };
};

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
