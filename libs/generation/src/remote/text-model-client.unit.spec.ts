import { ModelCallError } from './text-model-client';

describe('ModelCallError', () => {
  it('carries status, Retry-After and retryability, and is an Error', () => {
    const error = new ModelCallError('HTTP 429: quota exceeded', 429, 3_000, true);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'ModelCallError',
      message: 'HTTP 429: quota exceeded',
      status: 429,
      retryAfterMs: 3_000,
      retryable: true,
    });
  });

  it('uses a null status for network failures and timeouts', () => {
    expect(new ModelCallError('socket hang up', null, null, true).status).toBeNull();
  });
});
