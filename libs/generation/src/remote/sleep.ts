/** Waits `ms`; rejects with the signal's AbortError as soon as `signal` aborts. Injectable so tests never wait. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The error thrown when a caller's signal aborts a generation: distinct from model failures, never retried. */
export class AbortError extends Error {
  constructor(message = 'The operation was aborted', options?: { readonly cause?: unknown }) {
    super(message, options);
    this.name = 'AbortError';
  }
}

/** An AbortError for an aborted signal, keeping its reason as the cause (shutdown, cancellation, ...). */
export const abortErrorFor = (signal: AbortSignal): AbortError => {
  const reason: unknown = signal.reason;
  if (reason instanceof AbortError) return reason;
  const detail = reason instanceof Error ? `: ${reason.message}` : typeof reason === 'string' ? `: ${reason}` : '';
  return new AbortError(`The operation was aborted${detail}`, { cause: reason });
};

export const isAbortError = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';

export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortErrorFor(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortErrorFor(signal as AbortSignal));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
