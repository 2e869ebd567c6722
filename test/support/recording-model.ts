import {
  geminiGenerationConfig,
  geminiRequestModel,
  startFakeGemini,
  type FakeReply,
  type FakeServer,
  type RecordedRequest,
} from '../../libs/generation/src/providers/testing';

/** One model call as the service made it: which model, the prompt text and the call parameters. */
export interface RecordedCall {
  readonly model: string;
  readonly prompt: string;
  readonly temperature: unknown;
  readonly maxOutputTokens: unknown;
  readonly judge: boolean;
}

/**
 * A recording model server (issue 8 #9): a local server speaking the Gemini API that makes every prompt and
 * call parameter visible, answers generation prompts with items unique to the call (so nothing is a
 * duplicate), rates every judge prompt 5, and counts the calls it holds at once. With `holdUntil(n)` a
 * generation call is answered only once `n` calls are in flight (or `releaseAfterMs` passed, so a service
 * that never overlaps its calls fails the test instead of hanging it): overlap is then shown, not timed.
 */
export interface RecordingModel {
  readonly url: string;
  /** Every call since the server started (or since `reset`). */
  calls(): RecordedCall[];
  generationCalls(): RecordedCall[];
  /** Most generation calls the server held at one time since `reset`. */
  maxInFlight(): number;
  holdUntil(inFlight: number): void;
  reset(): void;
  close(): Promise<void>;
}

const JUDGE_MARK = '<1-5>';

const promptText = (request: RecordedRequest): string => {
  const body = request.body as { contents?: { parts?: { text?: string }[] }[] } | undefined;
  return (body?.contents ?? []).flatMap((c) => (c.parts ?? []).map((p) => p.text ?? '')).join('\n');
};

const toCall = (request: RecordedRequest): RecordedCall => {
  const config = geminiGenerationConfig(request);
  const prompt = promptText(request);
  return {
    model: geminiRequestModel(request.path),
    prompt,
    temperature: config.temperature,
    maxOutputTokens: config.maxOutputTokens,
    judge: prompt.includes(JUDGE_MARK),
  };
};

/** `count` grounded-looking items, unique to call `n`: distinct questions so none is a duplicate of another entry. */
const itemsFor = (n: number, count: number) =>
  Array.from({ length: count }, (_, k) => ({
    question: `What does passage ${n}-${k} say about how diabetes is diagnosed?`,
    answer: `Diabetes is diagnosed by testing the level of glucose in the blood, as passage ${n}-${k} explains.`,
    category: 'Diagnosis',
    difficulty: 'beginner',
  }));

export const startRecordingModel = async (options: { readonly releaseAfterMs?: number } = {}): Promise<RecordingModel> => {
  let from = 0;
  let inFlight = 0;
  let max = 0;
  let target = 1;
  const waiting = new Set<() => void>();
  const releaseAll = (): void => {
    for (const release of waiting) release();
    waiting.clear();
  };
  const server: FakeServer = await startFakeGemini(async (request: RecordedRequest, index: number): Promise<FakeReply> => {
    const call = toCall(request);
    if (call.judge) return { kind: 'complete', text: JSON.stringify({ question: 5, answer: 5, relevance: 5, consistency: 5 }) };
    inFlight++;
    max = Math.max(max, inFlight);
    if (inFlight >= target) releaseAll();
    else
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(resolve);
          resolve();
        }, options.releaseAfterMs ?? 2000);
        waiting.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    inFlight--;
    const count = Number(/Write exactly (\d+)/.exec(call.prompt)?.[1] ?? 1);
    return { kind: 'complete', text: JSON.stringify({ items: itemsFor(index, count) }), inputTokens: 50, outputTokens: 20 };
  });
  const all = (): RecordedCall[] => server.requests.slice(from).map(toCall);
  return {
    url: server.url,
    calls: all,
    generationCalls: () => all().filter((c) => !c.judge),
    maxInFlight: () => max,
    holdUntil: (n) => {
      target = n;
    },
    reset: () => {
      from = server.requests.length;
      max = 0;
      target = 1;
      releaseAll();
    },
    close: async () => {
      releaseAll();
      await server.close();
    },
  };
};
