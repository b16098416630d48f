// Live updates (docs/rules.md §12): Server-Sent Events at GET /api/events. After a commit the core's events go
// to every connected desk as a small message `{ type, leadId?, at }` — no personal data: the desk re-reads what
// it shows. A heartbeat every 15 s keeps proxies and the desk's dead-connection check happy.
import type { ServerResponse } from 'node:http';
import type { AppEvent } from '../core/events';
import type { ConnectedDesk } from '../core/host/hostLink';
import { toPush } from '../core/host/pushMessage';

interface Client {
  res: ServerResponse;
  deskId: number | null;
  address: string;
  since: number;
  lastSeen: number;
}

export interface PushHub {
  /** Opens the event stream on this response (the caller checked who it is). */
  add(res: ServerResponse, who: { deskId: number | null; address: string }): void;
  publish(e: AppEvent): void;
  /** A request from this desk: it is still there. */
  seen(deskId: number): void;
  connected(): ConnectedDesk[];
  /** Cuts a desk's streams (it was revoked). */
  disconnect(deskId: number): void;
  size(): number;
  close(): void;
}

export { toPush };

export function createPushHub(opts: { heartbeatMs?: number; now?: () => number } = {}): PushHub {
  const now = opts.now ?? Date.now;
  const clients = new Set<Client>();
  const write = (c: Client, chunk: string) => {
    try {
      c.res.write(chunk);
    } catch {
      drop(c);
    }
  };
  const drop = (c: Client) => {
    clients.delete(c);
    try {
      c.res.end();
    } catch {
      /* already closed */
    }
  };
  const beat = setInterval(() => {
    for (const c of clients) write(c, `: ping ${now()}\n\n`);
  }, opts.heartbeatMs ?? 15_000);
  beat.unref?.();
  return {
    add(res, who) {
      const c: Client = { res, ...who, since: now(), lastSeen: now() };
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      res.socket?.setNoDelay(true);
      res.socket?.setTimeout(0);
      clients.add(c);
      res.on('close', () => clients.delete(c));
      // The first message says the stream is open: a desk that reconnects re-reads what it shows.
      write(c, `retry: 2000\nevent: hello\ndata: ${JSON.stringify({ at: now() })}\n\n`);
    },
    publish(e) {
      const msg = toPush(e);
      if (!msg) return;
      const chunk = `data: ${JSON.stringify(msg)}\n\n`;
      for (const c of clients) write(c, chunk);
    },
    seen(deskId) {
      for (const c of clients) if (c.deskId === deskId) c.lastSeen = now();
    },
    connected() {
      const byDesk = new Map<number, ConnectedDesk>();
      for (const c of clients) {
        if (c.deskId === null) continue;
        const prev = byDesk.get(c.deskId);
        if (!prev || c.lastSeen > prev.lastSeen)
          byDesk.set(c.deskId, { deskId: c.deskId, address: c.address, since: c.since, lastSeen: c.lastSeen });
      }
      return [...byDesk.values()];
    },
    disconnect(deskId) {
      for (const c of [...clients]) if (c.deskId === deskId) drop(c);
    },
    size: () => clients.size,
    close() {
      clearInterval(beat);
      for (const c of [...clients]) drop(c);
    },
  };
}
