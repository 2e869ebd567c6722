import type { TextModelClient } from '../../remote/text-model-client';
import { caughtModelCallError as caught, completionRequest } from './client-test-helpers';
import type { FakeReply, FakeServer, Script } from './fake-http-server';

export interface ClientSubject {
  /** Starts the vendor's fake server with a script. */
  readonly startFake: (script: Script<FakeReply>) => Promise<FakeServer>;
  /** A client pointed at the fake server. */
  readonly clientAt: (fake: FakeServer) => TextModelClient;
}

/**
 * What every vendor client must do the same way, run once per vendor: abort a call in flight when its
 * signal fires (not retryable), treat a timeout signal as retryable, and treat a refused connection as a
 * retryable error without a status.
 */
export const textModelClientContract = (name: string, subject: ClientSubject): void => {
  describe(`${name}: shared TextModelClient behaviour`, () => {
    const schema = { type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } }, required: ['items'] } as const;
    const request = (signal: AbortSignal) => completionRequest(schema, { signal });
    let fake: FakeServer | null = null;
    afterEach(async () => {
      await fake?.close();
      fake = null;
    });

    it('aborts an in-flight slow request instead of waiting for the reply', async () => {
      const controller = new AbortController();
      // The abort fires once the server holds the request; had it no effect, the (slow) reply would arrive.
      fake = await subject.startFake(() => {
        controller.abort(new Error('cancelled by test'));
        return { kind: 'complete', text: '{}', delayMs: 20_000 };
      });
      const error = await caught(subject.clientAt(fake).complete(request(controller.signal)));
      expect(error).toMatchObject({ status: null, retryable: false });
      expect(error.message).toMatch(/aborted/);
      // The server sees the connection go; no deadline here: the test's timeout is the hang guard.
      while (!fake.requests[0]?.aborted) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(fake.requests[0]?.aborted).toBe(true);
    });

    it('treats a timeout signal as retryable', async () => {
      fake = await subject.startFake({ kind: 'hang' });
      const error = await caught(subject.clientAt(fake).complete(request(AbortSignal.timeout(100))));
      expect(error).toMatchObject({ status: null, retryable: true });
      expect(error.message).toMatch(/timed out/);
    });

    it('maps a refused connection to a retryable error without status', async () => {
      const closed = await subject.startFake({ kind: 'complete', text: '{}' });
      const client = subject.clientAt(closed);
      await closed.close();
      const error = await caught(client.complete(request(new AbortController().signal)));
      expect(error).toMatchObject({ status: null, retryAfterMs: null, retryable: true });
      expect(error.message).toMatch(/ECONNREFUSED|fetch failed|Connection error/);
    });
  });
};
