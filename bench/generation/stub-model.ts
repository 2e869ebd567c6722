import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GeneratedItem } from '@compileo/domain';
import type { GenerationRequest, GenerationResult, ModelProvider } from '@compileo/generation';
import type { Completion, CompletionRequest, TextModelClient } from '../../libs/generation/src/remote/text-model-client';

const WORDS = (
  'alpha beta gamma delta river mountain protein enzyme ledger invoice tariff voltage circuit theorem lemma proof ' +
  'glacier harbor lantern meadow orbit pigment quarry reactor saddle timber umbrella vessel walnut yarrow zenith ' +
  'anchor bishop canyon dynamo ember falcon granite hollow island jasmine kernel lattice marble nectar oyster ' +
  'pepper quartz ribbon summit thistle utopia velvet willow xenon yeoman zephyr archive beacon cipher dossier'
).split(' ');

/** Deterministic PRNG (mulberry32), so every run draws the same texts. */
const prng = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const seedOf = (text: string): number => {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
};

const phrase = (rand: () => number, words: number): string =>
  Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');

/**
 * `count` distinct question/answer items for a chunk: random word strings, so that the near-duplicate
 * index sees realistic, mostly disjoint shingles and nothing is rejected as a duplicate.
 */
export const stubItems = (chunkId: string, count: number): GeneratedItem[] => {
  const rand = prng(seedOf(chunkId));
  return Array.from({ length: count }, (_, k) => ({
    question: `Question ${k} about ${phrase(rand, 12)}?`,
    answer: `The answer is ${phrase(rand, 30)}.`,
    category: null,
  }));
};

/**
 * The job's one signal is shared by every lane, and each pending sleep adds an abort listener to it: above
 * 10 lanes Node warns of a possible leak (MaxListenersExceededWarning). A real provider passing the signal
 * to fetch does the same; here the limit is lifted so the bench output stays clean.
 */
const abortable = (signal: AbortSignal | undefined): AbortSignal | undefined => {
  if (signal) setMaxListeners(0, signal);
  return signal;
};

/** A ModelProvider that answers every request after `latencyMs` (abortable), with valid items. */
export class StubModelProvider implements ModelProvider {
  readonly name = 'bench-stub';
  calls = 0;

  constructor(private readonly latencyMs: number) {}

  async generate(request: GenerationRequest): Promise<GenerationResult> {
    this.calls++;
    await sleep(this.latencyMs, undefined, { signal: abortable(request.signal) });
    return {
      items: stubItems(request.chunk.id, request.count),
      model: this.name,
      usage: { inputTokens: Math.ceil(request.prompt.length / 4), outputTokens: 60 * request.count },
      calls: 1,
    };
  }
}

/**
 * A TextModelClient (the seam under the remote provider) answering after `latencyMs` with a JSON array of
 * valid items. The chunk is not part of the request, so items are drawn from the prompt text.
 */
export class StubTextModelClient implements TextModelClient {
  readonly provider = 'openai' as const;
  readonly model = 'bench-stub';
  calls = 0;

  constructor(
    private readonly latencyMs: number,
    private readonly itemsPerCall: number,
  ) {}

  async complete(request: CompletionRequest): Promise<Completion> {
    this.calls++;
    await sleep(this.latencyMs, undefined, { signal: abortable(request.signal) });
    const items = stubItems(request.prompt, this.itemsPerCall).map(({ question, answer }) => ({ question, answer }));
    return {
      text: JSON.stringify(items),
      usage: { inputTokens: Math.ceil(request.prompt.length / 4), outputTokens: 60 * items.length },
      model: this.model,
    };
  }
}
