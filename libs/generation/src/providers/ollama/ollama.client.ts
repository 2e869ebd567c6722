import { Ollama, type ChatResponse, type Options } from 'ollama';
import { ModelCallError, type Completion, type CompletionRequest, type TextModelClient } from '../../remote/text-model-client';
import { httpCallError, toModelCallError } from './ollama-errors';
import { ollamaQualifiedModel, ollamaWireModel } from './model-names';

type FetchFn = typeof globalThis.fetch;

export interface OllamaClientConfig {
  /** OLLAMA_HOST, e.g. `http://127.0.0.1:11434` (the `ollama` package does not read the variable itself). */
  readonly host: string;
  /** Extra headers on every request (e.g. Authorization for a proxy). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The fetch to use; globalThis.fetch (looked up per call) when absent. */
  readonly fetch?: typeof globalThis.fetch;
}

/**
 * Ollama through the `ollama` package: one non-streaming `chat` per call, with `format` set to the JSON schema
 * (structured outputs). A client is made per call: the package sends no signal with non-streaming requests and
 * its `abort()` only reaches streams, so the request's signal goes in through the fetch it is given. That fetch
 * also turns an HTTP error into a ModelCallError with the response's headers, before the package sees it.
 */
export class OllamaClient implements TextModelClient {
  readonly provider = 'ollama' as const;
  /** The model as named for datasets, e.g. `ollama:llama3.1:8b`. */
  readonly model: string;
  /** The model sent to Ollama, e.g. `llama3.1:8b`. */
  readonly wireModel: string;

  constructor(
    private readonly config: OllamaClientConfig,
    modelName: string,
  ) {
    this.wireModel = ollamaWireModel(modelName);
    this.model = ollamaQualifiedModel(this.wireModel);
  }

  async complete(request: CompletionRequest): Promise<Completion> {
    const signal = request.signal;
    const baseFetch = this.config.fetch ?? globalThis.fetch;
    const callFetch: FetchFn = async (input, init) => {
      const response = await baseFetch(input, { ...init, signal });
      if (!response.ok) throw httpCallError(response.status, response.headers, await response.text().catch(() => ''));
      return response;
    };
    const ollama = new Ollama({
      host: this.config.host,
      fetch: callFetch,
      ...(this.config.headers ? { headers: { ...this.config.headers } } : {}),
    });
    const options: Partial<Options> = {
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.maxTokens !== undefined ? { num_predict: request.maxTokens } : {}),
    };
    let response: ChatResponse;
    try {
      if (signal.aborted) throw signal.reason;
      response = await ollama.chat({
        model: this.wireModel,
        messages: [{ role: 'user', content: request.prompt }],
        format: request.jsonSchema,
        stream: false,
        ...(Object.keys(options).length > 0 ? { options } : {}),
      });
    } catch (error) {
      throw toModelCallError(error, signal);
    }
    if (typeof response.message?.content !== 'string')
      throw new ModelCallError('ollama answered without message.content', null, null, false);
    return {
      text: response.message.content,
      usage: { inputTokens: response.prompt_eval_count ?? 0, outputTokens: response.eval_count ?? 0 },
      model: response.model ? ollamaQualifiedModel(response.model) : this.model,
    };
  }
}

/** An Ollama client for a model name as users write it (`ollama`, `ollama:llama3.1:8b`). */
export const createOllamaClient = (config: OllamaClientConfig, modelName: string): OllamaClient => new OllamaClient(config, modelName);
