import { ApiError, FinishReason, GoogleGenAI, type GenerateContentConfig, type GenerateContentResponse } from '@google/genai';
import { ModelCallError, type Completion, type CompletionRequest, type TextModelClient } from '../../remote/text-model-client';
import { toModelCallError } from './gemini-errors';
import { geminiWireModel } from './model-names';

type FetchFn = typeof globalThis.fetch;

export interface GeminiClientConfig {
  /** GEMINI_API_KEY; sent as `x-goog-api-key`. */
  readonly apiKey: string;
  /** GEMINI_BASE_URL (an origin, the SDK appends `/v1beta/models/...`); the public endpoint when absent. */
  readonly baseUrl?: string;
  /** A per-attempt timeout the SDK enforces on top of the request's signal. */
  readonly timeoutMs?: number;
  /** The fetch to use; globalThis.fetch (looked up per call) when absent. */
  readonly fetch?: typeof globalThis.fetch;
}

interface SeenResponse {
  status: number;
  headers: Headers;
}

/**
 * Gemini through the official `@google/genai` SDK: one `models.generateContent` per call, with JSON output
 * constrained by `responseSchema`. The SDK's own retries stay off (no `retryOptions`): the caller retries.
 */
export class GeminiClient implements TextModelClient {
  readonly provider = 'gemini' as const;
  /** The model as named for datasets and sent to the API, e.g. `gemini-2.5-flash`. */
  readonly model: string;
  /** The model sent to the API: the same as `model` for Gemini. */
  readonly wireModel: string;
  private readonly ai: GoogleGenAI;

  constructor(
    private readonly config: GeminiClientConfig,
    modelName: string,
  ) {
    this.wireModel = geminiWireModel(modelName);
    this.model = this.wireModel;
    this.ai = new GoogleGenAI({
      apiKey: config.apiKey,
      // Explicit, so that GOOGLE_GENAI_USE_VERTEXAI / GOOGLE_GENAI_USE_ENTERPRISE in the environment cannot switch backends.
      vertexai: false,
      httpOptions: {
        ...(config.baseUrl !== undefined ? { baseUrl: config.baseUrl } : {}),
        ...(config.timeoutMs !== undefined ? { timeout: config.timeoutMs } : {}),
        fetch: (input: string | URL | Request, init?: RequestInit) => (config.fetch ?? globalThis.fetch)(input, init),
      },
    });
  }

  async complete(request: CompletionRequest): Promise<Completion> {
    // The SDK's ApiError has the status and body but not the headers: a per-call fetch wrapper keeps them for Retry-After.
    let seen: SeenResponse | null = null;
    const recordingFetch: FetchFn = async (input, init) => {
      const response = await (this.config.fetch ?? globalThis.fetch)(input, init);
      seen = { status: response.status, headers: response.headers };
      return response;
    };
    const generationConfig: GenerateContentConfig = {
      responseMimeType: 'application/json',
      responseSchema: request.jsonSchema,
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.maxTokens !== undefined ? { maxOutputTokens: request.maxTokens } : {}),
      abortSignal: request.signal,
      httpOptions: { fetch: recordingFetch },
    };
    let response: GenerateContentResponse;
    try {
      response = await this.ai.models.generateContent({ model: this.model, contents: request.prompt, config: generationConfig });
    } catch (error) {
      const last = seen as SeenResponse | null;
      const http = error instanceof ApiError ? { status: error.status, headers: last?.headers ?? null, bodyText: error.message } : null;
      throw toModelCallError('gemini', error, request.signal, http);
    }
    return this.toCompletion(response);
  }

  private toCompletion(response: GenerateContentResponse): Completion {
    const candidate = response.candidates?.[0];
    const text = (candidate?.content?.parts ?? [])
      .filter((part) => typeof part.text === 'string' && part.thought !== true)
      .map((part) => part.text ?? '')
      .join('');
    const usage = {
      inputTokens: response.usageMetadata?.promptTokenCount ?? 0,
      outputTokens: response.usageMetadata?.candidatesTokenCount ?? 0,
    };
    const finishReason = candidate?.finishReason;
    if (
      text === '' &&
      (response.promptFeedback?.blockReason !== undefined ||
        (finishReason !== undefined && finishReason !== FinishReason.STOP && finishReason !== FinishReason.MAX_TOKENS))
    ) {
      const why =
        response.promptFeedback?.blockReason !== undefined
          ? `prompt blocked (${response.promptFeedback.blockReason})`
          : `finishReason ${finishReason}`;
      throw new ModelCallError(`gemini returned no text: ${why}`, null, null, false);
    }
    return { text, usage, model: response.modelVersion ?? this.model };
  }
}

/** A Gemini client for a model name as users write it (`gemini`, `gemini-2.5-pro`). */
export const createGeminiClient = (config: GeminiClientConfig, modelName: string): GeminiClient => new GeminiClient(config, modelName);
