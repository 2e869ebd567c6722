/**
 * The seam between the generic remote provider (retries, limiting, parsing) and
 * one vendor's wire protocol (Gemini, Ollama, OpenAI-compatible).
 */
export interface CompletionRequest {
  readonly prompt: string;
  /** JSON schema the response must follow (vendors that support structured output pass it on). */
  readonly jsonSchema: Readonly<Record<string, unknown>>;
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly signal: AbortSignal; // aborted on timeout, cancellation or shutdown
}

export interface Completion {
  readonly text: string;
  readonly usage: { readonly inputTokens: number; readonly outputTokens: number };
  readonly model: string;
}

/** One vendor's wire protocol. Throws ModelCallError for HTTP failures. Knows nothing of retries or parsing. */
export interface TextModelClient {
  readonly provider: 'gemini' | 'ollama' | 'openai';
  readonly model: string;
  complete(request: CompletionRequest): Promise<Completion>;
}

/**
 * A failed model call.
 * - status: HTTP status, or null for network errors and timeouts.
 * - retryAfterMs: server hint (Retry-After seconds or HTTP-date, or a vendor hint), null if none.
 * - retryable: true for 429, 5xx, timeouts and network errors.
 */
export class ModelCallError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterMs: number | null,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'ModelCallError';
  }
}
