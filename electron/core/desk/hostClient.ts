// A desk's client for the host (docs/rules.md §12), in plain Node (no Electron import): the Electron desk's main
// process, the CLI and the tests use it. Each connection's certificate is checked against the SHA-256 pinned at
// pairing BEFORE anything is sent on it; a different certificate is refused with HOST_FINGERPRINT_MISMATCH.
import { connect, type TLSSocket } from 'node:tls';
import { request, type IncomingMessage } from 'node:http';
import type { Reply } from '../../../shared/contract/errors';
import type { PushMessage } from '../../../shared/contract/host';

export interface HostClientOptions {
  /** The host's address, e.g. https://front-desk-pc:5443/ */
  url: string;
  /** The certificate fingerprint pinned at pairing ("AB:CD:…"); null before pairing. */
  fingerprint?: string | null;
  deskToken?: string | null;
  /** Sign-in session, passed as X-ASLM-Session when set. */
  sessionToken?: () => string | null | undefined;
  timeoutMs?: number;
}

export interface Paired {
  deskId: number;
  token: string;
  fingerprint: string;
}

export type PushState = 'connected' | 'reconnecting';

export interface HostClient {
  /** Pairs with the host's code: pins the certificate seen (the host must report the same) and keeps the token. */
  pair(code: string, deskName: string, expectFingerprint?: string): Promise<Reply<Paired>>;
  invoke(channel: string, input: unknown): Promise<Reply<unknown>>;
  /** The live updates: reconnects with backoff (1 s … 30 s) until stopped. */
  subscribe(onMessage: (m: PushMessage) => void, onState?: (s: PushState) => void): () => void;
  fingerprint(): string | null;
}

const norm = (f: string) => f.replace(/[^0-9a-f]/gi, '').toUpperCase();
export const sameFingerprint = (a: string, b: string) => norm(a) === norm(b) && norm(a).length === 64;

class Refused extends Error {
  constructor(readonly code: 'HOST_FINGERPRINT_MISMATCH' | 'NETWORK') {
    super(code);
  }
}

