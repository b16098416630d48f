// Several desks, one host (issue 14): N simulated desks (default 10) doing the desk's mix of calls against one host
// over HTTP for a while, each on the leads of its own person. Latency is measured where the desk sees it (request
// sent → reply parsed); the host also reports how long the core took per channel, to tell the transport from the
// work. Targets: p95 of an action ≤ 20 ms, of a list page ≤ 30 ms.
//   npx tsx test/bench/desks.ts    BENCH_LEADS=20000 (alone; `npm run bench` passes its 250,000-lead database)
//   BENCH_DB=path  BENCH_DESKS=10  BENCH_DESK_SECONDS=25  BENCH_THINK_MS=1000 (a desk's mean pause between screens: a busy clerk's is several seconds)
import { fork, type ChildProcess } from 'node:child_process';
import { request as httpRequest, Agent as HttpAgent } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBenchDb } from './benchDb';
import type { HostReady, HostTimings } from './deskHost';
import { deskMix, type Recorder } from './deskMix';
import { ms, percentile, type Stat } from './stats';

const here = dirname(fileURLToPath(import.meta.url));

/** Where and how a desk reaches the host: today loopback HTTP with the launch token; later the LAN host's HTTPS. */
export interface Transport {
  baseUrl: string;
  headers: Record<string, string>;
  /** e.g. an https.Agent holding the host's pinned certificate. */
  agent?: HttpAgent | HttpsAgent;
}
export type Reply = { ok: true; value: any } | { ok: false; error: { code: string } & Record<string, unknown> };
export type Invoke = (channel: string, input: unknown) => Promise<Reply>;

/** The one function that talks to the host: POST {base}api/invoke {channel, input} → the contract's reply. */
export function transportInvoke(t: Transport): Invoke {
  const url = new URL('api/invoke', t.baseUrl);
  const https = url.protocol === 'https:';
  const agent = t.agent ?? (https ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true }));
  const send = https ? httpsRequest : httpRequest;
  // A kept-alive socket the host closed while idle answers the next request with ECONNRESET before reading it:
  // sent again on a fresh socket (Node's documented `reusedSocket` check), never when the host may have read it.
  const call = (channel: string, input: unknown, retry: boolean): Promise<Reply> =>
    new Promise<Reply>((ok, fail) => {
      const body = JSON.stringify({ channel, input });
      const req = send(
        url,
        {
          method: 'POST',
          agent,
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
        retry && req.reusedSocket && e.code === 'ECONNRESET' ? ok(call(channel, input, false)) : fail(e),
      );
      req.end(body);
    });
  return (channel, input) => call(channel, input, true);
}

export interface DesksOptions {
  dbPath: string;
  /** The moment the data were generated at (the host's clock starts there). */
  now: number;
  desks?: number;
  seconds?: number;
  thinkMs?: number;
  /** Each desk's own transport (e.g. its signed-in session on the HTTPS host); default: the web server's token. */
  perDesk?: (desk: number, personId: number, host: HostReady) => Transport | Promise<Transport>;
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
  const { child, ready } = await startHost(opts.dbPath, opts.now);
  try {
    const invoke = transportInvoke({ baseUrl: ready.url, headers: { 'x-aslm-token': ready.token } });
    const times = new Map<string, number[]>();
    const outcomes = new Map<string, number>();
    const rec: Recorder = {
      time: (kind, t) => (times.get(kind) ?? times.set(kind, []).get(kind)!).push(t),
      count: (what) => outcomes.set(what, (outcomes.get(what) ?? 0) + 1),
    };
    const t0 = performance.now();
    await deskMix(invoke, rec, {
      desks,
      seconds,
      thinkMs,
      hostNow: () => opts.now + (performance.now() - t0),
      ...(opts.perDesk
        ? { perDesk: async (d: number, p: number) => transportInvoke(await opts.perDesk!(d, p, ready)) }
        : {}),
    });
    const elapsed = (performance.now() - t0) / 1000;
    const server = await new Promise<HostTimings>((ok) => {
      child.once('message', (m) => ok(m as HostTimings));
      child.send({ type: 'timings' });
    });
    const calls = [...times.entries()].filter(([k]) => !k.startsWith('screen:')).reduce((n, [, v]) => n + v.length, 0);
    const label = `${desks} desks, think ${thinkMs} ms`;
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
  if (!existsSync(dbPath)) buildBenchDb(dbPath, leads, NOW);
  const rows = await benchDesks({ dbPath, now: NOW });
  console.log(`Desks against one host — ${leads.toLocaleString('en')} leads (${dbPath})\n`);
  console.log('| measure | n | p50 ms | p95 ms | max ms | target | |\n|---|---:|---:|---:|---:|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.name} | ${r.n} | ${Number.isNaN(r.p50) ? '' : ms(r.p50)} | ${Number.isNaN(r.p95) ? '' : ms(r.p95)} | ${Number.isNaN(r.max) ? '' : ms(r.max)} | ${r.target ?? ''} | ${r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED'} |`,
    );
}
