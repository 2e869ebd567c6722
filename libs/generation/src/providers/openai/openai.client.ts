import OpenAI from 'openai';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { ModelCallError, type Completion, type CompletionRequest, type TextModelClient } from '../../remote/text-model-client';
import { openaiQualifiedModel, openaiWireModel } from './model-names';
import { toModelCallError } from './openai-errors';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export interface OpenAIClientConfig {
  /** OPENAI_BASE_URL, including the version path (e.g. `http://127.0.0.1:8000/v1`); the public API when absent. */
  readonly baseUrl?: string;
  /** OPENAI_API_KEY; local OpenAI-compatible servers usually need none (`not-needed` is sent). */
  readonly apiKey?: string;
  /** The SDK's per-request timeout; its default (10 minutes) when absent. */
  readonly timeoutMs?: number;
  /**
   * Which body field carries `maxTokens`: `max_tokens` (default; what OpenAI-compatible servers such as vLLM,
   * llama.cpp and LM Studio read) or `max_completion_tokens` (what OpenAI's reasoning models require).
   */
  readonly maxTokensParameter?: 'max_tokens' | 'max_completion_tokens';
  /** The fetch to use; globalThis.fetch (looked up per call) when absent. */
  readonly fetch?: typeof globalThis.fetch;
}

/** Name of the response_format JSON schema. */
export const OPENAI_SCHEMA_NAME = 'items';

/**
 * An OpenAI-compatible chat completions endpoint through the official `openai` package: one non-streaming
 * `chat.completions.create` per call with `response_format: json_schema`. `maxRetries: 0`: the caller retries.
 */
export class OpenAIClient implements TextModelClient {
  readonly provider = 'openai' as const;
  /** The model as named for datasets, e.g. `openai:gpt-4o-mini`. */
  readonly model: string;
  /** The model sent to the API, e.g. `gpt-4o-mini`. */
  readonly wireModel: string;
  private readonly openai: OpenAI;

  constructor(
    private readonly config: OpenAIClientConfig,
    modelName: string,
  ) {
    this.wireModel = openaiWireModel(modelName);
    this.model = openaiQualifiedModel(this.wireModel);
    this.openai = new OpenAI({
      // Everything explicit: the SDK would otherwise read OPENAI_BASE_URL, OPENAI_ORG_ID and OPENAI_PROJECT_ID itself.
      baseURL: config.baseUrl ?? OPENAI_DEFAULT_BASE_URL,
      apiKey: config.apiKey ?? 'not-needed',
      organization: null,
      project: null,
      maxRetries: 0,
      ...(config.timeoutMs !== undefined ? { timeout: config.timeoutMs } : {}),
      fetch: (input, init) => (config.fetch ?? globalThis.fetch)(input, init),
    });
  }

  async complete(request: CompletionRequest): Promise<Completion> {
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: this.wireModel,
      messages: [{ role: 'user', content: request.prompt }],
      response_format: { type: 'json_schema', json_schema: { name: OPENAI_SCHEMA_NAME, schema: { ...request.jsonSchema } } },
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.maxTokens !== undefined ? { [this.config.maxTokensParameter ?? 'max_tokens']: request.maxTokens } : {}),
      stream: false,
    };
    let completion: ChatCompletion;
    try {
      completion = await this.openai.chat.completions.create(body, { signal: request.signal, maxRetries: 0 });
    } catch (error) {
      throw toModelCallError(error, request.signal);
    }
    const message = completion.choices[0]?.message;
    if (typeof message?.content !== 'string') {
      const why = message?.refusal
        ? `refused: ${message.refusal}`
        : `no content (finish_reason ${completion.choices[0]?.finish_reason ?? 'none'})`;
      throw new ModelCallError(`openai answered with ${why}`, null, null, false);
    }
    return {
      text: message.content,
      usage: { inputTokens: completion.usage?.prompt_tokens ?? 0, outputTokens: completion.usage?.completion_tokens ?? 0 },
      model: completion.model ? openaiQualifiedModel(completion.model) : this.model,
    };
  }
}

/** An OpenAI-compatible client for a model name as users write it (`openai:gpt-4o-mini`, `openai:Qwen/Qwen2.5-7B-Instruct`). */
export const createOpenAIClient = (config: OpenAIClientConfig, modelName: string): OpenAIClient => new OpenAIClient(config, modelName);
