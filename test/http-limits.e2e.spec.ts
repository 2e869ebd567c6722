import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startService, stopAllServices, type ServiceProcess } from './support/service-process';

/** A raw client socket: everything the server sent, and a promise that resolves when the server has closed it. */
interface RawClient {
  readonly socket: Socket;
  received(): string;
  readonly closed: Promise<void>;
}

const rawClient = (port: number): Promise<RawClient> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', () => undefined); // a reset counts as closed
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
    socket.once('error', reject);
  });

/** Writes `prefix`, then one `filler` byte every `everyMs` until the socket closes. */
const trickle = (client: RawClient, prefix: string, filler: string, everyMs: number): void => {
  client.socket.write(prefix);
  const timer = setInterval(() => {
    if (client.socket.destroyed || client.socket.writableEnded) return clearInterval(timer);
    client.socket.write(filler);
  }, everyMs);
  void client.closed.then(() => clearInterval(timer));
};

const HEALTH = 'GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n';

/** Resolves 'answered' on a full status line, 'closed' when the server closes first. */
const answeredOrClosed = (client: RawClient): Promise<'answered' | 'closed'> =>
  new Promise((resolve) => {
    const check = (): void => {
      if (/^HTTP\/1\.1 \d{3} /.test(client.received())) resolve('answered');
    };
    client.socket.on('data', check);
    void client.closed.then(() => {
      check();
      resolve('closed');
    });
  });

/** /health answers; retried while the server sees the clients we just closed go (the test's timeout bounds it). */
const healthy = async (service: ServiceProcess): Promise<boolean> => {
  for (;;) {
    try {
      if ((await fetch(`${service.baseUrl}/health`)).ok) return true;
    } catch {
      // still at the cap
    }
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Must-have 6 of issue 7: slow and idle clients are dropped and open connections are capped, each configurable. */
describe('HTTP limits', () => {
  jest.setTimeout(90_000);
  let dataDir: string;
  const clients: RawClient[] = [];

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'compileo-http-limits-'));
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.socket.destroy();
    await stopAllServices();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const open = async (port: number): Promise<RawClient> => {
    const client = await rawClient(port);
    clients.push(client);
    return client;
  };

  it('drops clients that send a body or headers byte by byte with a 408, and the service still answers', async () => {
    const port = await freePort();
    const service = await startService(
      { DATA_DIR: dataDir, COMPILEO_HTTP_HEADERS_TIMEOUT_MS: '500', COMPILEO_HTTP_REQUEST_TIMEOUT_MS: '1500' },
      port,
    );
    const slowBody = await open(port);
    const post = 'POST /api/v1/projects HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n';
    trickle(slowBody, post, ' ', 50); // whitespace is valid JSON padding: only the pace is wrong
    const slowHeaders = await open(port);
    trickle(slowHeaders, 'GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ', 'a', 50);

    await Promise.all([slowBody.closed, slowHeaders.closed]);
    expect(slowBody.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(slowHeaders.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(await healthy(service)).toBe(true);
  });

  it('closes a connection that stays silent: mid-body past the idle timeout, between requests past the keep-alive timeout', async () => {
    const port = await freePort();
    await startService({ DATA_DIR: dataDir, COMPILEO_HTTP_KEEP_ALIVE_TIMEOUT_MS: '300', COMPILEO_HTTP_IDLE_TIMEOUT_MS: '600' }, port);
    // The request timeout (120 s by default) is far off: only the idle timeout can close this one.
    const stalled = await open(port);
    stalled.socket.write(
      'POST /api/v1/projects HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    const idleAfterRequest = await open(port);
    idleAfterRequest.socket.write(HEALTH);
    await Promise.all([stalled.closed, idleAfterRequest.closed]);
    expect(stalled.received()).not.toMatch(/^HTTP\/1\.1 2/);
    expect(idleAfterRequest.received()).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('closes connections past the cap and answers /health once they are gone', async () => {
    const port = await freePort();
    const cap = 4;
    const service = await startService(
      {
        DATA_DIR: dataDir,
        COMPILEO_HTTP_MAX_CONNECTIONS: String(cap),
        COMPILEO_HTTP_KEEP_ALIVE_TIMEOUT_MS: '60000',
        COMPILEO_HTTP_IDLE_TIMEOUT_MS: '60000',
      },
      port,
    );
    // Each held client has had an answer, so it is counted; the start-up probe's pooled socket may hold one more slot.
    const outcomes: ('answered' | 'closed')[] = [];
    for (let i = 0; i <= cap && !outcomes.includes('closed'); i++) {
      const client = await open(port);
      client.socket.write(HEALTH);
      outcomes.push(await answeredOrClosed(client));
    }
    expect(outcomes.at(-1)).toBe('closed');
    const answered = outcomes.filter((o) => o === 'answered').length;
    expect(answered).toBeGreaterThanOrEqual(cap - 1);
    expect(answered).toBeLessThanOrEqual(cap);

    for (const c of clients.splice(0)) c.socket.destroy();
    expect(await healthy(service)).toBe(true);
  });
});
