import { GEMINI_DEFAULT_MODEL, geminiWireModel, isGeminiModelName } from './gemini/model-names';
import { isOllamaModelName, OLLAMA_DEFAULT_MODEL, ollamaQualifiedModel, ollamaWireModel } from './ollama/model-names';
import { isOpenAIModelName, OPENAI_DEFAULT_MODEL, openaiQualifiedModel, openaiWireModel } from './openai/model-names';

describe('model names', () => {
  it('gemini: the bare name is the default model, any gemini-<model> is sent as given', () => {
    expect(isGeminiModelName('gemini')).toBe(true);
    expect(isGeminiModelName('gemini-2.5-pro')).toBe(true);
    expect(isGeminiModelName('geminix')).toBe(false);
    expect(isGeminiModelName('my-gemini-2')).toBe(false);
    expect(geminiWireModel('gemini')).toBe(GEMINI_DEFAULT_MODEL);
    expect(geminiWireModel(' gemini-2.5-pro ')).toBe('gemini-2.5-pro');
    expect(() => geminiWireModel('ollama')).toThrow("'ollama' is not a Gemini model name (gemini or gemini-<model>)");
  });

  it('ollama: everything after the first colon is the model; nothing after it is refused', () => {
    expect(isOllamaModelName('ollama')).toBe(true);
    expect(isOllamaModelName('ollama:qwen')).toBe(true);
    expect(isOllamaModelName('ollamaqwen')).toBe(false);
    expect(isOllamaModelName('x-ollama:qwen')).toBe(false);
    expect(ollamaWireModel('ollama')).toBe(OLLAMA_DEFAULT_MODEL);
    expect(ollamaWireModel(' ollama:llama3.1:8b ')).toBe('llama3.1:8b');
    expect(() => ollamaWireModel('ollama:')).toThrow("'ollama:' names no model after 'ollama:'");
    expect(() => ollamaWireModel('gemini')).toThrow("'gemini' is not an Ollama model name (ollama or ollama:<model>)");
    expect(ollamaQualifiedModel('qwen')).toBe('ollama:qwen');
  });

  it('openai: everything after the first colon is the model; nothing after it is refused', () => {
    expect(isOpenAIModelName('openai')).toBe(true);
    expect(isOpenAIModelName('openai:gpt-4o')).toBe(true);
    expect(isOpenAIModelName('openaigpt')).toBe(false);
    expect(isOpenAIModelName('my-openai:gpt')).toBe(false);
    expect(openaiWireModel('openai')).toBe(OPENAI_DEFAULT_MODEL);
    expect(openaiWireModel(' openai:org/model:q4 ')).toBe('org/model:q4');
    expect(() => openaiWireModel('openai:')).toThrow("'openai:' names no model after 'openai:'");
    expect(() => openaiWireModel('gemini')).toThrow("'gemini' is not an OpenAI-compatible model name (openai:<model>)");
    expect(openaiQualifiedModel('gpt-4o')).toBe('openai:gpt-4o');
  });
});
