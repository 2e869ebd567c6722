import type { CompletionRequest } from '../../remote/text-model-client';
import {
  caughtModelCallError,
  completionRequest,
  textModelClientContract,
  geminiGenerationConfig,
  geminiRequestModel,
  startFakeGemini,
  type FakeReply,
  type FakeServer,
  type Script,
} from '../testing';
import { createGeminiClient, GeminiClient } from './gemini.client';
import { GEMINI_DEFAULT_MODEL, geminiWireModel } from './model-names';

const SCHEMA = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: { type: 'object', properties: { question: { type: 'string' }, answer: { type: 'string' } }, required: ['question', 'answer'] },
    },
  },
  required: ['items'],
} as const;

const request = (overrides: Partial<CompletionRequest> = {}): CompletionRequest =>
  completionRequest(SCHEMA, { temperature: 0.3, maxTokens: 256, ...overrides });
const caught = caughtModelCallError;

describe('GeminiClient against a local Gemini API', () => {
  let server: FakeServer | null = null;
  const start = async (script: Script<FakeReply>): Promise<FakeServer> => {
    server = await startFakeGemini(script, { apiKey: 'test-key' });
    return server;
  };
  const client = (fake: FakeServer, model = 'gemini'): GeminiClient => createGeminiClient({ apiKey: 'test-key', baseUrl: fake.url }, model);

  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('maps model names', () => {
    expect(geminiWireModel('gemini')).toBe(GEMINI_DEFAULT_MODEL);
    expect(geminiWireModel('gemini-2.5-pro')).toBe('gemini-2.5-pro');
    expect(() => geminiWireModel('ollama:llama3.1')).toThrow(/not a Gemini model/);
  });

  it('returns text, usage and model, and sends the schema, temperature, token limit and key', async () => {
    const fake = await start({ kind: 'complete', text: '{"items":[]}', inputTokens: 41, outputTokens: 7 });
    const gemini = client(fake);
    expect(gemini.provider).toBe('gemini');
    expect(gemini.model).toBe('gemini-2.5-flash');

    const completion = await gemini.complete(request());

    expect(completion).toEqual({ text: '{"items":[]}', usage: { inputTokens: 41, outputTokens: 7 }, model: 'gemini-2.5-flash' });
    expect(fake.requests).toHaveLength(1);
    const [sent] = fake.requests;
    expect(sent?.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
    expect(geminiRequestModel(sent?.path ?? '')).toBe('gemini-2.5-flash');
    expect(sent?.headers['x-goog-api-key']).toBe('test-key');
    expect(sent?.body).toMatchObject({ contents: [{ role: 'user', parts: [{ text: 'Write one question about the text.' }] }] });
    const config = geminiGenerationConfig(sent);
    expect(config).toMatchObject({ responseMimeType: 'application/json', temperature: 0.3, maxOutputTokens: 256 });
    // The SDK turns the JSON schema into Gemini's Schema (upper-case types).
    expect(config['responseSchema']).toMatchObject({ type: 'OBJECT', required: ['items'], properties: { items: { type: 'ARRAY' } } });
  });

  it('uses a named model as given and omits unset options', async () => {
    const fake = await start({ kind: 'complete', text: '{}' });
    const completion = await client(fake, 'gemini-2.5-pro').complete(request({ temperature: undefined, maxTokens: undefined }));
    expect(completion.model).toBe('gemini-2.5-pro');
    expect(fake.requests[0]?.path).toBe('/v1beta/models/gemini-2.5-pro:generateContent');
    const config = geminiGenerationConfig(fake.requests[0]);
    expect(config).not.toHaveProperty('temperature');
    expect(config).not.toHaveProperty('maxOutputTokens');
  });

  it('maps 429 with Retry-After to a retryable ModelCallError', async () => {
    const fake = await start({ kind: 'error', status: 429, retryAfter: '3', message: 'Resource has been exhausted' });
    const error = await caught(client(fake).complete(request()));
    expect(error).toMatchObject({ status: 429, retryAfterMs: 3000, retryable: true });
    expect(error.message).toContain('Resource has been exhausted');
    expect(fake.requests).toHaveLength(1); // no SDK retries
  });

  it('falls back to google.rpc.RetryInfo.retryDelay when there is no Retry-After header', async () => {
    const fake = await start({ kind: 'error', status: 429, retryDelay: '7s' });
    const error = await caught(client(fake).complete(request()));
    expect(error).toMatchObject({ status: 429, retryAfterMs: 7000, retryable: true });
  });

  it('maps 500 and 503 to retryable errors', async () => {
    const fake = await start([
      { kind: 'error', status: 500 },
      { kind: 'error', status: 503 },
    ]);
    const gemini = client(fake);
    expect(await caught(gemini.complete(request()))).toMatchObject({ status: 500, retryAfterMs: null, retryable: true });
    expect(await caught(gemini.complete(request()))).toMatchObject({ status: 503, retryable: true });
    expect(fake.requests).toHaveLength(2);
  });

  it('maps 400 (and a wrong key) to a non-retryable error', async () => {
    const fake = await start({ kind: 'error', status: 400, message: 'Invalid JSON payload' });
    expect(await caught(client(fake).complete(request()))).toMatchObject({ status: 400, retryable: false });
    const wrongKey = createGeminiClient({ apiKey: 'wrong', baseUrl: fake.url }, 'gemini');
    const error = await caught(wrongKey.complete(request()));
    expect(error).toMatchObject({ status: 400, retryable: false });
    expect(error.message).toContain('API key not valid');
  });

  it('treats the SDK timeout (timeoutMs) as retryable', async () => {
    const fake = await start({ kind: 'hang' });
    const error = await caught(createGeminiClient({ apiKey: 'test-key', baseUrl: fake.url, timeoutMs: 100 }, 'gemini').complete(request()));
    expect(error).toMatchObject({ status: null, retryAfterMs: null, retryable: true });
    expect(error.message).toMatch(/timed out/);
  });

  it('reports a blocked prompt as a non-retryable error', async () => {
    const fake = await start({
      kind: 'raw',
      reply: {
        status: 200,
        body: { promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: { promptTokenCount: 5, totalTokenCount: 5 } },
      },
    });
    const error = await caught(client(fake).complete(request()));
    expect(error).toMatchObject({ status: null, retryable: false });
    expect(error.message).toContain('SAFETY');
  });
});

textModelClientContract('GeminiClient', {
  startFake: (script) => startFakeGemini(script, { apiKey: 'test-key' }),
  clientAt: (fake) => createGeminiClient({ apiKey: 'test-key', baseUrl: fake.url }, 'gemini'),
});
