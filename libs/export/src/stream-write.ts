import type { Writable } from 'stream';

type StreamState = Partial<Pick<Writable, 'destroyed' | 'writableEnded'>>;

/** Throws if `out` can no longer take data; waiting for 'drain' on it would never return. */
export function assertWritable(out: NodeJS.WritableStream): void {
  // NodeJS.WritableStream does not declare these, but every real Writable (and http.ServerResponse) has them.
  const state = out as NodeJS.WritableStream & StreamState;
  if (state.destroyed || state.writableEnded || !out.writable) {
    throw new Error('output stream is closed');
  }
}

/**
 * Writes one chunk and waits for 'drain' when the stream asks for it, so a slow reader (an HTTP client,
 * a zip entry) throttles the producer instead of letting memory grow. Rejects if the stream errors or
 * closes while we wait, otherwise a disconnected client would leave the export hanging forever.
 */
export function writeChunk(out: NodeJS.WritableStream, chunk: string | Buffer): Promise<void> {
  try {
    assertWritable(out);
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
  if (out.write(chunk)) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const cleanup = (): void => {
      out.removeListener('drain', onDrain);
      out.removeListener('error', onError);
      out.removeListener('close', onClose);
    };
    const onDrain = (): void => {
      cleanup();
      resolve();
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    const onClose = (): void => {
      cleanup();
      reject(new Error('output stream closed before the export finished'));
    };
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
  });
}
