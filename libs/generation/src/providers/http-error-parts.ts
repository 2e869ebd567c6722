/** Retry-After: delta-seconds (fractions tolerated) or an HTTP date; null when absent or unreadable. */
export const parseRetryAfter = (value: string | null | undefined, now: number = Date.now()): number | null => {
  if (value === null || value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
};

// Duck-typed on purpose: under Jest, errors from Node's fetch (undici) and AbortSignal.timeout() come from
// another realm, so `instanceof Error` is false for a DOMException or TypeError they throw.
export const errorName = (value: unknown): string | null =>
  typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
    ? (value as { name: string }).name
    : null;

export const errorMessage = (value: unknown): string =>
  typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string'
    ? (value as { message: string }).message
    : String(value);

export const errorCause = (value: unknown): unknown =>
  typeof value === 'object' && value !== null ? (value as { cause?: unknown }).cause : undefined;
