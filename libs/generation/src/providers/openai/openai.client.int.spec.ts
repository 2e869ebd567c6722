import type { CompletionRequest } from '../../remote/text-model-client';
import {
  caughtModelCallError,
  completionRequest,
  textModelClientContract,
  startFakeOpenAI,
  type FakeOpenAIServer,
  type FakeReply,
  type Script,
} from '../testing';
import { createOpenAIClient, OpenAIClient, type OpenAIClientConfig } from './openai.client';
import { openaiWireModel } from './model-names';

const SCHEMA = {
  type: 'object',
  properties: { items: { type: 'array', items: { type: 'object' } } },
  required: ['items'],
  additionalProperties: false,
} as const;

const request = (overrides: Partial<CompletionRequest> = {}): CompletionRequest =>
  completionRequest(SCHEMA, { temperature: 0.7, maxTokens: 512, ...overrides });
const caught = caughtModelCallError;

describe('OpenAIClient against a local OpenAI-compatible API', () => {
  let server: FakeOpenAIServer | null = null;
  const start = async (script: Script<FakeReply>): Promise<FakeOpenAIServer> => {
    server = await startFakeOpenAI(script, { apiKey: 'sk-test' });
    return server;
  };
  const client = (fake: FakeOpenAIServer, model = 'openai:gpt-4o-mini', extra: Partial<OpenAIClientConfig> = {}): OpenAIClient =>
    createOpenAIClient({ baseUrl: fake.baseUrl, apiKey: 'sk-test', ...extra }, model);

  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('maps model names', () => {
    expect(openaiWireModel('openai:gpt-4o-mini')).toBe('gpt-4o-mini');
    expect(openaiWireModel('openai:Qwen/Qwen2.5-7B-Instruct')).toBe('Qwen/Qwen2.5-7B-Instruct');
    expect(() => openaiWireModel('openai:')).toThrow(/names no model/);
    expect(() => openaiWireModel('gemini')).toThrow(/not an OpenAI-compatible model/);
  });

  it('returns text, usage and model, and sends the json_schema response format, temperature, max_tokens and key', async () => {
    const fake = await start({ kind: 'complete', text: '{"items":[]}', inputTokens: 50, outputTokens: 6, model: 'gpt-4o-mini-2024-07-18' });
    const openai = client(fake);
    expect(openai.provider).toBe('openai');
    expect(openai.model).toBe('openai:gpt-4o-mini');
    expect(openai.wireModel).toBe('gpt-4o-mini');

    const completion = await openai.complete(request());

    expect(completion).toEqual({
      text: '{"items":[]}',
      usage: { inputTokens: 50, outputTokens: 6 },
      model: 'openai:gpt-4o-mini-2024-07-18',
    });
    expect(fake.requests).toHaveLength(1);
    const [sent] = fake.requests;
    expect(sent?.path).toBe('/v1/chat/completions');
    expect(sent?.headers.authorization).toBe('Bearer sk-test');
    expect(sent?.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Write one question about the text.' }],
      response_format: { type: 'json_schema', json_schema: { name: 'items', schema: SCHEMA } },
      temperature: 0.7,
      max_tokens: 512,
      stream: false,
    });
  });

  it('sends max_completion_tokens when configured, omits unset options and works without a key', async () => {
    server = await startFakeOpenAI({ kind: 'complete', text: '{}' });
    const fake = server;
    await createOpenAIClient({ baseUrl: fake.baseUrl, maxTokensParameter: 'max_completion_tokens' }, 'openai:o4-mini').complete(
      request({ temperature: undefined }),
    );
    await createOpenAIClient({ baseUrl: fake.baseUrl }, 'openai:local').complete(request({ temperature: undefined, maxTokens: undefined }));
    expect(fake.requests[0]?.body).toMatchObject({ model: 'o4-mini', max_completion_tokens: 512 });
    expect(fake.requests[0]?.body).not.toHaveProperty('max_tokens');
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer not-needed');
    expect(fake.requests[1]?.body).not.toHaveProperty('temperature');
    expect(fake.requests[1]?.body).not.toHaveProperty('max_tokens');
  });

  it('maps 429 with Retry-After to a retryable ModelCallError, without SDK retries', async () => {
    const fake = await start({ kind: 'error', status: 429, retryAfter: '4', message: 'Rate limit reached for requests' });
    const error = await caught(client(fake).complete(request()));
    expect(error).toMatchObject({ status: 429, retryAfterMs: 4000, retryable: true });
    expect(error.message).toContain('Rate limit reached');
    expect(fake.requests).toHaveLength(1);
  });

  it('prefers retry-after-ms', async () => {
    const fake = await start({ kind: 'error', status: 429, retryAfter: '4', headers: { 'retry-after-ms': '1500' } });
    expect(await caught(client(fake).complete(request()))).toMatchObject({ status: 429, retryAfterMs: 1500, retryable: true });
  });

  it('maps 500 to retryable, 400 and a wrong key to not retryable', async () => {
    const fake = await start([
      { kind: 'error', status: 500 },
      { kind: 'error', status: 400, message: "Invalid schema for response_format 'items'" },
    ]);
    const openai = client(fake);
    expect(await caught(openai.complete(request()))).toMatchObject({ status: 500, retryAfterMs: null, retryable: true });
    const bad = await caught(openai.complete(request()));
    expect(bad).toMatchObject({ status: 400, retryable: false });
    expect(bad.message).toContain('Invalid schema');
    expect(await caught(client(fake, 'openai:gpt-4o-mini', { apiKey: 'sk-wrong' }).complete(request()))).toMatchObject({
      status: 401,
      retryable: false,
    });
    expect(fake.requests).toHaveLength(3);
  });

  it('reports a refusal as a non-retryable error', async () => {
    const fake = await start({
      kind: 'raw',
      reply: {
        status: 200,
        body: {
          id: 'chatcmpl-x',
          object: 'chat.completion',
          created: 0,
          model: 'gpt-4o-mini',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: null, refusal: 'I cannot help with that.' },
              finish_reason: 'stop',
              logprobs: null,
            },
          ],
          usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 },
        },
      },
    });
    const error = await caught(client(fake).complete(request()));
    expect(error).toMatchObject({ status: null, retryable: false });
    expect(error.message).toContain('I cannot help with that.');
  });

  it('treats the SDK timeout as retryable', async () => {
    const fake = await start({ kind: 'hang' });
    const sdkTimeout = await caught(client(fake, 'openai:gpt-4o-mini', { timeoutMs: 100 }).complete(request()));
    // Outside Jest this is the SDK's APIConnectionTimeoutError ('timed out'); under Jest the SDK's castToError
    // fails `instanceof Error` on undici's cross-realm AbortError and reports a plain 'Connection error.'.
    expect(sdkTimeout).toMatchObject({ status: null, retryAfterMs: null, retryable: true });
  });
});

textModelClientContract('OpenAIClient', {
  startFake: (script) => startFakeOpenAI(script, { apiKey: 'sk-test' }),
  clientAt: (fake) => createOpenAIClient({ baseUrl: `${fake.url}/v1`, apiKey: 'sk-test' }, 'openai:gpt-4o-mini'),
});
