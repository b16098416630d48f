// Browser mode: the same contract served over loopback HTTP (127.0.0.1 only), plus the built renderer.
// Requests must carry the per-launch token that the served index.html holds, so that no other web
// page on this PC can call the app, and the Host must be our own (no DNS rebinding).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Dispatch } from '../core/dispatch';
import type { TestClock } from '../core/clock';
import { CSP, decodePathname } from '../main/guards';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};
/** The same strict Content-Security-Policy as the desktop app's app:// renderer. */
export { CSP };
const MAX_BODY = 64 * 1024 * 1024;

/** What the server calls: an app core, or the core host (which survives a restore and answers in recovery mode). */
export interface CoreLike {
  dispatch: Dispatch;
  log(msg: string, err?: unknown): void;
}

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
  close(): Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'application/json; charset=utf-8',
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CSP,
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  });
  res.end(body);
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new Error('TOO_LARGE');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  const root = resolve(opts.staticDir);
  let port = opts.port ?? 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = createServer(async (req, res) => {
    try {
      if (!allowedHosts().has(req.headers.host ?? ''))
        return send(res, 421, JSON.stringify({ ok: false, error: { code: 'FORBIDDEN_SENDER' } }));
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (url.pathname === '/api/invoke' || url.pathname === '/test/clock') {
        if (req.method !== 'POST') return send(res, 405, '{}');
        const origin = req.headers.origin;
        if (
          (origin && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) ||
          req.headers['x-aslm-token'] !== token
        ) {
          return send(res, 403, JSON.stringify({ ok: false, error: { code: 'FORBIDDEN_SENDER' } }));
        }
        let payload: unknown;
        let text: string;
        try {
          text = await body(req);
        } catch {
          // Over the limit: answer and close the connection (the rest of the body is never read).
          const socket = req.socket;
          res.setHeader('Connection', 'close');
          send(res, 413, JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT' } }));
          res.once('finish', () => socket?.destroy());
          return;
        }
        try {
          payload = JSON.parse(text);
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT' } }));
        }
        if (url.pathname === '/test/clock') {
          if (!opts.testClock) return send(res, 404, '{}');
          const p = payload as { set?: number; advance?: number };
          if (typeof p.set === 'number') opts.testClock.set(p.set);
          if (typeof p.advance === 'number') opts.testClock.advance(p.advance);
          return send(res, 200, JSON.stringify({ ok: true, value: { now: opts.testClock.now() } }));
        }
        const { channel, input } = (payload ?? {}) as { channel?: unknown; input?: unknown };
        const session = req.headers['x-aslm-session'];
        const reply = await opts.core.dispatch(typeof channel === 'string' ? channel : '', input, {
          transport: 'http',
          ...(typeof session === 'string' && session ? { sessionToken: session } : {}),
        });
        return send(res, 200, JSON.stringify(reply));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '{}');
      // Static files of the built renderer, never outside its folder.
      const path = decodePathname(url.pathname);
      if (path === null) return send(res, 400, 'bad request', 'text/plain');
      const rel = normalize(path).replace(/^([/\\])+/, '');
      let file = resolve(root, rel || 'index.html');
      if (file !== root && !file.startsWith(root + sep)) return send(res, 404, 'not found', 'text/plain');
      const st = await stat(file).catch(() => null);
      if (!st || !st.isFile()) file = join(root, 'index.html');
      let data = await readFile(file).catch(() => null);
      if (!data)
        return send(res, 503, 'The renderer is not built: run `npm run build:renderer`.', 'text/plain; charset=utf-8');
      if (file.endsWith('index.html')) {
        data = Buffer.from(
          data.toString('utf8').replace('<head>', `<head><meta name="aslm-token" content="${token}">`),
        );
      }
      return send(res, 200, data, TYPES[extname(file)] ?? 'application/octet-stream');
    } catch (e) {
      opts.core.log('web server request failed', e);
      if (!res.headersSent) send(res, 500, JSON.stringify({ ok: false, error: { code: 'INTERNAL' } }));
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const addr = server.address();
  if (addr && typeof addr === 'object') port = addr.port;
  return {
    server,
    token,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
