import {
  bodyField,
  defaultOutputTokens,
  errorHeaders,
  startVendorFake,
  type FakeReply,
  type FakeServer,
  type RecordedRequest,
  type Script,
} from './fake-http-server';

export interface FakeGeminiOptions {
  /** When set, requests without this `x-goog-api-key` get Gemini's 400 API_KEY_INVALID. */
  readonly apiKey?: string;
}

const GRPC_STATUS: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

const ROUTE = /^\/(v1|v1beta|v1alpha)\/models\/([^/:]+):generateContent$/;

/** The model named in a recorded generateContent path, e.g. `gemini-2.5-flash`. */
export const geminiRequestModel = (path: string): string => ROUTE.exec(path.split('?')[0] ?? '')?.[2] ?? '';

/**
 * A loopback stand-in for the Gemini API (`POST /v1beta/models/{model}:generateContent`), answering in its
 * documented JSON: candidates[].content.parts[].text, usageMetadata, and errors as `{error: {code, message, status, details}}`.
 * Point `@google/genai` at it with `httpOptions.baseUrl = url`.
 */
export const startFakeGemini = (script: Script<FakeReply>, options: FakeGeminiOptions = {}): Promise<FakeServer> =>
  startVendorFake(
    script,
    { method: 'POST', path: ROUTE },
    (reply, request) => {
      if (reply.kind === 'complete') {
        const inputTokens = reply.inputTokens ?? 12;
        const outputTokens = reply.outputTokens ?? defaultOutputTokens(reply.text);
        return {
          status: 200,
          delayMs: reply.delayMs,
          body: {
            candidates: [
              { content: { parts: [{ text: reply.text }], role: 'model' }, finishReason: reply.finishReason ?? 'STOP', index: 0 },
            ],
            usageMetadata: {
              promptTokenCount: inputTokens,
              candidatesTokenCount: outputTokens,
              totalTokenCount: inputTokens + outputTokens,
            },
            modelVersion: reply.model ?? geminiRequestModel(request.path),
            responseId: `fake-${Date.now().toString(36)}`,
          },
        };
      }
      const details =
        reply.retryDelay !== undefined ? [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: reply.retryDelay }] : [];
      return {
        status: reply.status,
        delayMs: reply.delayMs,
        headers: errorHeaders(reply),
        body: {
          error: {
            code: reply.status,
            message: reply.message ?? `fake gemini error ${reply.status}`,
            status: GRPC_STATUS[reply.status] ?? 'UNKNOWN',
            details,
          },
        },
      };
    },
    (request) => {
      if (options.apiKey === undefined || request.headers['x-goog-api-key'] === options.apiKey) return null;
      return {
        status: 400,
        body: {
          error: {
            code: 400,
            message: 'API key not valid. Please pass a valid API key.',
            status: 'INVALID_ARGUMENT',
            details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }],
          },
        },
      };
    },
  );

/** `generationConfig` of a recorded generateContent request body. */
export const geminiGenerationConfig = (request: RecordedRequest): Record<string, unknown> => {
  const config = bodyField(request, 'generationConfig');
  return typeof config === 'object' && config !== null ? (config as Record<string, unknown>) : {};
};
