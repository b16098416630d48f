// Several desks, one host (issue 14): N simulated desks (default 10) doing the desk's mix of calls against one LAN
// host (HTTPS, docs/rules.md §12) for a while. Each desk pairs with a code, pins the host's certificate, signs in as
// its person and works that person's leads; every call carries X-ASLM-Desk and X-ASLM-Session. Latency is measured
// where the desk sees it (request sent → reply parsed, over a kept-alive TLS connection); the host also reports how
// long the core took per channel, to tell the transport from the work. Targets: p95 of an action ≤ 20 ms, of a list
// page ≤ 30 ms.
//   npx tsx test/bench/desks.ts    BENCH_LEADS=20000 (alone; `npm run bench` passes its 250,000-lead database)
//   BENCH_DB=path  BENCH_DESKS=10  BENCH_DESK_SECONDS=25  BENCH_WARMUP_SECONDS=10  BENCH_READERS=2  BENCH_THINK_MS=1000 (a desk's mean pause between screens: a busy clerk's is several seconds)
import { fork, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sameFingerprint } from '../../electron/core/desk/hostClient';
import { buildBenchDb } from './benchDb';
import type { BenchSignIn, HostCode, HostReady, HostTimings } from './deskHost';
import { deskMix, type Recorder } from './deskMix';
import { ms, percentile, type Stat } from './stats';

const here = dirname(fileURLToPath(import.meta.url));

/** Kept-alive TLS connections to the host whose certificate must have the fingerprint pinned at pairing. */
export class PinnedAgent extends HttpsAgent {
  constructor(private readonly fingerprint: string) {
    // No TLS session resumption: a resumed session shows no certificate to check.
    super({ keepAlive: true, rejectUnauthorized: false, maxCachedSessions: 0 });
  }
  override createConnection(...args: unknown[]): TLSSocket {
    const socket = (
      HttpsAgent.prototype as unknown as { createConnection: (...a: unknown[]) => TLSSocket }
    ).createConnection.apply(this, args);
    socket.once('secureConnect', () => {
      if (!sameFingerprint(socket.getPeerCertificate().fingerprint256 ?? '', this.fingerprint))
        socket.destroy(new Error('HOST_FINGERPRINT_MISMATCH'));
    });
    return socket;
  }
}

/** Where and how a desk reaches the host: its paired desk token and signed-in session, over the pinned agent. */
export interface Transport {
  baseUrl: string;
  headers: Record<string, string>;
  agent: HttpsAgent;
}
export type Reply = { ok: true; value: any } | { ok: false; error: { code: string } & Record<string, unknown> };
export type Invoke = (channel: string, input: unknown) => Promise<Reply>;

/** POST a JSON body, answer the JSON reply. */
function post(t: Transport, path: string, payload: unknown): Promise<Reply> {
  const url = new URL(path, t.baseUrl);
  // A kept-alive socket the host closed while idle answers the next request with ECONNRESET before reading it:
  // sent again on a fresh socket (Node's documented `reusedSocket` check), never when the host may have read it.
  const call = (retry: boolean): Promise<Reply> =>
    new Promise<Reply>((ok, fail) => {
      const body = JSON.stringify(payload);
      const req = httpsRequest(
        url,
        {
          method: 'POST',
          agent: t.agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...t.headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              ok(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply);
            } catch (e) {
              fail(e);
            }
          });
          res.on('error', fail);
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) =>
        retry && req.reusedSocket && e.code === 'ECONNRESET' ? ok(call(false)) : fail(e),
      );
      req.end(body);
    });
  return call(true);
}

/** The one function that talks to the host: POST {base}api/invoke {channel, input} → the contract's reply. */
export function transportInvoke(t: Transport): Invoke {
  return (channel, input) => post(t, 'api/invoke', { channel, input });
}

/** One desk set up at a time (a pairing code is used up by the desk that gives it). */
let setupQueue: Promise<unknown> = Promise.resolve();
function deskTransport(child: ChildProcess, ready: HostReady, name: string, who: BenchSignIn): Promise<Transport> {
  const next = setupQueue.then(() => setUpDesk(child, ready, name, who));
  setupQueue = next.catch(() => undefined);
  return next;
}

/** A desk as a dealership sets it up: paired with the host's current code, then signed in as `who`. */
async function setUpDesk(child: ChildProcess, ready: HostReady, name: string, who: BenchSignIn): Promise<Transport> {
  const code = await new Promise<string>((ok) => {
    child.once('message', (m) => ok((m as HostCode).code));
    child.send({ type: 'code' });
  });
  const agent = new PinnedAgent(ready.fingerprint);
  const t: Transport = { baseUrl: ready.url, headers: {}, agent };
  const paired = await post(t, 'api/pair', { code, deskName: name });
  if (!paired.ok) throw new Error(`pairing ${name}: ${JSON.stringify(paired.error)}`);
  if (!sameFingerprint(paired.value.fingerprint, ready.fingerprint)) throw new Error('HOST_FINGERPRINT_MISMATCH');
  t.headers['x-aslm-desk'] = paired.value.token;
  const session = await transportInvoke(t)('auth.signIn', { login: who.login, password: who.password });
  if (!session.ok) throw new Error(`sign-in of ${who.login} on ${name}: ${JSON.stringify(session.error)}`);
  t.headers['x-aslm-session'] = session.value.token;
  return t;
}

