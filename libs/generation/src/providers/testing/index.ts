export * from './fake-http-server';
export * from './fake-gemini-server';
export * from './fake-ollama-server';
export * from './fake-openai-server';
export * from './client-test-helpers';
export * from './text-model-client.contract';
