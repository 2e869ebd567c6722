import type { Answerer, AnswerRequest, AnswerResult } from './answerer';
import { ExtractiveAnswerer } from './answerer';
import { BENCHMARK_SUITES, isBenchmarkSuite, runQaBenchmark, type QaBenchmarkItem } from './qa-benchmark';

const items: QaBenchmarkItem[] = [
  { id: 'entry_1', question: 'What is the capital of France?', reference: 'Paris', context: 'Paris is the capital of France.' },
  { id: 'entry_2', question: 'Who wrote Hamlet?', reference: 'William Shakespeare', context: 'Hamlet was written by William Shakespeare.' },
  { id: 'entry_3', question: 'What color is the sky?', reference: 'blue', context: 'The sky is blue.' },
];

/** Scripted answers per (item question, setting); records concurrency. */
class FakeAnswerer implements Answerer {
  readonly model = 'fake-model';
  active = 0;
  maxActive = 0;
  readonly seen: AnswerRequest[] = [];

  constructor(
    private readonly reply: (request: AnswerRequest) => AnswerResult | Error,
    private readonly delayMs = 5,
  ) {}

  async answer(request: AnswerRequest): Promise<AnswerResult> {
    this.seen.push(request);
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      const result = this.reply(request);
      if (result instanceof Error) throw result;
      return result;
    } finally {
      this.active--;
    }
  }
}

const signal = (): AbortSignal => new AbortController().signal;

describe('runQaBenchmark', () => {
  it('knows its suites', () => {
    expect(BENCHMARK_SUITES).toEqual(['qa']);
    expect(isBenchmarkSuite('qa')).toBe(true);
    expect(isBenchmarkSuite('mmlu')).toBe(false);
  });

  it('asks each question closed-book and with context and averages EM and F1 over the items', async () => {
    const answerer = new FakeAnswerer((r) => {
      if (r.context === null)
        return { answer: r.question.includes('Hamlet') ? 'Shakespeare' : '', usage: { inputTokens: 10, outputTokens: 2 } };
      // With context: exact on two items, partial on the third.
      const answer = r.question.includes('France') ? 'Paris.' : r.question.includes('Hamlet') ? 'the William Shakespeare' : 'sky blue';
      return { answer, usage: { inputTokens: 30, outputTokens: 3 } };
    });
    const result = await runQaBenchmark(answerer, items, { concurrency: 2, signal: signal() });
    expect(answerer.seen).toHaveLength(6);
    expect(answerer.seen.filter((r) => r.context === null)).toHaveLength(3);
    expect(answerer.seen.find((r) => r.context !== null && r.question.includes('France'))?.context).toBe('Paris is the capital of France.');
    expect(result).toEqual({
      suite: 'qa',
      model: 'fake-model',
      n: 3,
      // Closed-book: only Hamlet, F1 = 2·(1·0.5)/1.5 = 2/3.
      closed_book: { exact_match: 0, f1: 0.2222 },
      // With context: 1 + 1 + (F1 of "sky blue" vs "blue" = 2/3) over 3.
      with_context: { exact_match: 0.6667, f1: 0.8889 },
      usage: { input_tokens: 120, output_tokens: 15 },
      failures: 0,
    });
  });

  it('scores a failed call 0 and counts it, without failing the run', async () => {
    const answerer = new FakeAnswerer((r) =>
      r.context !== null && r.question.includes('Hamlet')
        ? new Error('HTTP 500')
        : { answer: r.context === null ? '' : r.question.includes('France') ? 'Paris' : 'blue', usage: null },
    );
    const result = await runQaBenchmark(answerer, items, { concurrency: 4, signal: signal() });
    expect(result.failures).toBe(1);
    expect(result.with_context).toEqual({ exact_match: 0.6667, f1: 0.6667 });
    expect(result.closed_book).toEqual({ exact_match: 0, f1: 0 });
    expect(result.usage).toEqual({ input_tokens: 0, output_tokens: 0 });
  });

  it('keeps at most `concurrency` calls in flight', async () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ id: `entry_${i}`, question: `Q${i}?`, reference: 'a', context: 'a' }));
    const three = new FakeAnswerer(() => ({ answer: 'a', usage: null }));
    await runQaBenchmark(three, many, { concurrency: 3, signal: signal() });
    expect(three.maxActive).toBe(3);
    const one = new FakeAnswerer(() => ({ answer: 'a', usage: null }));
    await runQaBenchmark(one, many, { concurrency: 1, signal: signal() });
    expect(one.maxActive).toBe(1);
    expect(one.seen).toHaveLength(20);
  });

  it('returns zeros for no items', async () => {
    const result = await runQaBenchmark(new ExtractiveAnswerer(), [], { concurrency: 4, signal: signal() });
    expect(result).toEqual({
      suite: 'qa',
      model: 'extractive',
      n: 0,
      closed_book: { exact_match: 0, f1: 0 },
      with_context: { exact_match: 0, f1: 0 },
      usage: { input_tokens: 0, output_tokens: 0 },
      failures: 0,
    });
  });

  it('rejects with an AbortError when aborted, not counting failures', async () => {
    const controller = new AbortController();
    const answerer = new FakeAnswerer(() => {
      controller.abort();
      return new Error('aborted');
    });
    await expect(runQaBenchmark(answerer, items, { concurrency: 2, signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(answerer.seen.length).toBeLessThanOrEqual(2);
  });

  it('scores the extractive baseline: nothing closed-book, the right sentence with context', async () => {
    const result = await runQaBenchmark(
      new ExtractiveAnswerer(),
      [
        {
          id: 'entry_1',
          question: 'What does chlorophyll absorb?',
          reference: 'Chlorophyll absorbs blue and red light.',
          context: 'Plants grow. Chlorophyll absorbs blue and red light.',
        },
      ],
      { concurrency: 2, signal: signal() },
    );
    expect(result.closed_book).toEqual({ exact_match: 0, f1: 0 });
    expect(result.with_context).toEqual({ exact_match: 1, f1: 1 });
    expect(result.failures).toBe(0);
  });
});
