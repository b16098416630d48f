// Host mode (docs/rules.md §12): the contract and the built renderer over HTTPS on the LAN, for the dealership's
// desks. Same request handler as the loopback browser mode (handler.ts); instead of the per-launch token,
// every call carries a desk token (header X-ASLM-Desk) handed out at pairing with a short code.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { CoreHost } from '../core/backup/host';
import type { TestClock } from '../core/clock';
import type { HostLink } from '../core/host/hostLink';
import { createRequestHandler, peerAddress } from './handler';
import { allowedHostHeaders, displayAddresses, hostNames } from './hostAddresses';
import { createPairing, type Pairing } from './pairing';
import { createPushHub, type PushHub } from './push';
import { loadOrCreateCert, type HostCert } from './tls';

export interface HostServerOptions {
  /** The core host, created with `hostLink: link` (createHostLink) so `host.*` channels see this server. */
  core: CoreHost;
  link: MutableHostLink;
  dbPath: string;
  staticDir: string;
  /** Address to listen on (default 0.0.0.0: every interface) and port (default 5443; 0 = any free port). */
  listen?: string;
  port?: number;
  testClock?: TestClock;
  /** The event stream needs a signed-in person too (default true; the core is created with `signIn: 'required'`). */
  requireSession?: boolean;
  /** Told each new pairing code (the host's console shows it). */
  onPairingCode?: (code: string, expiresAt: number) => void;
}

export interface HostServer {
  server: Server;
  port: number;
  /** https://address:port/ for each address a desk can use. */
  addresses: string[];
  /** The loopback address (tests, the host PC's own browser). */
  url: string;
  cert: HostCert;
  pairing: Pairing;
  push: PushHub;
  close(): Promise<void>;
}

/** The link the core reads (`host.*` channels); filled in once the server runs. */
export interface MutableHostLink extends HostLink {
  attach(impl: HostLink | null): void;
}

export function createHostLink(): MutableHostLink {
  let impl: HostLink | null = null;
  return {
    attach: (i) => {
      impl = i;
    },
    addresses: () => impl?.addresses() ?? [],
    port: () => impl?.port() ?? null,
    fingerprint: () => impl?.fingerprint() ?? null,
    connected: () => impl?.connected() ?? [],
    newPairingCode: () => {
      if (!impl) throw new Error('the host server is not running');
      return impl.newPairingCode();
    },
    disconnect: (id) => impl?.disconnect(id),
  };
}

const MAX_NAME = 60;

/** A connection from this PC itself (IPv4 127/8, IPv6 ::1, or IPv4 mapped into IPv6). */
export function isLoopbackAddress(address: string): boolean {
  const a = address.replace(/^::ffff:/i, '');
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

export async function startHostServer(opts: HostServerOptions): Promise<HostServer> {
  const listen = opts.listen ?? '0.0.0.0';
  let port = opts.port ?? 5443;
  const names = hostNames(listen);
  const cert = await loadOrCreateCert(opts.dbPath, names);
  const push = createPushHub();
  const pairing = createPairing({ onNewCode: (c) => opts.onPairingCode?.(c.code, c.expiresAt) });
  let allowed = new Set<string>();
  const deskOf = async (req: IncomingMessage) => {
    const token = req.headers['x-aslm-desk'];
    const core = opts.core.core();
    if (typeof token !== 'string' || !core) return null;
    return core.desks.verify(token, Date.now());
  };

  const handler = createRequestHandler({
    core: opts.core,
    staticDir: opts.staticDir,
    scheme: 'https',
    transport: 'host',
    allowedHosts: () => allowed,
    push,
    testClock: opts.testClock,
    indexMeta: () => '<meta name="aslm-mode" content="host">',
    requireSession: opts.requireSession ?? true,
    authorize: async (req) => {
      const desk = await deskOf(req);
      if (desk) return { ok: true, deskId: desk.id };
      // Recovery mode (the database failed its start-up check): no desk can be checked and nobody identified; only
      // the host PC itself (https://localhost:PORT/) may restore a backup — it answers nothing else then.
      if (!opts.core.core() && isLoopbackAddress(peerAddress(req))) return { ok: true, deskId: null };
      return { ok: false, status: 401, code: 'DESK_NOT_PAIRED' };
    },
    open: {
      '/api/pair': async (payload, req) => pair(payload, peerAddress(req)),
    },
  });
  const server = createServer({ key: cert.key, cert: cert.cert, minVersion: 'TLSv1.2' }, handler);
  // Browsers keep an idle connection for minutes: closing it first (Node's default is 5 s) races their next call
  // on it, which then fails as if the host were down.
  server.keepAliveTimeout = 330_000;
  server.headersTimeout = 340_000;

  async function pair(payload: unknown, address: string): Promise<{ status: number; body: unknown }> {
    const p = (payload ?? {}) as { code?: unknown; deskName?: unknown };
    const deskName = typeof p.deskName === 'string' ? p.deskName.trim().replace(/\s+/g, ' ') : '';
    if (typeof p.code !== 'string' || !deskName || deskName.length > MAX_NAME)
      return {
        status: 400,
        body: { ok: false, error: { code: 'INVALID_INPUT', field: typeof p.code !== 'string' ? 'code' : 'deskName' } },
      };
    const r = pairing.attempt(p.code, address);
    if (r === 'limited') return { status: 429, body: { ok: false, error: { code: 'PAIRING_RATE_LIMITED' } } };
    if (r === 'invalid')
      return { status: 403, body: { ok: false, error: { code: 'PAIRING_CODE_INVALID', field: 'code' } } };
    const core = opts.core.core();
    if (!core) return { status: 503, body: { ok: false, error: { code: 'RECOVERY_MODE' } } };
    const desk = await core.desks.pair(deskName, Date.now());
    core.log(`host: desk "${deskName}" paired from ${address} (desk #${desk.id})`);
    return {
      status: 200,
      body: { ok: true, value: { deskId: desk.id, token: desk.token, fingerprint: cert.fingerprint } },
    };
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, listen, () => ok());
  });
  const addr = server.address();
  if (addr && typeof addr === 'object') port = addr.port;
  allowed = allowedHostHeaders(names, port);
  const addresses = displayAddresses(names, listen, port);
  opts.link.attach({
    addresses: () => addresses,
    port: () => port,
    fingerprint: () => cert.fingerprint,
    connected: () => push.connected(),
    newPairingCode: () => pairing.renew(),
    disconnect: (id) => push.disconnect(id),
  });
  const loop = listen === '0.0.0.0' || listen === '127.0.0.1' ? '127.0.0.1' : listen === '::' ? '[::1]' : listen;
  return {
    server,
    port,
    addresses,
    url: `https://${loop.includes(':') && !loop.startsWith('[') ? `[${loop}]` : loop}:${port}/`,
    cert,
    pairing,
    push,
    close: () =>
      new Promise<void>((ok) => {
        opts.link.attach(null);
        push.close();
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
