// Live updates between app cores on one PostgreSQL database (issue 15). The core that writes sends its event with
// pg_notify inside the writing transaction, so PostgreSQL delivers it only when that transaction commits (never
// for a rollback) and in commit order. Every core listens on a dedicated connection (not a pooled one: LISTEN
// belongs to a session) and hands the events of the other cores to its own listeners (electron/core/events.ts),
// from where the host pushes `{ type, leadId?, at }` to its desks (electron/web/push.ts, core/host/pushMessage.ts).
//
// Delivery is at most once: a notification sent while a listener is disconnected is lost. On reconnecting the
// listener calls onReconnect, on which a core does what a desk does when its event stream reopens: re-read.
import pg from 'pg';
import type { AppEvent } from '../../core/events';
import type { Queryable } from './tx';

export const EVENTS_CHANNEL = 'aslm_events';
/** pg_notify refuses payloads of 8000 bytes or more. */
const MAX_PAYLOAD = 7900;

/** What travels on the channel: the core's event as its in-process listeners receive it, and who sent it. */
export interface PgEventMessage {
  /** The sending core (a random id per process): a core skips its own events, emitted in-process already. */
  origin: string;
  event: AppEvent;
  /** The event was too large (a file import's lead ids): its lists were emptied, the listener re-reads. */
  truncated?: true;
}

export function encodeEvent(event: AppEvent, origin: string): string {
  const full = JSON.stringify({ origin, event } satisfies PgEventMessage);
  if (Buffer.byteLength(full) < MAX_PAYLOAD) return full;
  const small = 'leadIds' in event ? { ...event, leadIds: [] } : event;
  const out = JSON.stringify({ origin, event: small, truncated: true } satisfies PgEventMessage);
  if (Buffer.byteLength(out) >= MAX_PAYLOAD) throw new Error(`event ${event.type} too large for pg_notify`);
  return out;
}

/** Inside the caller's transaction (`client`): delivered to every listener if and when it commits. */
export async function notifyInTransaction(
  client: Queryable,
  event: AppEvent,
  origin: string,
  channel = EVENTS_CHANNEL,
): Promise<void> {
  await client.query('SELECT pg_notify($1, $2)', [channel, encodeEvent(event, origin)]);
}

function decode(payload: string | undefined): PgEventMessage | null {
  try {
    const m = JSON.parse(payload ?? '') as Partial<PgEventMessage>;
    const e = m.event as Partial<AppEvent> | undefined;
    if (typeof m.origin !== 'string' || typeof e?.type !== 'string' || typeof e.at !== 'number') return null;
    return m as PgEventMessage;
  } catch {
    return null;
  }
}

export interface EventListenerOptions {
  url: string;
  channel?: string;
  /** This core's origin: its own events are not handed back to it. */
  origin?: string;
  onEvent: (m: PgEventMessage) => void;
  /** After a lost connection came back (events may have been missed): re-read. */
  onReconnect?: () => void;
  /** First wait before reconnecting; doubles up to maxRetryMs. Default 500 ms, 10 s. */
  retryMs?: number;
  maxRetryMs?: number;
  log?: (msg: string, err?: unknown) => void;
}

export interface PgEventListener {
  /** Resolves once listening (the first time). */
  ready: Promise<void>;
  connected(): boolean;
  backendPid(): number | null;
  stop(): Promise<void>;
}

export function startEventListener(opts: EventListenerOptions): PgEventListener {
  const channel = opts.channel ?? EVENTS_CHANNEL;
  const retryMs = opts.retryMs ?? 500;
  const maxRetryMs = opts.maxRetryMs ?? 10_000;
  const log = opts.log ?? (() => undefined);
  let client: pg.Client | null = null;
  let pid: number | null = null;
  let live = false;
  let stopped = false;
  let everConnected = false;
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));

  const retry = (c: pg.Client, why?: unknown) => {
    if (client !== c) return;
    client = null;
    pid = null;
    live = false;
    c.end().catch(() => undefined);
    if (stopped) return;
    if (why) log('event listener connection lost; reconnecting', why);
    failures++;
    timer = setTimeout(connect, Math.min(retryMs * 2 ** (failures - 1), maxRetryMs));
  };

  async function connect(): Promise<void> {
    if (stopped) return;
    const c = new pg.Client({ connectionString: opts.url });
    client = c;
    c.on('error', (e) => retry(c, e));
    c.on('end', () => retry(c, new Error('connection ended')));
    c.on('notification', (n) => {
      if (n.channel !== channel) return;
      const m = decode(n.payload);
      if (!m) return log(`unreadable event on ${channel}: ${String(n.payload).slice(0, 80)}`);
      if (opts.origin !== undefined && m.origin === opts.origin) return;
      try {
        opts.onEvent(m);
      } catch (e) {
        log(`event listener failed for ${m.event.type}`, e);
      }
    });
    try {
      await c.connect();
      const p = (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (client !== c) return;
      pid = p;
      live = true;
      failures = 0;
      if (everConnected) opts.onReconnect?.();
      everConnected = true;
      resolveReady();
    } catch (e) {
      retry(c, e);
    }
  }
  void connect();

  return {
    ready,
    connected: () => live,
    backendPid: () => pid,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      live = false;
      pid = null;
      await c?.end().catch(() => undefined);
    },
  };
}
