import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake server received it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query, e.g. `/v1beta/models/gemini-2.5-flash:generateContent`. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
  /** The body parsed as JSON; undefined when it is empty or not JSON. */
  readonly body: unknown;
  /** Set when the client went away before the server answered (an aborted call). */
  aborted: boolean;
}

/** A complete HTTP answer. `delayMs` holds it back (the timer is dropped if the client aborts or the server closes). */
export interface RawReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Serialised as JSON unless it is already a string. */
  readonly body?: unknown;
  readonly delayMs?: number;
}

/** Decides the answer to one request; `index` counts the requests this server has seen, from 0. */
export type RawHandler = (request: RecordedRequest, index: number) => RawReply | 'hang' | Promise<RawReply | 'hang'>;

export interface FakeServer {
  /** Origin, e.g. `http://127.0.0.1:41235` (no trailing slash). */
  readonly url: string;
  /** Every request received, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Stops listening and drops every open connection, answered or not. */
  close(): Promise<void>;
}

const parseJson = (text: string): unknown => {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/**
 * A loopback HTTP server (127.0.0.1, a free port) that records each request and answers as `handler` says.
 * 'hang' never answers: the request stays open until the client aborts or the server closes.
 */
export const startFakeHttpServer = async (handler: RawHandler): Promise<FakeServer> => {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const send = (res: ServerResponse, reply: RawReply): void => {
    if (res.destroyed || res.writableEnded) return;
    const body = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    const headers: Record<string, string> = {
      ...(reply.body !== undefined && typeof reply.body !== 'string' ? { 'content-type': 'application/json' } : {}),
      ...reply.headers,
    };
    res.writeHead(reply.status, headers);
    res.end(body);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const rawBody = await readBody(req);
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        rawBody,
        body: parseJson(rawBody),
        aborted: false,
      };
      const index = requests.length;
      requests.push(recorded);
      res.on('close', () => {
        if (!res.writableFinished) recorded.aborted = true;
      });
      let reply: RawReply | 'hang';
      try {
        reply = await handler(recorded, index);
      } catch (error) {
        reply = { status: 500, body: { error: `fake server script failed: ${error instanceof Error ? error.message : String(error)}` } };
      }
      if (reply === 'hang') return;
      const answer = reply;
      if (!answer.delayMs) return send(res, answer);
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(res, answer);
      }, answer.delayMs);
      timers.add(timer);
      res.on('close', () => {
        clearTimeout(timer);
        timers.delete(timer);
      });
    })().catch(() => res.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

/** A script as a function, a list of replies used in turn (the last one repeats), or one reply for every request. */
export type Script<R> = ((request: RecordedRequest, index: number) => R | Promise<R>) | readonly R[] | R;

export const scriptStep = async <R>(
  script: Script<R>,
  request: RecordedRequest,
  index: number,
  isReply: (value: unknown) => value is R,
): Promise<R> => {
  if (typeof script === 'function') return (script as (request: RecordedRequest, index: number) => R | Promise<R>)(request, index);
  if (Array.isArray(script)) {
    const list = script as readonly R[];
    if (list.length === 0) throw new Error('empty script');
    return list[Math.min(index, list.length - 1)];
  }
  if (!isReply(script)) throw new Error('invalid script');
  return script;
};

/** The reply kinds every vendor fake understands; each vendor renders them in its own wire format. */
export type FakeReply =
  | {
      readonly kind: 'complete';
      readonly text: string;
      readonly inputTokens?: number;
      readonly outputTokens?: number;
      /** The model the fake says answered; defaults to the one requested. */
      readonly model?: string;
      /** The vendor's finish reason, verbatim (Gemini `STOP`/`MAX_TOKENS`, OpenAI `stop`/`length`, Ollama `stop`/`length`). */
      readonly finishReason?: string;
      readonly delayMs?: number;
    }
  | {
      readonly kind: 'error';
      readonly status: number;
      readonly message?: string;
      /** Sent as the Retry-After header, verbatim (seconds or an HTTP date). */
      readonly retryAfter?: string;
      /** Gemini only: a google.rpc.RetryInfo detail in the error body, e.g. `7s`. */
      readonly retryDelay?: string;
      readonly headers?: Readonly<Record<string, string>>;
      readonly delayMs?: number;
    }
  /** Never answers (until the client aborts or the server closes). */
  | { readonly kind: 'hang' }
  /** Sent as is, bypassing the vendor format. */
  | { readonly kind: 'raw'; readonly reply: RawReply };

export const isFakeReply = (value: unknown): value is FakeReply =>
  typeof value === 'object' && value !== null && 'kind' in value && typeof value.kind === 'string';

export const errorHeaders = (reply: {
  readonly retryAfter?: string;
  readonly headers?: Readonly<Record<string, string>>;
}): Record<string, string> => ({
  ...(reply.retryAfter !== undefined ? { 'retry-after': reply.retryAfter } : {}),
  ...reply.headers,
});

export interface VendorRoute {
  readonly method: string;
  readonly path: RegExp;
}

/**
 * The common shape of the vendor fakes: requests that match `route` are answered from the script through `render`;
 * anything else gets a 404, and a hang reply never answers.
 */
export const startVendorFake = (
  script: Script<FakeReply>,
  route: VendorRoute,
  render: (reply: Exclude<FakeReply, { kind: 'hang' } | { kind: 'raw' }>, request: RecordedRequest) => RawReply,
  precheck?: (request: RecordedRequest) => RawReply | null,
): Promise<FakeServer> =>
  startFakeHttpServer(async (request, index) => {
    const pathOnly = request.path.split('?')[0] ?? '';
    if (request.method !== route.method || !route.path.test(pathOnly))
      return { status: 404, body: { error: `no route for ${request.method} ${request.path}` } };
    const rejected = precheck?.(request);
    if (rejected) return rejected;
    const reply = await scriptStep(script, request, index, isFakeReply);
    if (reply.kind === 'hang') return 'hang';
    if (reply.kind === 'raw') return reply.reply;
    return render(reply, request);
  });

/** A field of the recorded JSON body, or undefined. */
export const bodyField = (request: RecordedRequest, key: string): unknown =>
  typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>)[key] : undefined;

export const defaultOutputTokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));
