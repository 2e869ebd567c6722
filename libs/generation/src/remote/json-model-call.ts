import { callResiliently, resolveResilience, type Resilience, type ResilienceOptions } from './resilient-call';
import type { Completion, TextModelClient } from './text-model-client';

export interface JsonModelCallOptions extends ResilienceOptions {
  /** The model as recorded with results; defaults to the client's model. */
  readonly model?: string;
  /** 0 by default: answers and grades should be as repeatable as the vendor allows. */
  readonly temperature?: number;
  /** None by default, because thinking models (Gemini 2.5) spend output tokens on thinking. */
  readonly maxTokens?: number;
}

/**
 * One JSON-schema question to a model with generation's resilience: a slot of the shared adaptive limiter,
 * a per-call timeout, retries of retryable ModelCallErrors. Used by the benchmark answerer and the judge.
 */
export class JsonModelCall {
  readonly model: string;
  private readonly resilience: Resilience;
  private readonly temperature: number;
  private readonly maxTokens: number | undefined;

  constructor(
    private readonly client: TextModelClient,
    options: JsonModelCallOptions = {},
  ) {
    this.model = options.model ?? client.model;
    this.resilience = resolveResilience(options);
    this.temperature = options.temperature ?? 0;
    this.maxTokens = options.maxTokens;
  }

  ask(prompt: string, jsonSchema: Readonly<Record<string, unknown>>, signal: AbortSignal): Promise<Completion> {
    return callResiliently(
      this.client,
      { prompt, jsonSchema, temperature: this.temperature, maxTokens: this.maxTokens, signal },
      this.resilience,
    );
  }
}