export function createHostClient(opts: HostClientOptions): HostClient {
  const base = new URL(opts.url);
  if (base.protocol !== 'https:') throw new Error('the host is reached over https only');
  let pinned = opts.fingerprint ?? null;
  let token = opts.deskToken ?? null;
  const timeout = opts.timeoutMs ?? 15_000;

  /** A TLS connection whose certificate was checked (or, before pairing, whose fingerprint is returned). */
  const secureSocket = (): Promise<{ socket: TLSSocket; seen: string }> =>
    new Promise((ok, fail) => {
      const socket = connect({
        host: base.hostname.replace(/^\[|\]$/g, ''),
        port: Number(base.port || 443),
        servername: /^[\d.[\]:]+$/.test(base.hostname) ? undefined : base.hostname,
        // A self-signed certificate: trust comes from the pinned fingerprint, checked below.
        rejectUnauthorized: false,
        timeout,
      });
      socket.once('secureConnect', () => {
        const seen = socket.getPeerCertificate().fingerprint256 ?? '';
        if (pinned && !sameFingerprint(seen, pinned)) {
          socket.destroy();
          fail(new Refused('HOST_FINGERPRINT_MISMATCH'));
        } else ok({ socket, seen });
      });
      socket.once('timeout', () => socket.destroy(new Error('timeout')));
      socket.once('error', () => fail(new Refused('NETWORK')));
    });

  const headers = (extra: Record<string, string> = {}) => {
    const h: Record<string, string> = { Host: base.host, ...extra };
    if (token) h['X-ASLM-Desk'] = token;
    const s = opts.sessionToken?.();
    if (s) h['X-ASLM-Session'] = s;
    return h;
  };

  const send = async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown; seen: string; res: IncomingMessage }> => {
    const { socket, seen } = await secureSocket();
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((ok, fail) => {
      const req = request(
        {
          method,
          path,
          createConnection: () => socket,
          headers: headers(data ? { 'Content-Type': 'application/json', 'Content-Length': String(data.length) } : {}),
          timeout,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            socket.destroy();
            try {
              ok({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')), seen, res });
            } catch {
              fail(new Refused('NETWORK'));
            }
          });
          res.on('error', () => fail(new Refused('NETWORK')));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => fail(new Refused('NETWORK')));
      req.end(data);
    });
  };

  const asReply = (e: unknown): Reply<never> => ({
    ok: false,
    error: { code: e instanceof Refused ? e.code : 'NETWORK' },
  });

  return {
    fingerprint: () => pinned,
    async pair(code, deskName, expectFingerprint) {
      try {
        if (expectFingerprint) pinned = expectFingerprint;
        const r = await send('POST', '/api/pair', { code, deskName });
        const reply = r.json as Reply<Paired>;
        if (!reply.ok) return reply;
        // The host reports its certificate: it must be the one this connection saw.
        if (!sameFingerprint(reply.value.fingerprint, r.seen))
          return { ok: false, error: { code: 'HOST_FINGERPRINT_MISMATCH' } };
        pinned = r.seen;
        token = reply.value.token;
        return { ok: true, value: { ...reply.value, fingerprint: r.seen } };
      } catch (e) {
        return asReply(e);
      }
    },
    async invoke(channel, input) {
      try {
        if (!pinned) return { ok: false, error: { code: 'DESK_NOT_PAIRED' } };
        const r = await send('POST', '/api/invoke', { channel, input });
        return r.json as Reply<unknown>;
      } catch (e) {
        return asReply(e);
      }
    },
    subscribe(onMessage, onState) {
      let stopped = false;
      let current: { destroy(): void } | null = null;
      let wait = 1000;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const again = () => {
        current = null;
        if (stopped) return;
        onState?.('reconnecting');
        timer = setTimeout(open, wait);
        wait = Math.min(wait * 2, 30_000);
      };
      const open = async () => {
        if (stopped) return;
        let socket: TLSSocket;
        try {
          if (!pinned) throw new Refused('NETWORK');
          socket = (await secureSocket()).socket;
        } catch {
          return again();
        }
        if (stopped) return socket.destroy();
        current = socket;
        let over = false;
        const ended = () => {
          if (over) return;
          over = true;
          socket.destroy();
          again();
        };
        const req = request(
          {
            method: 'GET',
            path: '/api/events',
            createConnection: () => socket,
            headers: headers({ Accept: 'text/event-stream' }),
          },
          (res) => {
            if (res.statusCode !== 200) {
              res.resume();
              return ended();
            }
            wait = 1000;
            onState?.('connected');
            let buf = '';
            let idle: ReturnType<typeof setTimeout> | null = null;
            // No heartbeat for 40 s: the host is gone (a cable pulled does not close the socket).
            const alive = () => {
              if (idle) clearTimeout(idle);
              idle = setTimeout(() => socket.destroy(), 40_000);
            };
            alive();
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              alive();
              buf += chunk;
              let i: number;
              while ((i = buf.indexOf('\n\n')) >= 0) {
                const block = buf.slice(0, i);
                buf = buf.slice(i + 2);
                const lines = block.split('\n');
                if (lines.some((l) => l.startsWith('event:'))) continue; // hello: the stream is open
                const data = lines
                  .filter((l) => l.startsWith('data: '))
                  .map((l) => l.slice(6))
                  .join('\n');
                if (!data) continue;
                try {
                  onMessage(JSON.parse(data) as PushMessage);
                } catch {
                  /* not ours */
                }
              }
            });
            res.on('close', () => {
              if (idle) clearTimeout(idle);
              ended();
            });
          },
        );
        req.on('error', () => ended());
        req.end();
      };
      void open();
      return () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        current?.destroy();
      };
    },
  };
}
