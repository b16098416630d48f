// The host of the desks benchmark (test/bench/desks.ts), in its own process as on a real host PC: the app core on
// the bench database behind the web server. It tells its parent the address and token, and on request how long the
// core took per channel (the server side of each call, without the HTTP transport).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore } from '../../electron/core/appCore';
import { startWebServer } from '../../electron/web/server';

export interface HostReady {
  type: 'ready';
  url: string;
  token: string;
}
export interface HostTimings {
  type: 'timings';
  byChannel: Record<string, number[]>;
}

/** A list call is told apart by view, search and sort (BENCH_PROFILE=1), to find the slow ones. */
function profileKey(channel: string, input: unknown): string {
  if (channel !== 'leads.list' || !process.env.BENCH_PROFILE) return channel;
  const q = (input ?? {}) as { view?: string; sort?: string; search?: string; assigneeId?: number };
  return `leads.list ${q.view} ${q.search ? 'search' : (q.sort ?? 'default')}${q.assigneeId ? ' (one person)' : ''}`;
}

const [dbPath, nowArg] = process.argv.slice(2);
if (!dbPath || !process.send) throw new Error('deskHost: run by desks.ts (fork) with the database path');
// The data were generated "as of" NOW: the host's clock starts there and runs.
const start = Date.now();
const at = Number(nowArg ?? start);
const clock = { now: () => at + (Date.now() - start) };
const core = createAppCore({ dbPath, clock, timeZone: 'Europe/Rome', log: () => undefined });
const byChannel: Record<string, number[]> = {};
const web = await startWebServer({
  core: {
    log: core.log,
    dispatch: async (channel, input, ctx) => {
      const t0 = performance.now();
      const r = await core.dispatch(channel, input, ctx);
      (byChannel[profileKey(channel, input)] ??= []).push(performance.now() - t0);
      return r;
    },
  },
  staticDir: mkdtempSync(join(tmpdir(), 'aslm-bench-static-')),
});
process.send({ type: 'ready', url: web.url, token: web.token } satisfies HostReady);
process.on('message', (m: { type?: string }) => {
  if (m?.type === 'timings') {
    process.send!({ type: 'timings', byChannel } satisfies HostTimings);
    for (const k of Object.keys(byChannel)) delete byChannel[k];
  }
  if (m?.type === 'stop') void web.close().then(() => (core.close(), process.exit(0)));
});
