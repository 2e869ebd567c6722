import {
  bodyField,
  defaultOutputTokens,
  errorHeaders,
  startVendorFake,
  type FakeReply,
  type FakeServer,
  type Script,
} from './fake-http-server';

export interface FakeOpenAIOptions {
  /** When set, requests without `Authorization: Bearer <apiKey>` get OpenAI's 401 invalid_api_key. */
  readonly apiKey?: string;
}

export interface FakeOpenAIServer extends FakeServer {
  /** `${url}/v1`: what OPENAI_BASE_URL would be. */
  readonly baseUrl: string;
}

const errorType = (status: number): string => (status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error');

/**
 * A loopback stand-in for an OpenAI-compatible `POST /v1/chat/completions` (non-streaming), answering with a
 * `chat.completion` object and errors as `{error: {message, type, param, code}}`. Point the `openai` client at `baseUrl`.
 */
export const startFakeOpenAI = async (script: Script<FakeReply>, options: FakeOpenAIOptions = {}): Promise<FakeOpenAIServer> => {
  const server = await startVendorFake(
    script,
    { method: 'POST', path: /^\/v1\/chat\/completions$/ },
    (reply, request) => {
      if (reply.kind === 'complete') {
        const requested = bodyField(request, 'model');
        const promptTokens = reply.inputTokens ?? 12;
        const completionTokens = reply.outputTokens ?? defaultOutputTokens(reply.text);
        return {
          status: 200,
          delayMs: reply.delayMs,
          headers: { 'x-request-id': `req_fake_${Date.now().toString(36)}` },
          body: {
            id: `chatcmpl-fake${Date.now().toString(36)}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: reply.model ?? (typeof requested === 'string' ? requested : ''),
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: reply.text, refusal: null },
                logprobs: null,
                finish_reason: reply.finishReason ?? 'stop',
              },
            ],
            usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
            system_fingerprint: 'fp_fake',
          },
        };
      }
      return {
        status: reply.status,
        delayMs: reply.delayMs,
        headers: errorHeaders(reply),
        body: {
          error: { message: reply.message ?? `fake openai error ${reply.status}`, type: errorType(reply.status), param: null, code: null },
        },
      };
    },
    (request) => {
      if (options.apiKey === undefined || request.headers.authorization === `Bearer ${options.apiKey}`) return null;
      return {
        status: 401,
        body: { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } },
      };
    },
  );
  return { ...server, requests: server.requests, close: () => server.close(), baseUrl: `${server.url}/v1` };
};
