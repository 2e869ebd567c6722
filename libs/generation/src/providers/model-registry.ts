import { DomainError, ValidationError } from '@compileo/domain';
import type { ModelProvider, TokenUsage } from '../model-provider.port';
import { costOf, type PriceTable } from '../pricing';
import { AdaptiveLimiter } from '../remote/adaptive-limiter';
import { RemoteModelProvider } from '../remote/remote.provider';
import type { TextModelClient } from '../remote/text-model-client';
import { ExtractiveAnswerer, RemoteAnswerer, type Answerer } from '../evaluation/answerer';
import { ModelJudge, type Judge } from '../judge/model-judge';
import { ExtractiveProvider } from './extractive.provider';
import { createGeminiClient } from './gemini/gemini.client';
import { geminiWireModel, isGeminiModelName } from './gemini/model-names';
import { ollamaQualifiedModel, ollamaWireModel, isOllamaModelName } from './ollama/model-names';
import { createOllamaClient } from './ollama/ollama.client';
import { isOpenAIModelName, openaiQualifiedModel, openaiWireModel } from './openai/model-names';
import { createOpenAIClient } from './openai/openai.client';

export interface ModelConfig {
  readonly geminiApiKey?: string;
  readonly geminiBaseUrl?: string;
  readonly ollamaHost?: string;
  readonly openaiBaseUrl?: string;
  readonly openaiApiKey?: string;
  /** COMPILEO_DEFAULT_MODEL, else gemini when a key is set, else extractive. */
  readonly defaultModel?: string;
  readonly prices?: PriceTable;
  /** Per-call timeout and the most calls in flight to one model (the adaptive limiter's ceiling). */
  readonly callTimeoutMs?: number;
  readonly maxConcurrentCalls?: number;
  /** A remote model that scores entries with the rubric judge when `analyze_quality` is on. */
  readonly judgeModel?: string;
}

export interface ResolvedModel {
  /** The provider's name: `extractive`, `gemini`, `ollama` or `openai`. */
  readonly provider: string;
  /** The model as recorded with the dataset: `extractive`, `gemini-2.5-flash`, `ollama:llama3.1`, `openai:gpt-4o-mini`. */
  readonly model: string;
}

interface Remote {
  readonly provider: 'gemini' | 'ollama' | 'openai';
  readonly matches: (name: string) => boolean;
  readonly setting: string;
  readonly configured: (c: ModelConfig) => boolean;
  readonly recorded: (name: string) => string;
  readonly client: (c: ModelConfig, model: string) => TextModelClient;
}

const REMOTES: readonly Remote[] = [
  {
    provider: 'gemini',
    matches: isGeminiModelName,
    setting: 'GEMINI_API_KEY',
    configured: (c) => !!c.geminiApiKey,
    recorded: geminiWireModel,
    client: (c, model) => createGeminiClient({ apiKey: c.geminiApiKey!, baseUrl: c.geminiBaseUrl, timeoutMs: c.callTimeoutMs }, model),
  },
  {
    provider: 'ollama',
    matches: isOllamaModelName,
    setting: 'OLLAMA_HOST',
    configured: (c) => !!c.ollamaHost,
    recorded: (name) => ollamaQualifiedModel(ollamaWireModel(name)),
    client: (c, model) => createOllamaClient({ host: c.ollamaHost! }, model),
  },
  {
    provider: 'openai',
    matches: isOpenAIModelName,
    setting: 'OPENAI_BASE_URL or OPENAI_API_KEY',
    configured: (c) => !!(c.openaiBaseUrl || c.openaiApiKey),
    recorded: (name) => openaiQualifiedModel(openaiWireModel(name)),
    client: (c, model) => createOpenAIClient({ baseUrl: c.openaiBaseUrl, apiKey: c.openaiApiKey, timeoutMs: c.callTimeoutMs }, model),
  },
];

/** Whether `name` is a model name this service understands (configured or not): `extractive` or a provider's. */
export const isKnownModelName = (name: string): boolean => name === 'extractive' || REMOTES.some((r) => r.matches(name));

/**
 * Picks the provider for a model name (`classification_model`, `regeneration_config.model`). A name the
 * service knows but cannot serve as configured is a 422 that says why; an unknown name is a 400. Each
 * remote model gets one provider, so all jobs calling it share one adaptive limiter (429s slow them all).
 */
export class ModelRegistry {
  private readonly extractive = new ExtractiveProvider();
  private readonly remote = new Map<
    string,
    { readonly client: TextModelClient; readonly limiter: AdaptiveLimiter; readonly provider: ModelProvider }
  >();

  constructor(private readonly config: ModelConfig) {}

  get defaultModel(): string {
    return this.config.defaultModel ?? (this.config.geminiApiKey ? 'gemini' : 'extractive');
  }

  resolve(requested: string | undefined, field: string): ResolvedModel {
    const name = (requested ?? this.defaultModel).trim();
    if (name === 'extractive') return { provider: 'extractive', model: 'extractive' };
    const remote = REMOTES.find((r) => r.matches(name));
    if (!remote)
      throw ValidationError.field(field, `unknown model '${name}'; use extractive, gemini[-<model>], ollama[:<model>] or openai:<model>`);
    let model: string;
    try {
      model = remote.recorded(name);
    } catch (error) {
      throw ValidationError.field(field, error instanceof Error ? error.message : String(error));
    }
    if (!remote.configured(this.config)) {
      throw new DomainError(
        `${field} '${name}' needs ${remote.setting}, which is not set on this server; use 'extractive' to generate offline`,
        field,
      );
    }
    return { provider: remote.provider, model };
  }

  /** The provider serving a resolved model (created once per model). */
  providerFor(resolved: ResolvedModel): ModelProvider {
    return resolved.provider === 'extractive' ? this.extractive : this.remoteFor(resolved).provider;
  }

  /** Answers benchmark questions with the model (the offline model answers from the context only). */
  answererFor(resolved: ResolvedModel): Answerer {
    if (resolved.provider === 'extractive') return new ExtractiveAnswerer();
    const { client, limiter } = this.remoteFor(resolved);
    return new RemoteAnswerer(client, { limiter, timeoutMs: this.config.callTimeoutMs, model: resolved.model });
  }

  /** The rubric judge configured by COMPILEO_JUDGE_MODEL, or null when none is (or the offline model is named). */
  judge(): Judge | null {
    if (!this.config.judgeModel) return null;
    const resolved = this.resolve(this.config.judgeModel, 'COMPILEO_JUDGE_MODEL');
    if (resolved.provider === 'extractive') return null;
    const { client, limiter } = this.remoteFor(resolved);
    return new ModelJudge(client, { limiter, timeoutMs: this.config.callTimeoutMs, model: resolved.model });
  }

  /** One client and one adaptive limiter per remote model, shared by generation, judging and benchmarks. */
  private remoteFor(resolved: ResolvedModel) {
    let remote = this.remote.get(resolved.model);
    if (!remote) {
      const vendor = REMOTES.find((r) => r.provider === resolved.provider)!;
      const client = vendor.client(this.config, resolved.model);
      const limiter = new AdaptiveLimiter({ maxConcurrency: this.config.maxConcurrentCalls ?? 32 });
      remote = { client, limiter, provider: new RemoteModelProvider(client, { limiter, timeoutMs: this.config.callTimeoutMs }) };
      this.remote.set(resolved.model, remote);
    }
    return remote;
  }

  /** USD for `usage` on `model` from the configured price table; null when it has no price. */
  costOf(model: string, usage: TokenUsage): number | null {
    return costOf(this.config.prices, model, usage);
  }
}
