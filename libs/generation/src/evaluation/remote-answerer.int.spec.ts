import { geminiCallHarness, promptOf } from '../remote/gemini-call-harness.fixture';
import { geminiGenerationConfig, type FakeReply, type FakeServer, type Script } from '../providers/testing';
import { RemoteAnswerer, type RemoteAnswererOptions } from './answerer';
import { ModelReplyError } from './model-reply';
import { runQaBenchmark } from './qa-benchmark';

describe('RemoteAnswerer against a local Gemini API', () => {
  let server: FakeServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  const setup = async (script: Script<FakeReply>, options: RemoteAnswererOptions = {}) => {
    const h = await geminiCallHarness(script);
    server = h.server;
    const answerer = new RemoteAnswerer(h.client, { ...h.options, ...options });
    return { server: h.server, answerer, waits: h.waits, limiter: h.limiter, limiterWaits: h.limiterWaits };
  };

  it('asks with the context, sends the answer schema at temperature 0, and returns answer and usage', async () => {
    const { server, answerer } = await setup({ kind: 'complete', text: '{"answer": "Paris"}', inputTokens: 50, outputTokens: 5 });
    expect(answerer.model).toBe('gemini-2.5-flash');
    const result = await answerer.answer({
      question: 'What is the capital of France?',
      context: 'Paris is the capital of France.',
      signal: new AbortController().signal,
    });
    expect(result).toEqual({ answer: 'Paris', usage: { inputTokens: 50, outputTokens: 5 } });
    const prompt = promptOf(server.requests[0]);
    expect(prompt).toContain('Answer the question in one or two sentences using only this text:');
    expect(prompt).toContain('Paris is the capital of France.');
    expect(prompt).toContain('Question: What is the capital of France?');
    const config = geminiGenerationConfig(server.requests[0]);
    expect(config).toMatchObject({
      responseMimeType: 'application/json',
      temperature: 0,
      responseSchema: { type: 'OBJECT', required: ['answer'] },
    });
    expect(config).not.toHaveProperty('maxOutputTokens');
  });

  it('asks closed-book from the model’s own knowledge', async () => {
    const { server, answerer } = await setup({ kind: 'complete', text: '{"answer": "Paris"}' });
    await answerer.answer({ question: 'What is the capital of France?', context: null, signal: new AbortController().signal });
    const prompt = promptOf(server.requests[0]);
    expect(prompt).toContain('from your own knowledge');
    expect(prompt).not.toContain('<text>');
  });

  it('retries a 429 after Retry-After, cutting the shared limiter, then parses a fenced reply', async () => {
    const { server, answerer, waits, limiter, limiterWaits } = await setup([
      { kind: 'error', status: 429, retryAfter: '2' },
      { kind: 'complete', text: 'Here you go:\n```json\n{"answer": "William Shakespeare"}\n```' },
    ]);
    const result = await answerer.answer({ question: 'Who wrote Hamlet?', context: null, signal: new AbortController().signal });
    expect(result.answer).toBe('William Shakespeare');
    expect(server.requests).toHaveLength(2);
    expect(waits).toEqual([2000]);
    expect(limiterWaits).toEqual([2000]);
    expect(limiter.limit).toBe(2);
  });

  it('retries 5xx with back-off and gives up after maxAttempts', async () => {
    const { server, answerer, waits } = await setup({ kind: 'error', status: 503 }, { maxAttempts: 3 });
    await expect(answerer.answer({ question: 'Q?', context: null, signal: new AbortController().signal })).rejects.toMatchObject({
      name: 'ModelCallError',
      status: 503,
    });
    expect(server.requests).toHaveLength(3);
    expect(waits).toEqual([250, 500]);
  });

  it('does not retry a 400', async () => {
    const { server, answerer } = await setup({ kind: 'error', status: 400 });
    await expect(answerer.answer({ question: 'Q?', context: null, signal: new AbortController().signal })).rejects.toMatchObject({
      status: 400,
      retryable: false,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('times out a hanging call and retries it', async () => {
    const { server, answerer } = await setup([{ kind: 'hang' }, { kind: 'complete', text: '{"answer": "ok"}' }], { timeoutMs: 200 });
    await expect(answerer.answer({ question: 'Q?', context: null, signal: new AbortController().signal })).resolves.toMatchObject({
      answer: 'ok',
    });
    expect(server.requests).toHaveLength(2);
  });

  it('repairs broken JSON and rejects a reply without an answer', async () => {
    const { answerer } = await setup([
      { kind: 'complete', text: '{"answer": "Paris is' },
      { kind: 'complete', text: '{"verdict": "Paris"}' },
    ]);
    await expect(answerer.answer({ question: 'Q?', context: null, signal: new AbortController().signal })).resolves.toMatchObject({
      answer: 'Paris is',
    });
    await expect(answerer.answer({ question: 'Q?', context: null, signal: new AbortController().signal })).rejects.toBeInstanceOf(
      ModelReplyError,
    );
  });

  it('rejects with an AbortError when the caller aborts a hanging call', async () => {
    const { answerer } = await setup({ kind: 'hang' });
    const controller = new AbortController();
    const pending = answerer.answer({ question: 'Q?', context: null, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('runs the qa benchmark end to end', async () => {
    const { answerer } = await setup((request) => ({
      kind: 'complete',
      text: promptOf(request).includes('<text>') ? '{"answer": "Paris"}' : '{"answer": "I do not know"}',
      inputTokens: 10,
      outputTokens: 4,
    }));
    const result = await runQaBenchmark(
      answerer,
      [{ id: 'entry_1', question: 'What is the capital of France?', reference: 'Paris', context: 'Paris is the capital of France.' }],
      { concurrency: 2, signal: new AbortController().signal },
    );
    expect(result).toEqual({
      suite: 'qa',
      model: 'gemini-2.5-flash',
      n: 1,
      closed_book: { exact_match: 0, f1: 0 },
      with_context: { exact_match: 1, f1: 1 },
      usage: { input_tokens: 20, output_tokens: 8 },
      failures: 0,
    });
  });
});
