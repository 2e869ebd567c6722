import type { GeneratedItem } from '@compileo/domain';
import type { GenerationRequest, GenerationResult, InvalidItem, ModelProvider, TokenUsage } from '../model-provider.port';
import { normalizeText } from '../dedup/near-duplicate';
import { itemShapeFor, responseJsonSchema, type JsonSchema } from './item-schema';
import { parseItems } from './parse-items';
import { callResiliently, RESILIENCE_DEFAULTS, resolveResilience, type Resilience, type ResilienceOptions } from './resilient-call';
import { abortErrorFor } from './sleep';
import type { Completion, TextModelClient } from './text-model-client';

/** Timeout, attempts (per request or top-up), limiter, retry policy and sleep as in ResilienceOptions, plus top-ups. */
export interface RemoteModelProviderOptions extends ResilienceOptions {
  /** Follow-up calls for the items still missing after the first call. */
  readonly maxTopUps?: number;
}

export const REMOTE_DEFAULTS = { ...RESILIENCE_DEFAULTS, maxTopUps: 2 } as const;

/** Bounds on the "already written" list so a long history cannot crowd the chunk out of the prompt. */
const AVOID_LIST_MAX = 50;
const AVOID_TEXT_MAX = 200;

interface Tally {
  readonly items: GeneratedItem[];
  readonly keys: Set<string>;
  readonly invalid: InvalidItem[];
  /** Questions so far (and the request's avoid texts), listed in top-up prompts. */
  readonly written: string[];
  inputTokens: number;
  outputTokens: number;
  calls: number;
  model: string;
}

/**
 * A ModelProvider over any vendor's TextModelClient: everything vendor-independent lives here. Each call runs
 * in a slot of the model's shared AdaptiveLimiter with its own timeout; retryable failures (429, 5xx,
 * timeouts, network) are retried with jittered back-off or the server's Retry-After; the reply is parsed
 * leniently and validated item by item; if fewer than `count` good items came back, follow-up calls ask for
 * the rest. Aborting `request.signal` rejects at once with an AbortError and is never retried.
 */
export class RemoteModelProvider implements ModelProvider {
  readonly name: string;
  private readonly maxTopUps: number;
  private readonly resilience: Resilience;

  constructor(
    private readonly client: TextModelClient,
    options: RemoteModelProviderOptions = {},
  ) {
    this.name = client.provider;
    this.resilience = resolveResilience(options);
    this.maxTopUps = Math.max(0, options.maxTopUps ?? REMOTE_DEFAULTS.maxTopUps);
  }

  async generate(request: GenerationRequest): Promise<GenerationResult> {
    if (request.signal?.aborted) throw abortErrorFor(request.signal);
    const tally: Tally = {
      items: [],
      keys: new Set(),
      invalid: [],
      written: [],
      inputTokens: 0,
      outputTokens: 0,
      calls: 0,
      model: this.client.model,
    };
    for (const text of request.avoid) {
      tally.keys.add(normalizeText(text));
      tally.written.push(text);
    }
    const schema = responseJsonSchema(request.mode);
    // A failure of the first call fails the request: there is nothing to return.
    this.absorb(await this.complete(withWritten(request.prompt, tally.written), schema, request, tally), request, tally);

    for (let topUp = 1; topUp <= this.maxTopUps && tally.items.length < request.count; topUp++) {
      const missing = request.count - tally.items.length;
      let completion: Completion;
      try {
        completion = await this.complete(topUpPrompt(request.prompt, tally.written, missing), schema, request, tally);
      } catch (error) {
        if (request.signal?.aborted) throw abortErrorFor(request.signal);
        // The items already in hand are good; a failed top-up returns them rather than losing them.
        tally.invalid.push({ raw: null, reason: `top-up call failed: ${message(error)}` });
        break;
      }
      // A top-up that adds nothing new is unlikely to be followed by one that does: stop paying for calls.
      if (this.absorb(completion, request, tally) === 0) break;
    }

    const usage: TokenUsage = { inputTokens: tally.inputTokens, outputTokens: tally.outputTokens };
    return { items: tally.items, model: tally.model, usage, invalid: tally.invalid, calls: tally.calls };
  }

  /** Parses one reply into the tally; returns how many new items it added. */
  private absorb(completion: Completion, request: GenerationRequest, tally: Tally): number {
    tally.inputTokens += completion.usage.inputTokens;
    tally.outputTokens += completion.usage.outputTokens;
    tally.model = completion.model || this.client.model;
    const parsed = parseItems(completion.text, request.mode);
    tally.invalid.push(...parsed.invalid);
    let added = 0;
    for (const parsedItem of parsed.items) {
      // Surplus items beyond `count` are not wanted; they are not invalid either.
      if (tally.items.length >= request.count) break;
      const item = canonicalCategory(parsedItem, request.categories);
      const key = dedupKey(item, request);
      if (key === '' || tally.keys.has(key)) {
        tally.invalid.push({ raw: item, reason: 'duplicate of an item already written for this chunk' });
        continue;
      }
      tally.keys.add(key);
      tally.written.push(item.question ?? item.instruction ?? '');
      tally.items.push(item);
      added++;
    }
    return added;
  }

  /** One logical call: retried under the policy until it succeeds, fails for good, or the request aborts. */
  private complete(prompt: string, jsonSchema: JsonSchema, request: GenerationRequest, tally: Tally): Promise<Completion> {
    return callResiliently(
      this.client,
      { prompt, jsonSchema, temperature: request.temperature, maxTokens: request.maxTokens, signal: request.signal },
      this.resilience,
      { onAttempt: () => tally.calls++ },
    );
  }
}

/**
 * Items are de-duplicated by question. Summaries are the exception: their `question` is an instruction such as
 * "Summarize the section" that may rightly repeat across summaries of different length, so the summary counts too.
 */
const dedupKey = (item: GeneratedItem, request: GenerationRequest): string => {
  const question = item.question ?? item.instruction ?? '';
  return normalizeText(itemShapeFor(request.mode) === 'summarization' ? `${question} ${item.answer ?? ''}` : question);
};

/** Models change the case of taxonomy names; entries keep a category only on an exact match, so restore the taxonomy's spelling. */
const canonicalCategory = (item: GeneratedItem, categories: readonly string[] | null): GeneratedItem => {
  if (!categories || item.category === null) return item;
  const wanted = item.category.toLowerCase();
  const match = categories.find((c) => c.trim().toLowerCase() === wanted);
  return match === undefined || match === item.category ? item : { ...item, category: match };
};

const writtenList = (written: readonly string[]): string =>
  written
    .filter((t) => t.trim() !== '')
    .slice(-AVOID_LIST_MAX)
    .map((t) => `- ${t.length > AVOID_TEXT_MAX ? `${t.slice(0, AVOID_TEXT_MAX)}…` : t}`)
    .join('\n');

/** The prompt plus texts already generated from this chunk (a regeneration's `avoid`), if any. */
const withWritten = (prompt: string, written: readonly string[]): string => {
  const list = writtenList(written);
  return list === '' ? prompt : `${prompt}\n\nAlready written, do not repeat:\n${list}`;
};

/** The follow-up: same prompt and format, asking only for the missing number. The last instruction wins with most models. */
export const topUpPrompt = (prompt: string, written: readonly string[], missing: number): string =>
  `${withWritten(prompt, written)}\n\nWrite exactly ${missing} more distinct item${missing === 1 ? '' : 's'}, in the same JSON format.`;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
