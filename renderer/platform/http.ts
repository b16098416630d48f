// Browser mode: POST /api/invoke on the server that served this page. On this PC (loopback) with the page's
// per-launch token; on a LAN host (docs/rules.md §12, the page says `aslm-mode` host) with this browser's desk
// token from pairing, kept in localStorage. Live updates: GET /api/events read as a fetch stream (headers can
// be sent, unlike EventSource), reconnecting with backoff. The sign-in session (X-ASLM-Session) goes with both.
import type { Api } from '../../shared/contract';
import type { PushMessage } from '../../shared/contract/host';
import { sessionToken } from './session';

const DESK_KEY = 'aslm.deskToken';
const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';

/** True when this page was served by a LAN host (pairing, desk token). */
export const isHostMode = () => typeof document !== 'undefined' && meta('aslm-mode') === 'host';
export const deskToken = () => {
  try {
    return localStorage.getItem(DESK_KEY) ?? '';
  } catch {
    return '';
  }
};
export const setDeskToken = (token: string | null) => {
  if (token) localStorage.setItem(DESK_KEY, token);
  else localStorage.removeItem(DESK_KEY);
};

function authHeaders(): Record<string, string> {
  // The sign-in session (host mode): each tab its own.
  const session = sessionToken();
  const s: Record<string, string> = session ? { 'X-ASLM-Session': session } : {};
  if (isHostMode()) {
    const t = deskToken();
    return t ? { ...s, 'X-ASLM-Desk': t } : s;
  }
  return { ...s, 'X-ASLM-Token': meta('aslm-token') };
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((ok) => {
    const t = setTimeout(ok, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      ok();
    });
  });

/** Reads the SSE stream until it ends; calls onOpen once the host answered. */
async function readStream(signal: AbortSignal, onOpen: () => void, onMessage: (m: PushMessage) => void): Promise<void> {
  const res = await fetch('/api/events', { headers: { Accept: 'text/event-stream', ...authHeaders() }, signal });
  if (!res.ok || !res.body) throw new Error(String(res.status));
  onOpen();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  let idle: ReturnType<typeof setTimeout> | null = null;
  // No heartbeat (every 15 s) for 40 s: the host is gone even if the connection looks open.
  const alive = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => void reader.cancel(), 40_000);
  };
  try {
    alive();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      alive();
      buf += value;
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const lines = buf.slice(0, i).split('\n');
        buf = buf.slice(i + 2);
        if (lines.some((l) => l.startsWith('event:'))) continue; // hello
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
    }
  } finally {
    if (idle) clearTimeout(idle);
  }
}

/** Backoff between reconnections: 1 s, 2 s, 4 s … at most 10 s. */
export const backoff = (attempt: number) => Math.min(1000 * 2 ** attempt, 10_000);

export function httpBridge(): Api {
  const api: Api = {
    async invoke(channel, input) {
      try {
        const res = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...authHeaders() },
          body: JSON.stringify({ channel, input }),
        });
        return await res.json();
      } catch {
        return { ok: false, error: { code: 'NETWORK' } };
      }
    },
  };
  // Live updates on a LAN host only (the desks share one dataset). The single-PC loopback mode keeps no stream open:
  // its one desk sees its own changes, and its counts refresh on focus and every minute as before.
  if (!isHostMode()) return api;
  return {
    ...api,
    subscribe(onMessage, onState) {
      const stop = new AbortController();
      void (async () => {
        let attempt = 0;
        while (!stop.signal.aborted) {
          try {
            await readStream(
              stop.signal,
              () => {
                attempt = 0;
                onState('connected');
              },
              onMessage,
            );
          } catch {
            /* refused or unreachable: retried below */
          }
          if (stop.signal.aborted) return;
          onState('reconnecting');
          await sleep(backoff(attempt++), stop.signal);
        }
      })();
      return () => stop.abort();
    },
  };
}
