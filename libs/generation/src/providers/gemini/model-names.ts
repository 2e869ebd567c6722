/** The Gemini model used for the bare name `gemini`. */
export const GEMINI_DEFAULT_MODEL = 'gemini-2.5-flash';

/** `gemini` or `gemini-<anything>`. */
export const isGeminiModelName = (name: string): boolean => name === 'gemini' || name.startsWith('gemini-');

/** The model id sent to the API: `gemini` → `gemini-2.5-flash`; `gemini-2.5-pro` etc. as given. */
export const geminiWireModel = (name: string): string => {
  const trimmed = name.trim();
  if (!isGeminiModelName(trimmed)) throw new Error(`'${name}' is not a Gemini model name (gemini or gemini-<model>)`);
  return trimmed === 'gemini' ? GEMINI_DEFAULT_MODEL : trimmed;
};
