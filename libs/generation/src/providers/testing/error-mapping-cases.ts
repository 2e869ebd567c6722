/** Shared by the providers' error-mapping specs: signals, and the HTTP statuses every provider retries or not. */
export const liveSignal = (): AbortSignal => new AbortController().signal;

export const abortedSignal = (reason: unknown): AbortSignal => {
  const controller = new AbortController();
  controller.abort(reason);
  return controller.signal;
};

/** 408, 429 and 5xx are worth another try; any other 4xx is the request's fault. */
export const RETRYABLE_STATUS_CASES: readonly (readonly [status: number, retryable: boolean])[] = [
  [400, false],
  [401, false],
  [404, false],
  [408, true],
  [429, true],
  [499, false],
  [500, true],
  [502, true],
  [503, true],
];
