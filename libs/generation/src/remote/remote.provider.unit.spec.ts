import type { GenerationRequest } from '../model-provider.port';
import { chunkRequest } from '../providers/testing/generation-request.fixture';
import { AdaptiveLimiter } from './adaptive-limiter';
import { FakeTextModelClient, qaReply, type FakeStep } from './fake-text-model-client.fixture';
import { RemoteModelProvider, type RemoteModelProviderOptions } from './remote.provider';
import { RetryPolicy } from './retry-policy';
import { AbortError, abortErrorFor } from './sleep';
import { ModelCallError } from './text-model-client';

const request = (overrides: Partial<GenerationRequest> = {}): GenerationRequest =>
  chunkRequest('Fact 1. Fact 2.', {
    chunk: { id: 'c1', text: 'Fact 1. Fact 2.', heading: null, documentName: 'doc.md' },
    mode: 'qa_pairs',
    prompt: 'Write exactly 3 pairs.',
    ...overrides,
  });

/** Records every wait and returns at once (but still honours aborts), so tests never really wait. */
const recordingSleep = (): { sleep: (ms: number, signal?: AbortSignal) => Promise<void>; waits: number[] } => {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms, signal) => {
      waits.push(ms);
      if (signal?.aborted) throw abortErrorFor(signal);
    },
  };
};

const setup = (steps: readonly FakeStep[], options: RemoteModelProviderOptions = {}) => {
  const client = new FakeTextModelClient(steps);
  const clock = recordingSleep();
  const limiterClock = recordingSleep();
  const limiter = options.limiter ?? new AdaptiveLimiter({ maxConcurrency: 4, sleep: limiterClock.sleep });
  const retryPolicy = options.retryPolicy ?? new RetryPolicy({ random: () => 0.5 });
  const provider = new RemoteModelProvider(client, { sleep: clock.sleep, limiter, retryPolicy, ...options });
  return { client, provider, waits: clock.waits, limiter, limiterWaits: limiterClock.waits };
};

const serverError = (status = 503): ModelCallError => new ModelCallError(`HTTP ${status}`, status, null, true);

