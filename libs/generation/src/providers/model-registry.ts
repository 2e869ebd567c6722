import { DomainError, ValidationError } from '@compileo/domain';
import type { ModelProvider } from '../model-provider.port';

export interface ModelConfig {
  readonly geminiApiKey?: string;
  readonly ollamaHost?: string;
  /** COMPILEO_DEFAULT_MODEL, else gemini when a key is set, else extractive. */
  readonly defaultModel?: string;
}

export interface ResolvedModel {
  /** The provider's name, e.g. `extractive`, `gemini`. */
  readonly provider: string;
  /** The model as recorded with the dataset, e.g. `extractive`, `gemini-2.5-flash`, `ollama:llama3.1`. */
  readonly model: string;
}

const REMOTE = [
  { provider: 'gemini', matches: (name: string) => name === 'gemini' || name.startsWith('gemini-'), setting: 'GEMINI_API_KEY' },
  { provider: 'ollama', matches: (name: string) => name === 'ollama' || name.startsWith('ollama:'), setting: 'OLLAMA_HOST' },
] as const;

/**
 * Picks the provider for a model name (`classification_model`, `regeneration_config.model`). A name
 * the service knows but cannot serve as configured is a 422 that says why; an unknown name is a 400.
 */
export class ModelRegistry {
  private readonly providers = new Map<string, ModelProvider>();

  constructor(private readonly config: ModelConfig, providers: readonly ModelProvider[]) {
    for (const provider of providers) this.providers.set(provider.name, provider);
  }

  get defaultModel(): string {
    return this.config.defaultModel ?? (this.config.geminiApiKey ? 'gemini' : 'extractive');
  }

  resolve(requested: string | undefined, field: string): ResolvedModel {
    const name = (requested ?? this.defaultModel).trim();
    if (this.providers.has(name)) return { provider: name, model: name };
    const remote = REMOTE.find((r) => r.matches(name));
    if (!remote) throw ValidationError.field(field, `unknown model '${name}'; use extractive, gemini[-<model>] or ollama[:<model>]`);
    const configured = remote.provider === 'gemini' ? this.config.geminiApiKey : this.config.ollamaHost;
    if (!configured) throw new DomainError(`${field} '${name}' needs ${remote.setting}, which is not set on this server; use 'extractive' to generate offline`);
    if (!this.providers.has(remote.provider)) throw new DomainError(`${field} '${name}': the ${remote.provider} provider is not available in this build; use 'extractive'`);
    return { provider: remote.provider, model: name };
  }

  provider(name: string): ModelProvider {
    const provider = this.providers.get(name);
    if (!provider) throw new DomainError(`model provider '${name}' is not available`);
    return provider;
  }
}
