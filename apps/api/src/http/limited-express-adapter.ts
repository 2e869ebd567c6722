import type { AppConfig } from '@compileo/platform';
import { ExpressAdapter } from '@nestjs/platform-express';
import { createServer, type RequestListener } from 'node:http';

export type HttpLimits = Pick<
  AppConfig,
  | 'COMPILEO_HTTP_HEADERS_TIMEOUT_MS'
  | 'COMPILEO_HTTP_REQUEST_TIMEOUT_MS'
  | 'COMPILEO_HTTP_KEEP_ALIVE_TIMEOUT_MS'
  | 'COMPILEO_HTTP_IDLE_TIMEOUT_MS'
  | 'COMPILEO_HTTP_MAX_CONNECTIONS'
>;

/**
 * Nest's Express adapter with a server that drops slow and idle clients and caps open connections. The
 * server is built here because Node reads the timeout-checking interval only when the server is created: by
 * default it looks every 30 s, so a header or body timeout could overrun by that much.
 */
export class LimitedExpressAdapter extends ExpressAdapter {
  constructor(private readonly limits: HttpLimits) {
    super();
  }

  override initHttpServer(): void {
    const l = this.limits;
    const server = createServer(
      {
        headersTimeout: l.COMPILEO_HTTP_HEADERS_TIMEOUT_MS,
        requestTimeout: l.COMPILEO_HTTP_REQUEST_TIMEOUT_MS,
        keepAliveTimeout: l.COMPILEO_HTTP_KEEP_ALIVE_TIMEOUT_MS,
        // A quarter of the shorter timeout (at most 1 s), so a timeout is enforced close to its value.
        connectionsCheckingInterval: Math.max(
          10,
          Math.min(1_000, Math.floor(Math.min(l.COMPILEO_HTTP_HEADERS_TIMEOUT_MS, l.COMPILEO_HTTP_REQUEST_TIMEOUT_MS) / 4)),
        ),
      },
      this.getInstance<RequestListener>(),
    );
    // No listener for 'timeout': Node then destroys the socket that has been silent for this long.
    server.setTimeout(l.COMPILEO_HTTP_IDLE_TIMEOUT_MS);
    server.maxConnections = l.COMPILEO_HTTP_MAX_CONNECTIONS;
    this.setHttpServer(server);
  }
}