describe('RemoteModelProvider', () => {
  it('is named after the client vendor and passes prompt, schema and sampling settings on', async () => {
    const { client, provider } = setup([{ text: qaReply(3) }]);
    const result = await provider.generate(request({ temperature: 0.2, maxTokens: 800 }));
    expect(provider.name).toBe('gemini');
    expect(result.items).toHaveLength(3);
    expect(result.items[0]).toEqual({
      question: 'What is fact 1?',
      answer: 'Fact 1 is stated in the text.',
      category: 'Facts',
      difficulty: 'intermediate',
    });
    expect(result).toMatchObject({ model: 'fake-model', calls: 1, invalid: [], usage: { inputTokens: 10, outputTokens: 20 } });
    expect(client.requests[0]).toMatchObject({
      prompt: 'Write exactly 3 pairs.',
      temperature: 0.2,
      maxTokens: 800,
      jsonSchema: { type: 'object', required: ['items'] },
    });
  });

  it('retries 5xx with exponential, jittered back-off and counts the calls', async () => {
    const { provider, waits, client } = setup([
      { error: serverError(500) },
      { error: serverError(503) },
      { error: serverError(502) },
      { text: qaReply(3) },
    ]);
    const result = await provider.generate(request());
    expect(client.calls).toBe(4);
    expect(result.calls).toBe(4);
    // random() = 0.5 → half of 500, 1000, 2000.
    expect(waits).toEqual([250, 500, 1000]);
  });

  it('keeps jittered delays within the exponential ceiling', async () => {
    const { provider, waits } = setup(
      [{ error: serverError() }, { error: serverError() }, { error: serverError() }, { error: serverError() }, { text: qaReply(3) }],
      { retryPolicy: new RetryPolicy({ baseMs: 100, capMs: 300 }) },
    );
    await provider.generate(request());
    expect(waits).toHaveLength(4);
    [100, 200, 300, 300].forEach((ceiling, i) => {
      expect(waits[i]).toBeGreaterThanOrEqual(0);
      expect(waits[i]).toBeLessThanOrEqual(ceiling);
    });
  });

  it('gives up after maxAttempts and throws the last error', async () => {
    const { provider, client } = setup([{ error: serverError() }, { error: serverError() }, { error: serverError() }], { maxAttempts: 3 });
    await expect(provider.generate(request())).rejects.toMatchObject({ status: 503 });
    expect(client.calls).toBe(3);
  });

  it('does not retry a non-retryable failure', async () => {
    const { provider, client, waits } = setup([{ error: new ModelCallError('bad key', 401, null, false) }, { text: qaReply(3) }]);
    await expect(provider.generate(request())).rejects.toMatchObject({ status: 401 });
    expect(client.calls).toBe(1);
    expect(waits).toEqual([]);
  });

  it('on a 429 honours Retry-After, cuts the shared limiter and pauses it', async () => {
    const { provider, waits, limiter, limiterWaits } = setup([
      { error: new ModelCallError('slow down', 429, 7_000, true) },
      { text: qaReply(3) },
    ]);
    const result = await provider.generate(request());
    expect(waits).toEqual([7_000]);
    expect(limiterWaits).toEqual([7_000]);
    expect(limiter.limit).toBe(2);
    expect(result.calls).toBe(2);
  });

  it('on a 429 without Retry-After backs off with jitter', async () => {
    const { provider, waits, limiter } = setup([{ error: new ModelCallError('slow down', 429, null, true) }, { text: qaReply(3) }]);
    await provider.generate(request());
    expect(waits).toEqual([250]);
    expect(limiter.limit).toBe(2);
  });

  it('ramps the limiter back up after consecutive successes', async () => {
    const limiter = new AdaptiveLimiter({ maxConcurrency: 4, initialConcurrency: 1, increaseAfter: 2 });
    const { provider } = setup([{ text: qaReply(3) }, { text: qaReply(3) }, { text: qaReply(3) }, { text: qaReply(3) }], { limiter });
    await provider.generate(request());
    expect(limiter.limit).toBe(1);
    await provider.generate(request());
    expect(limiter.limit).toBe(2);
    await provider.generate(request());
    await provider.generate(request());
    expect(limiter.limit).toBe(3);
  });

  it('times out a slow response and retries it', async () => {
    const { provider, client, waits } = setup([{ delayMs: 5_000, text: qaReply(3) }, { text: qaReply(3) }], { timeoutMs: 30 });
    const result = await provider.generate(request());
    expect(client.calls).toBe(2); // the slow reply was not waited for: the second call answered
    expect(client.requests[0].signal.aborted).toBe(true);
    expect(waits).toHaveLength(1);
    expect(result.items).toHaveLength(3);
  });

  it('times out even when the client ignores its signal', async () => {
    const hanging = new FakeTextModelClient([]);
    let calls = 0;
    hanging.complete = async () => {
      calls++;
      if (calls === 1) return new Promise(() => undefined); // never settles
      return { text: qaReply(1), usage: { inputTokens: 1, outputTokens: 1 }, model: 'm' };
    };
    const provider = new RemoteModelProvider(hanging, { timeoutMs: 20, sleep: recordingSleep().sleep });
    await expect(provider.generate(request({ count: 1 }))).resolves.toMatchObject({ calls: 2 });
  });

  it('reports a final timeout as a retryable ModelCallError with status null', async () => {
    const { provider } = setup([{ delayMs: 5_000 }, { delayMs: 5_000 }], { timeoutMs: 20, maxAttempts: 2 });
    await expect(provider.generate(request())).rejects.toMatchObject({
      name: 'ModelCallError',
      status: null,
      retryable: true,
      message: expect.stringMatching(/no response within 20 ms/),
    });
  });

  it('tops up to count: the follow-up asks for the remainder and lists what was written', async () => {
    const { provider, client } = setup([{ text: qaReply(2) }, { text: qaReply(2, 3) }]);
    const result = await provider.generate(request({ count: 4 }));
    expect(result.items.map((i) => i.question)).toEqual(['What is fact 1?', 'What is fact 2?', 'What is fact 3?', 'What is fact 4?']);
    expect(result.calls).toBe(2);
    expect(client.prompts[1]).toContain('Write exactly 3 pairs.');
    expect(client.prompts[1]).toContain('Already written, do not repeat:\n- What is fact 1?\n- What is fact 2?');
    expect(client.prompts[1]).toMatch(/Write exactly 2 more distinct items, in the same JSON format\.$/);
  });

  it('tops up at most maxTopUps times and returns what it has', async () => {
    const { provider, client } = setup([{ text: qaReply(1) }, { text: qaReply(1, 2) }, { text: qaReply(1, 3) }], { maxTopUps: 1 });
    const result = await provider.generate(request({ count: 5 }));
    expect(result.items).toHaveLength(2);
    expect(client.calls).toBe(2);
  });

  it('stops topping up when a top-up adds nothing new, recording the repeats', async () => {
    const { provider, client } = setup([{ text: qaReply(2) }, { text: qaReply(2) }, { text: qaReply(1, 3) }]);
    const result = await provider.generate(request({ count: 3 }));
    expect(client.calls).toBe(2);
    expect(result.items).toHaveLength(2);
    expect(result.invalid).toHaveLength(2);
    expect(result.invalid?.[0].reason).toMatch(/duplicate/);
  });

  it('returns at most count items, de-duplicated by question', async () => {
    const reply = JSON.stringify({
      items: [
        { question: 'What is X?', answer: 'A1' },
        { question: 'what is x', answer: 'A2' },
        { question: 'What is Y?', answer: 'A3' },
        { question: 'What is Z?', answer: 'A4' },
        { question: 'What is W?', answer: 'A5' },
      ],
    });
    const { provider } = setup([{ text: reply }]);
    const result = await provider.generate(request({ count: 3 }));
    expect(result.items.map((i) => i.question)).toEqual(['What is X?', 'What is Y?', 'What is Z?']);
    expect(result.invalid).toEqual([
      { raw: expect.objectContaining({ question: 'what is x' }), reason: expect.stringMatching(/duplicate/) },
    ]);
  });

  it("puts the request's avoid texts in the first prompt and drops items repeating them", async () => {
    const { provider, client } = setup([{ text: qaReply(2) }]);
    const result = await provider.generate(request({ count: 1, avoid: ['What is fact 1?'] }));
    expect(client.prompts[0]).toBe('Write exactly 3 pairs.\n\nAlready written, do not repeat:\n- What is fact 1?');
    expect(result.items.map((i) => i.question)).toEqual(['What is fact 2?']);
  });

  it('parses fenced and wrapped JSON', async () => {
    const fenced = '```json\n{"pairs": [{"question": "Q1?", "answer": "A1", "difficulty": "easy"}]}\n```';
    const { provider } = setup([{ text: `Here you are:\n${fenced}\nEnjoy.` }]);
    const result = await provider.generate(request({ count: 1 }));
    expect(result.items).toEqual([{ question: 'Q1?', answer: 'A1', category: null, difficulty: 'beginner' }]);
  });

  it('repairs truncated JSON, records the cut-off item and tops up for it', async () => {
    const truncated = '{"items": [{"question": "Q1?", "answer": "A1"}, {"question": "Q2?", "answer": "A2"}, {"question": "Q3?", "ans';
    const { provider, client } = setup([{ text: truncated }, { text: '[{"question": "Q4?", "answer": "A4"}]' }]);
    const result = await provider.generate(request({ count: 3 }));
    expect(result.items.map((i) => i.question)).toEqual(['Q1?', 'Q2?', 'Q4?']);
    expect(result.invalid).toEqual([{ raw: { question: 'Q3?', ans: null }, reason: expect.stringMatching(/answer: Required/) }]);
    expect(client.prompts[1]).toMatch(/Write exactly 1 more distinct item,/);
  });

  it('records items failing the schema and an unparseable reply in invalid', async () => {
    const { provider } = setup([
      { text: '{"items": [{"question": "Q1?", "answer": "A1"}, {"answer": "orphan"}]}' },
      { text: 'Sorry, I cannot.' },
    ]);
    const result = await provider.generate(request({ count: 2 }));
    expect(result.items).toHaveLength(1);
    expect(result.invalid).toEqual([
      { raw: { answer: 'orphan' }, reason: expect.stringMatching(/question: Required/) },
      { raw: 'Sorry, I cannot.', reason: 'no JSON found in the response' },
    ]);
  });

  it('sums usage over all successful calls and takes the model from the reply', async () => {
    const { provider } = setup([
      { error: serverError() },
      { text: qaReply(1), usage: { inputTokens: 100, outputTokens: 50 }, model: 'gemini-2.5-flash-001' },
      { text: qaReply(1, 2), usage: { inputTokens: 120, outputTokens: 40 }, model: 'gemini-2.5-flash-001' },
    ]);
    const result = await provider.generate(request({ count: 2 }));
    expect(result.usage).toEqual({ inputTokens: 220, outputTokens: 90 });
    expect(result.model).toBe('gemini-2.5-flash-001');
    expect(result.calls).toBe(3);
  });

  it('keeps the items in hand when a top-up fails for good', async () => {
    const { provider } = setup([{ text: qaReply(1) }, { error: new ModelCallError('bad request', 400, null, false) }]);
    const result = await provider.generate(request({ count: 2 }));
    expect(result.items).toHaveLength(1);
    expect(result.invalid).toEqual([{ raw: null, reason: 'top-up call failed: bad request' }]);
  });

  it('restores the taxonomy spelling of a category', async () => {
    const { provider } = setup([{ text: '[{"question": "Q?", "answer": "A", "category": "cardiology"}]' }]);
    const result = await provider.generate(request({ count: 1, categories: ['Cardiology', 'Other'] }));
    expect(result.items[0].category).toBe('Cardiology');
  });

  it('rejects at once with an AbortError when already aborted, without calling', async () => {
    const { provider, client } = setup([{ text: qaReply(3) }]);
    await expect(provider.generate(request({ signal: AbortSignal.abort() }))).rejects.toBeInstanceOf(AbortError);
    expect(client.calls).toBe(0);
  });

  it('an abort during a slow call rejects without waiting for the reply and is not retried', async () => {
    const { provider, client, waits } = setup([{ delayMs: 10_000, text: qaReply(3) }, { text: qaReply(3) }]);
    const controller = new AbortController();
    const pending = provider.generate(request({ signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('job cancelled')), 20);
    // Had the abort not cut the call short, the slow reply would have resolved it.
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: expect.stringMatching(/job cancelled/) });
    expect(client.calls).toBe(1);
    expect(client.requests[0].signal.aborted).toBe(true);
    expect(waits).toEqual([]);
  });

  it('an abort during the back-off stops without another attempt', async () => {
    const controller = new AbortController();
    const client = new FakeTextModelClient([{ error: serverError() }, { text: qaReply(3) }]);
    const provider = new RemoteModelProvider(client, {
      sleep: async () => {
        controller.abort();
        throw new AbortError();
      },
    });
    await expect(provider.generate(request({ signal: controller.signal }))).rejects.toBeInstanceOf(AbortError);
    expect(client.calls).toBe(1);
  });

  it('does not retry errors that are not ModelCallErrors (bugs surface at once)', async () => {
    const client = new FakeTextModelClient([]);
    client.complete = async () => {
      throw new TypeError('boom');
    };
    const provider = new RemoteModelProvider(client, { sleep: recordingSleep().sleep });
    await expect(provider.generate(request())).rejects.toThrow('boom');
  });

  it('question mode: asks with the question schema and returns null answers', async () => {
    const { provider, client } = setup([{ text: '{"items": [{"question": "Q1?", "answer": null}, {"question": "Q2?"}]}' }]);
    const result = await provider.generate(request({ mode: 'question', count: 2 }));
    expect(result.items.map((i) => i.answer)).toEqual([null, null]);
    const itemSchema = (client.requests[0].jsonSchema.properties as Record<string, { items: { required: string[] } }>).items.items;
    expect(itemSchema.required).not.toContain('answer');
  });

  it('summarization: identical instructions with different summaries are both kept', async () => {
    const reply = JSON.stringify({
      items: [
        { question: 'Summarize the section.', answer: 'Short.', key_points: ['a'] },
        { question: 'Summarize the section.', answer: 'A longer summary of the section.' },
      ],
    });
    const { provider } = setup([{ text: reply }]);
    const result = await provider.generate(request({ mode: 'summarization', count: 2 }));
    expect(result.items).toHaveLength(2);
    expect(result.items[0].metadata).toEqual({ key_points: ['a'] });
  });
});
