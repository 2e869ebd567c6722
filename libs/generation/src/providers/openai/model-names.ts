/** The model used for the bare name `openai`. */
export const OPENAI_DEFAULT_MODEL = 'gpt-4o-mini';

/** `openai` or `openai:<model>`. */
export const isOpenAIModelName = (name: string): boolean => name === 'openai' || name.startsWith('openai:');

/** The model sent to the API: `openai:gpt-4o-mini` → `gpt-4o-mini` (everything after the first colon); `openai` → the default. */
export const openaiWireModel = (name: string): string => {
  const trimmed = name.trim();
  if (!isOpenAIModelName(trimmed)) throw new Error(`'${name}' is not an OpenAI-compatible model name (openai:<model>)`);
  const model = trimmed === 'openai' ? OPENAI_DEFAULT_MODEL : trimmed.slice('openai:'.length);
  if (model === '') throw new Error(`'${name}' names no model after 'openai:'`);
  return model;
};

/** The name recorded with datasets: `openai:<model>`. */
export const openaiQualifiedModel = (wireModel: string): string => `openai:${wireModel}`;
