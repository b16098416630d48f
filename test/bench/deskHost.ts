// The host of the desks benchmark (test/bench/desks.ts), in its own process as on a real host PC: the app core on
// the bench database behind the LAN host server (HTTPS, desk pairing, sign-in required — docs/rules.md §12). Before
// serving, every active person with an e-mail gets a password; the parent is told the address, the certificate's
// fingerprint and those sign-ins, hands out a pairing code per desk on request, and on request reports how long the
// core took per channel (the server side of each call, without TLS and HTTP).
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCoreHost } from '../../electron/core/backup/host';
import { createHostLink, startHostServer } from '../../electron/web/hostServer';

export interface BenchSignIn {
  id: number;
  login: string;
  password: string;
  manager: boolean;
}
export interface HostReady {
  type: 'ready';
  url: string;
  fingerprint: string;
  people: BenchSignIn[];
}
export interface HostTimings {
  type: 'timings';
  byChannel: Record<string, number[]>;
}
export interface HostCode {
  type: 'code';
  code: string;
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
const link = createHostLink();
const host = createCoreHost({
  dbPath,
  clock,
  timeZone: 'Europe/Rome',
  log: () => undefined,
  hostLink: link,
  signIn: 'required',
  // As `npm run host` (2 by default): reader threads answer the lists, searches and My day.
  readers: Number(process.env.BENCH_READERS ?? 2),
});
const core = host.core();
if (!core) throw new Error('deskHost: the bench database did not open (recovery mode)');

// A password for every active person with an e-mail (a temporary one first, so a second run on the same file works).
const people: BenchSignIn[] = [];
for (const u of core
  .store!.sqlite.prepare(
    `SELECT u.id, u.email, EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'manager') AS manager
     FROM users u WHERE u.active = 1 AND u.email IS NOT NULL ORDER BY u.id`,
  )
  .all() as { id: number; email: string; manager: number }[]) {
  const password = `Bench ${randomBytes(9).toString('base64url')} 2026`;
  await core.auth.changePassword(u.id, await core.auth.resetPassword(u.id), password);
  people.push({ id: u.id, login: u.email, password, manager: u.manager === 1 });
}

const byChannel: Record<string, number[]> = {};
const server = await startHostServer({
  core: {
    ...host,
    dispatch: async (channel, input, ctx) => {
      const t0 = performance.now();
      const r = await host.dispatch(channel, input, ctx);
      (byChannel[profileKey(channel, input)] ??= []).push(performance.now() - t0);
      return r;
    },
  },
  link,
  dbPath,
  staticDir: mkdtempSync(join(tmpdir(), 'aslm-bench-static-')),
  listen: '127.0.0.1',
  port: 0,
});
process.send({ type: 'ready', url: server.url, fingerprint: server.cert.fingerprint, people } satisfies HostReady);
process.on('message', (m: { type?: string }) => {
  if (m?.type === 'code') process.send!({ type: 'code', code: server.pairing.current().code } satisfies HostCode);
  if (m?.type === 'timings') {
    process.send!({ type: 'timings', byChannel } satisfies HostTimings);
    for (const k of Object.keys(byChannel)) delete byChannel[k];
  }
  if (m?.type === 'stop') void server.close().then(() => (host.close(), process.exit(0)));
});
