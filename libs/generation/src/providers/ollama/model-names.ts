/** The Ollama model used for the bare name `ollama`. */
export const OLLAMA_DEFAULT_MODEL = 'llama3.1';

/** `ollama` or `ollama:<model>`. */
export const isOllamaModelName = (name: string): boolean => name === 'ollama' || name.startsWith('ollama:');

/** The model sent to Ollama: `ollama` → `llama3.1`; `ollama:llama3.1:8b` → `llama3.1:8b` (everything after the first colon). */
export const ollamaWireModel = (name: string): string => {
  const trimmed = name.trim();
  if (!isOllamaModelName(trimmed)) throw new Error(`'${name}' is not an Ollama model name (ollama or ollama:<model>)`);
  const model = trimmed === 'ollama' ? OLLAMA_DEFAULT_MODEL : trimmed.slice('ollama:'.length);
  if (model === '') throw new Error(`'${name}' names no model after 'ollama:'`);
  return model;
};

/** The name recorded with datasets: `ollama:<model>`. */
export const ollamaQualifiedModel = (wireModel: string): string => `ollama:${wireModel}`;
