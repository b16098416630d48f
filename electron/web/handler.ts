// The one request handler behind both transports (docs/rules.md §12): the loopback browser mode (HTTP,
// per-launch token) and the LAN host (HTTPS, desk tokens). Same contract, same checks: the Host header must
// be one of ours (no DNS rebinding), a cross-origin caller is refused, the body is limited, every answer
// carries the strict CSP; only *who may call* differs (`authorize`).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { CallContext, Dispatch } from '../core/dispatch';
import type { TestClock } from '../core/clock';
import { CSP, decodePathname } from '../main/guards';
import type { PushHub } from './push';

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
export const MAX_BODY = 64 * 1024 * 1024;

/** What the server calls: an app core, or the core host (which survives a restore and answers in recovery mode). */
export interface CoreLike {
  dispatch: Dispatch;
  log(msg: string, err?: unknown): void;
}

/** Who is calling: the call's context, or a refusal (HTTP status + typed code). */
export type Authorized =
  { ok: true; deskId?: number | null } | { ok: false; status: number; code: 'FORBIDDEN_SENDER' | 'DESK_NOT_PAIRED' };

export interface HandlerOptions {
  core: CoreLike;
  staticDir: string;
  scheme: 'http' | 'https';
  transport: CallContext['transport'];
  /** The accepted Host header values ("name:port"). */
  allowedHosts(): Set<string>;
  authorize(req: IncomingMessage, url: URL): Authorized | Promise<Authorized>;
  /** Tags put into the served index.html's <head>. */
  indexMeta(): string;
  push: PushHub;
  testClock?: TestClock;
  /**
   * The event stream also needs a signed-in person (the LAN host, docs/rules.md §12.2): checked with `auth.status`,
   * so a paired desk whose session ended gets nothing until someone signs in again.
   */
  requireSession?: boolean;
  /** POST routes answered before `authorize` (the host's /api/pair); they get the parsed JSON body. */
  open?: Record<string, (payload: unknown, req: IncomingMessage) => Promise<{ status: number; body: unknown }>>;
}

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'application/json; charset=utf-8',
  cache = 'no-store',
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': cache,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CSP,
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  });
  res.end(body);
}
/** A file of the renderer's build named by its content hash (`assets/name-HASH.js`). */
const HASHED_ASSET = /^assets\/[\w.-]+-[\w-]{8}\.(js|css|woff2?|png|svg)$/;

const refuse = (res: ServerResponse, status: number, code: string) =>
  send(res, status, JSON.stringify({ ok: false, error: { code } }));

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new Error('TOO_LARGE');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The caller's address, as shown in Settings (IPv4-mapped IPv6 shown as IPv4). */
export const peerAddress = (req: IncomingMessage) => (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');

export function createRequestHandler(opts: HandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const root = resolve(opts.staticDir);
  const sameOrigin = (origin: string | undefined) => {
    if (!origin) return true;
    const prefix = `${opts.scheme}://`;
    return origin.startsWith(prefix) && opts.allowedHosts().has(origin.slice(prefix.length));
  };
  /** The JSON body, or null once a refusal was sent. */
  const jsonBody = async (req: IncomingMessage, res: ServerResponse): Promise<{ value: unknown } | null> => {
    let text: string;
    try {
      text = await readBody(req);
    } catch {
      // Over the limit: answer and close the connection (the rest of the body is never read).
      const socket = req.socket;
      res.setHeader('Connection', 'close');
      refuse(res, 413, 'INVALID_INPUT');
      res.once('finish', () => socket?.destroy());
      return null;
    }
    try {
      return { value: JSON.parse(text) as unknown };
    } catch {
      refuse(res, 400, 'INVALID_INPUT');
      return null;
    }
  };

  return async (req, res) => {
    try {
      if (!opts.allowedHosts().has(req.headers.host ?? '')) return refuse(res, 421, 'FORBIDDEN_SENDER');
      const url = new URL(req.url ?? '/', `${opts.scheme}://${req.headers.host}`);
      const openRoute = opts.open?.[url.pathname];
      if (openRoute) {
        if (req.method !== 'POST') return send(res, 405, '{}');
        if (!sameOrigin(req.headers.origin)) return refuse(res, 403, 'FORBIDDEN_SENDER');
        const payload = await jsonBody(req, res);
        if (!payload) return;
        const r = await openRoute(payload.value, req);
        return send(res, r.status, JSON.stringify(r.body));
      }
      if (url.pathname === '/api/events') {
        if (req.method !== 'GET') return send(res, 405, '{}');
        if (!sameOrigin(req.headers.origin)) return refuse(res, 403, 'FORBIDDEN_SENDER');
        const who = await opts.authorize(req, url);
        if (!who.ok) return refuse(res, who.status, who.code);
        if (opts.requireSession) {
          const session = req.headers['x-aslm-session'];
          const r = await opts.core.dispatch(
            'auth.status',
            {},
            {
              transport: opts.transport,
              deskId: who.deskId ?? null,
              ...(typeof session === 'string' && session ? { sessionToken: session } : {}),
            },
          );
          if (!r.ok || !(r.value as { user: unknown }).user) return refuse(res, 401, 'SIGN_IN_REQUIRED');
        }
        return opts.push.add(res, { deskId: who.deskId ?? null, address: peerAddress(req) });
      }
      if (url.pathname === '/api/invoke' || url.pathname === '/test/clock') {
        if (req.method !== 'POST') return send(res, 405, '{}');
        if (!sameOrigin(req.headers.origin)) return refuse(res, 403, 'FORBIDDEN_SENDER');
        const who = await opts.authorize(req, url);
        if (!who.ok) return refuse(res, who.status, who.code);
        if (who.deskId != null) opts.push.seen(who.deskId);
        const payload = await jsonBody(req, res);
        if (!payload) return;
        if (url.pathname === '/test/clock') {
          if (!opts.testClock) return send(res, 404, '{}');
          const p = payload.value as { set?: number; advance?: number };
          if (typeof p.set === 'number') opts.testClock.set(p.set);
          if (typeof p.advance === 'number') opts.testClock.advance(p.advance);
          return send(res, 200, JSON.stringify({ ok: true, value: { now: opts.testClock.now() } }));
        }
        const { channel, input } = (payload.value ?? {}) as { channel?: unknown; input?: unknown };
        const session = req.headers['x-aslm-session'];
        const ctx: CallContext = {
          transport: opts.transport,
          ...(who.deskId != null ? { deskId: who.deskId } : {}),
          ...(typeof session === 'string' && session ? { sessionToken: session } : {}),
        };
        const reply = await opts.core.dispatch(typeof channel === 'string' ? channel : '', input, ctx);
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
      if (file.endsWith('index.html'))
        data = Buffer.from(data.toString('utf8').replace('<head>', `<head>${opts.indexMeta()}`));
      // The build's assets are named by their content (vite): kept by the browser, and their compiled code by V8,
      // so that a desk's next start neither downloads nor compiles them again. The page itself never (its token).
      const immutable = HASHED_ASSET.test(rel.replace(/\\/g, '/')) && file !== join(root, 'index.html');
      return send(
        res,
        200,
        data,
        TYPES[extname(file)] ?? 'application/octet-stream',
        immutable ? 'public, max-age=31536000, immutable' : 'no-store',
      );
    } catch (e) {
      opts.core.log('web server request failed', e);
      if (!res.headersSent) refuse(res, 500, 'INTERNAL');
    }
  };
}
