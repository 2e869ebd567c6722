import { ModelCallError, type CompletionRequest } from '../../remote/text-model-client';

/** A completion request for client tests: one question, the given schema, sampling settings overridable. */
export const completionRequest = (
  jsonSchema: CompletionRequest['jsonSchema'],
  overrides: Partial<CompletionRequest> = {},
): CompletionRequest => ({
  prompt: 'Write one question about the text.',
  jsonSchema,
  temperature: 0.3,
  maxTokens: 256,
  signal: new AbortController().signal,
  ...overrides,
});

/** The ModelCallError a call rejects with; fails the test when it resolves or throws something else. */
export const caughtModelCallError = async (promise: Promise<unknown>): Promise<ModelCallError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ModelCallError) return error;
    throw new Error(`expected a ModelCallError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected the call to fail');
};
