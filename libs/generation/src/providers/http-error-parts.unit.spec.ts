import { errorCause, errorMessage, errorName, parseRetryAfter } from './http-error-parts';

describe('parseRetryAfter', () => {
  const NOW = Date.parse('2025-01-01T00:00:00Z');

  it('reads delta-seconds, fractions included, as milliseconds', () => {
    expect(parseRetryAfter('7', NOW)).toBe(7000);
    expect(parseRetryAfter(' 0.25 ', NOW)).toBe(250);
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter('12', NOW)).toBe(12_000);
  });

  it('reads an HTTP date as the time left until it, never negative', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', NOW)).toBe(0);
  });

  it('is null when absent, blank or unreadable', () => {
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter(undefined, NOW)).toBeNull();
    expect(parseRetryAfter('  ', NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter('5s', NOW)).toBeNull();
    expect(parseRetryAfter('x5', NOW)).toBeNull();
    expect(parseRetryAfter('5x', NOW)).toBeNull();
  });
});

describe('error parts', () => {
  it('read name, message and cause from any object, duck-typed', () => {
    const cause = new Error('inner');
    const error = Object.assign(new TypeError('outer'), { cause });
    expect(errorName(error)).toBe('TypeError');
    expect(errorMessage(error)).toBe('outer');
    expect(errorCause(error)).toBe(cause);
    expect(errorName({ name: 'AbortError' })).toBe('AbortError');
    expect(errorMessage({ message: 'plain object' })).toBe('plain object');
  });

  it('fall back for values that are not errors', () => {
    expect(errorName('text')).toBeNull();
    expect(errorName(null)).toBeNull();
    expect(errorName({ name: 42 })).toBeNull();
    expect(errorMessage('text')).toBe('text');
    expect(errorMessage(null)).toBe('null');
    expect(errorMessage({ message: 42 })).toBe('[object Object]');
    expect(errorCause('text')).toBeUndefined();
    expect(errorCause(null)).toBeUndefined();
  });
});