export interface DesksOptions {
  dbPath: string;
  /** The moment the data were generated at (the host's clock starts there). */
  now: number;
  desks?: number;
  seconds?: number;
  thinkMs?: number;
  /** Unrecorded work first (default 10 s, BENCH_WARMUP_SECONDS): the figures are a running host's. */
  warmupSeconds?: number;
}
export type DeskRow = Stat & { target?: string; ok?: boolean };

function startHost(dbPath: string, now: number): Promise<{ child: ChildProcess; ready: HostReady }> {
  const child = fork(join(here, 'deskHost.ts'), [dbPath, String(now)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((ok, fail) => {
    child.once('message', (m) => ok({ child, ready: m as HostReady }));
    child.once('exit', (code) => fail(new Error(`the bench host stopped (${code})`)));
  });
}

const stat = (name: string, times: number[]): Stat => {
  const s = [...times].sort((a, b) => a - b);
  return { name, n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? NaN };
};

/** Runs the desks against a host process on `dbPath`; returns the figures (client side, then server side). */
export async function benchDesks(opts: DesksOptions): Promise<DeskRow[]> {
  const desks = opts.desks ?? Number(process.env.BENCH_DESKS ?? 10);
  const seconds = opts.seconds ?? Number(process.env.BENCH_DESK_SECONDS ?? 25);
  const thinkMs = opts.thinkMs ?? Number(process.env.BENCH_THINK_MS ?? 1000);
  const warmupSeconds = opts.warmupSeconds ?? Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
  const { child, ready } = await startHost(opts.dbPath, opts.now);
  try {
    // The setup (who has which leads) on a desk of its own, signed in as a manager.
    const manager = ready.people.find((p) => p.manager);
    if (!manager) throw new Error('no manager with an e-mail in the bench database');
    const invoke = transportInvoke(await deskTransport(child, ready, 'Bench setup', manager));
    const times = new Map<string, number[]>();
    const outcomes = new Map<string, number>();
    const rec: Recorder = {
      time: (kind, t) => (times.get(kind) ?? times.set(kind, []).get(kind)!).push(t),
      count: (what) => outcomes.set(what, (outcomes.get(what) ?? 0) + 1),
    };
    const t0 = performance.now();
    let measured = t0;
    await deskMix(invoke, rec, {
      desks,
      seconds,
      thinkMs,
      warmupSeconds,
      // The host's own figures start with the recorded part too ('timings' answers and clears them).
      onMeasureStart: () => {
        measured = performance.now();
        child.once('message', () => undefined); // the warm-up's figures: dropped
        child.send({ type: 'timings' });
      },
      hostNow: () => opts.now + (performance.now() - t0),
      perDesk: async (d: number, personId: number) => {
        const who = ready.people.find((p) => p.id === personId);
        if (!who) throw new Error(`person #${personId} has no sign-in`);
        return transportInvoke(await deskTransport(child, ready, `Bench desk ${d}`, who));
      },
    });
    const elapsed = (performance.now() - measured) / 1000;
    const server = await new Promise<HostTimings>((ok) => {
      child.once('message', (m) => ok(m as HostTimings));
      child.send({ type: 'timings' });
    });
    const calls = [...times.entries()].filter(([k]) => !k.startsWith('screen:')).reduce((n, [, v]) => n + v.length, 0);
    const label = `${desks} desks, think ${thinkMs} ms, after ${warmupSeconds} s warm-up`;
    const target = (s: Stat, p95: number): DeskRow => ({ ...s, target: `p95 ≤ ${p95} ms`, ok: s.p95 <= p95 });
    const rows: DeskRow[] = [];
    const TARGETS: Record<string, number> = { action: 20, list: 30, 'screen:list page': 30 };
    for (const [kind, t] of [...times.entries()].sort()) {
      const s = stat(`${label}: ${kind}`, t);
      rows.push(TARGETS[kind] !== undefined ? target(s, TARGETS[kind]!) : s);
    }
    rows.push({
      name: `${label}: throughput ${(calls / elapsed).toFixed(0)} calls/s over ${elapsed.toFixed(0)} s (${[
        ...outcomes.entries(),
      ]
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`,
      n: calls,
      p50: NaN,
      p95: NaN,
      max: NaN,
    });
    for (const [channel, t] of Object.entries(server.byChannel).sort()) rows.push(stat(`host core: ${channel}`, t));
    return rows;
  } finally {
    child.send({ type: 'stop' });
    await new Promise((ok) => child.once('exit', ok));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const leads = Number(process.env.BENCH_LEADS ?? 20_000);
  const NOW = Date.parse('2026-11-20T10:00:00Z');
  mkdirSync('bench-results', { recursive: true });
  const dbPath = process.env.BENCH_DB ?? join('bench-results', `bench-${leads}.sqlite`);
  if (!existsSync(dbPath)) await buildBenchDb(dbPath, leads, NOW);
  const rows = await benchDesks({ dbPath, now: NOW });
  // The leads actually in the file (BENCH_DB may hold another size than BENCH_LEADS).
  const db = new Database(dbPath, { readonly: true });
  const inFile = (db.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n;
  db.close();
  console.log(`Desks against one host — ${inFile.toLocaleString('en')} leads (${dbPath})\n`);
  console.log('| measure | n | p50 ms | p95 ms | max ms | target | |\n|---|---:|---:|---:|---:|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.n} | ${Number.isNaN(r.p50) ? '' : ms(r.p50)} | ${Number.isNaN(r.p95) ? '' : ms(r.p95)} | ${Number.isNaN(r.max) ? '' : ms(r.max)} | ${r.target ?? ''} | ${r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED'} |`,
    );
}
