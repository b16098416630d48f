// Browser mode: the same contract served over loopback HTTP (127.0.0.1 only), plus the built renderer.
// Requests must carry the per-launch token that the served index.html holds, so that no other web
// page on this PC can call the app, and the Host must be our own (no DNS rebinding). The request handler is
// shared with the LAN host (handler.ts, hostServer.ts).
import { createServer, type Server } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { TestClock } from '../core/clock';
import { CSP } from '../main/guards';
import { createRequestHandler, type CoreLike } from './handler';
import { createPushHub, type PushHub } from './push';

/** The same strict Content-Security-Policy as the desktop app's app:// renderer. */
export { CSP };
export type { CoreLike };

export interface WebServerOptions {
  core: CoreLike;
  staticDir: string;
  port?: number;
  /** Only when started for tests: lets the tests move the app's clock. */
  testClock?: TestClock;
  token?: string;
}

export interface WebServer {
  server: Server;
  url: string;
  token: string;
  /** Live updates to the page (GET /api/events): publish the core's events here after their commit. */
  push: PushHub;
  close(): Promise<void>;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  let port = opts.port ?? 0;
  const allowed = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const push = createPushHub();
  const server = createServer(
    createRequestHandler({
      core: opts.core,
      staticDir: opts.staticDir,
      scheme: 'http',
      transport: 'http',
      allowedHosts: allowed,
      push,
      testClock: opts.testClock,
      indexMeta: () => `<meta name="aslm-token" content="${token}">`,
      authorize: (req, url) => {
        const h = req.headers['x-aslm-token'];
        // The event stream may carry the token in its address (an EventSource cannot set headers).
        const given =
          typeof h === 'string' ? h : url.pathname === '/api/events' ? (url.searchParams.get('token') ?? '') : '';
        return same(given, token) ? { ok: true } : { ok: false, status: 403, code: 'FORBIDDEN_SENDER' };
      },
    }),
  );
  // Browsers keep an idle connection for minutes: closing it first (Node's default is 5 s) races their next call.
  server.keepAliveTimeout = 330_000;
  server.headersTimeout = 340_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const addr = server.address();
  if (addr && typeof addr === 'object') port = addr.port;
  return {
    server,
    token,
    push,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((ok) => {
        push.close();
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
