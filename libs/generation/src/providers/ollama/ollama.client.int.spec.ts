import type { CompletionRequest } from '../../remote/text-model-client';
import {
  caughtModelCallError,
  completionRequest,
  textModelClientContract,
  startFakeOllama,
  type FakeReply,
  type FakeServer,
  type Script,
} from '../testing';
import { createOllamaClient, OllamaClient } from './ollama.client';
import { OLLAMA_DEFAULT_MODEL, ollamaWireModel } from './model-names';

const SCHEMA = { type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } }, required: ['items'] } as const;

const request = (overrides: Partial<CompletionRequest> = {}): CompletionRequest =>
  completionRequest(SCHEMA, { temperature: 0.2, maxTokens: 300, ...overrides });
const caught = caughtModelCallError;

describe('OllamaClient against a local Ollama API', () => {
  let server: FakeServer | null = null;
  const start = async (script: Script<FakeReply>): Promise<FakeServer> => {
    server = await startFakeOllama(script);
    return server;
  };
  const client = (fake: FakeServer, model = 'ollama'): OllamaClient => createOllamaClient({ host: fake.url }, model);

  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('maps model names', () => {
    expect(ollamaWireModel('ollama')).toBe(OLLAMA_DEFAULT_MODEL);
    expect(ollamaWireModel('ollama:llama3.1:8b')).toBe('llama3.1:8b');
    expect(() => ollamaWireModel('ollama:')).toThrow(/names no model/);
    expect(() => ollamaWireModel('gemini')).toThrow(/not an Ollama model/);
  });

  it('returns text, usage and model, and sends the schema as format with temperature and num_predict', async () => {
    const fake = await start({ kind: 'complete', text: '{"items":[]}', inputTokens: 33, outputTokens: 9 });
    const ollama = client(fake, 'ollama:llama3.1:8b');
    expect(ollama.provider).toBe('ollama');
    expect(ollama.model).toBe('ollama:llama3.1:8b');
    expect(ollama.wireModel).toBe('llama3.1:8b');

    const completion = await ollama.complete(request());

    expect(completion).toEqual({ text: '{"items":[]}', usage: { inputTokens: 33, outputTokens: 9 }, model: 'ollama:llama3.1:8b' });
    expect(fake.requests).toHaveLength(1);
    const [sent] = fake.requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe('/api/chat');
    expect(sent?.body).toEqual({
      model: 'llama3.1:8b',
      messages: [{ role: 'user', content: 'Write one question about the text.' }],
      format: SCHEMA,
      stream: false,
      options: { temperature: 0.2, num_predict: 300 },
    });
  });

  it('uses the default model and omits unset options', async () => {
    const fake = await start({ kind: 'complete', text: '{}' });
    const completion = await client(fake).complete(request({ temperature: undefined, maxTokens: undefined }));
    expect(completion.model).toBe('ollama:llama3.1');
    expect(fake.requests[0]?.body).toMatchObject({ model: 'llama3.1' });
    expect(fake.requests[0]?.body).not.toHaveProperty('options');
  });

  it('maps 429 with Retry-After to a retryable ModelCallError', async () => {
    const fake = await start({ kind: 'error', status: 429, retryAfter: '2', message: 'server busy' });
    const error = await caught(client(fake).complete(request()));
    expect(error).toMatchObject({ status: 429, retryAfterMs: 2000, retryable: true });
    expect(error.message).toContain('server busy');
  });

  it('reads an HTTP-date Retry-After', async () => {
    const fake = await start({ kind: 'error', status: 503, retryAfter: new Date(Date.now() + 5000).toUTCString() });
    const error = await caught(client(fake).complete(request()));
    expect(error.status).toBe(503);
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBeGreaterThan(2000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(5000);
  });

  it('maps 500 to retryable and 400/404 to not retryable', async () => {
    const fake = await start([
      { kind: 'error', status: 500, message: 'llama runner process has terminated' },
      { kind: 'error', status: 400, message: 'invalid format' },
      { kind: 'error', status: 404, message: "model 'nope' not found" },
    ]);
    const ollama = client(fake);
    expect(await caught(ollama.complete(request()))).toMatchObject({ status: 500, retryAfterMs: null, retryable: true });
    expect(await caught(ollama.complete(request()))).toMatchObject({ status: 400, retryable: false });
    const notFound = await caught(ollama.complete(request()));
    expect(notFound).toMatchObject({ status: 404, retryable: false });
    expect(notFound.message).toContain("model 'nope' not found");
  });

  it('maps a non-JSON error body', async () => {
    const fake = await start({ kind: 'raw', reply: { status: 502, headers: { 'content-type': 'text/plain' }, body: 'Bad Gateway' } });
    const error = await caught(client(fake).complete(request()));
    expect(error).toMatchObject({ status: 502, retryable: true });
    expect(error.message).toContain('Bad Gateway');
  });

  it('does not send a request when the signal is already aborted', async () => {
    const fake = await start({ kind: 'complete', text: '{}' });
    const error = await caught(client(fake).complete(request({ signal: AbortSignal.abort() })));
    expect(error).toMatchObject({ status: null, retryable: false });
    expect(fake.requests).toHaveLength(0);
  });
});

textModelClientContract('OllamaClient', {
  startFake: (script) => startFakeOllama(script),
  clientAt: (fake) => createOllamaClient({ host: fake.url }, 'ollama'),
});
