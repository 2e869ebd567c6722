import { abortableSleep } from './sleep';
import type { Completion, CompletionRequest, TextModelClient } from './text-model-client';
import { ModelCallError } from './text-model-client';

/**
 * One scripted reply. `delayMs` makes the reply slow (real time, honouring the request's signal, so timeouts
 * and aborts can be exercised); a step with only `delayMs` answers with an empty text after the delay.
 */
export type FakeStep =
  | { readonly text: string; readonly usage?: Completion['usage']; readonly model?: string; readonly delayMs?: number }
  | { readonly error: ModelCallError; readonly delayMs?: number }
  | { readonly delayMs: number };

/** A TextModelClient that plays back a script, one step per call, and records what it was asked. */
export class FakeTextModelClient implements TextModelClient {
  readonly requests: CompletionRequest[] = [];
  private readonly steps: FakeStep[];

  constructor(
    steps: readonly FakeStep[],
    readonly provider: TextModelClient['provider'] = 'gemini',
    readonly model: string = 'fake-model',
  ) {
    this.steps = [...steps];
  }

  get calls(): number {
    return this.requests.length;
  }

  /** The prompts of every call so far, in order. */
  get prompts(): readonly string[] {
    return this.requests.map((r) => r.prompt);
  }

  async complete(request: CompletionRequest): Promise<Completion> {
    this.requests.push(request);
    const step = this.steps.shift();
    if (step === undefined) throw new Error(`FakeTextModelClient: script exhausted at call ${this.requests.length}`);
    if (step.delayMs !== undefined) {
      try {
        await abortableSleep(step.delayMs, request.signal);
      } catch {
        // What a vendor client does when fetch is aborted: a network-level, retryable failure.
        throw new ModelCallError('request aborted', null, null, true);
      }
    }
    if ('error' in step) throw step.error;
    const text = 'text' in step ? step.text : '';
    const usage = 'text' in step && step.usage ? step.usage : { inputTokens: 10, outputTokens: 20 };
    const model = 'text' in step && step.model ? step.model : this.model;
    return { text, usage, model };
  }
}

/** A reply with `n` question/answer items, numbered from `from`, in the `{items: [...]}` wrapper. */
export const qaReply = (n: number, from = 1): string =>
  JSON.stringify({
    items: Array.from({ length: n }, (_, i) => ({
      question: `What is fact ${from + i}?`,
      answer: `Fact ${from + i} is stated in the text.`,
      category: 'Facts',
      difficulty: 'medium',
    })),
  });
