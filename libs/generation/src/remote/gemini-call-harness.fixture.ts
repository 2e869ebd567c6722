import { createGeminiClient } from '../providers/gemini/gemini.client';
import { startFakeGemini, type FakeReply, type FakeServer, type RecordedRequest, type Script } from '../providers/testing';
import { AdaptiveLimiter } from './adaptive-limiter';
import type { JsonModelCallOptions } from './json-model-call';
import { RetryPolicy } from './retry-policy';
import { abortErrorFor, type Sleep } from './sleep';
import type { TextModelClient } from './text-model-client';

/** Records waits without waiting (aborts still honoured). */
export const recordingSleep = (): { sleep: Sleep; waits: number[] } => {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms, signal) => {
      waits.push(ms);
      if (signal?.aborted) throw abortErrorFor(signal);
    },
  };
};

/** The prompt text of a recorded Gemini generateContent request. */
export const promptOf = (request: RecordedRequest | undefined): string => {
  const body = request?.body as { contents?: { parts?: { text?: string }[] }[] } | undefined;
  return body?.contents?.[0]?.parts?.[0]?.text ?? '';
};

export interface GeminiCallHarness {
  readonly server: FakeServer;
  readonly client: TextModelClient;
  readonly limiter: AdaptiveLimiter;
  /** Resilience options with recorded back-off waits and pinned jitter, to pass to a JsonModelCall user. */
  readonly options: JsonModelCallOptions;
  readonly waits: number[];
  readonly limiterWaits: number[];
}

/** A fake Gemini API and a client on it, with a limiter and back-off that record their waits instead of sleeping. */
export const geminiCallHarness = async (script: Script<FakeReply>): Promise<GeminiCallHarness> => {
  const server = await startFakeGemini(script, { apiKey: 'k' });
  const clock = recordingSleep();
  const limiterClock = recordingSleep();
  const limiter = new AdaptiveLimiter({ maxConcurrency: 4, sleep: limiterClock.sleep });
  const client = createGeminiClient({ apiKey: 'k', baseUrl: server.url }, 'gemini-2.5-flash');
  const options = { limiter, sleep: clock.sleep, retryPolicy: new RetryPolicy({ random: () => 0.5 }) };
  return { server, client, limiter, options, waits: clock.waits, limiterWaits: limiterClock.waits };
};
