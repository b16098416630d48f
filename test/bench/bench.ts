// `npm run bench`: builds a 250,000-lead database with the demo generator, then times the hot paths
// through the real handler (core.dispatch) and the raw SQLite time of the same list query.
//   BENCH_LEADS=250000 (default)   BENCH_DB=path (reuse a database built earlier with the same count)
// `npm run bench -- --db postgres://…` (or ASLM_DB=postgres://…): the PostgreSQL store instead, 1,000,000 leads by
// default (test/bench/pgBench.ts; a local server: `node scripts/pg-local.mjs start`).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAppCore } from '../../electron/core/appCore';
import { LIST_VIEWS } from '../../shared/domain/vocabulary';
import { measure, ms, type Stat } from './stats';
import { benchImport, benchPlaybook } from './import';
import { benchKpi } from './kpi';
import { benchColdStart } from './coldstart';
import { buildBenchDb } from './benchDb';
import { benchDesks } from './desks';
import { benchPostgres } from './pgBench';

const NOW = Date.parse('2026-11-20T10:00:00Z');
const outDir = 'bench-results';
mkdirSync(outDir, { recursive: true });
const argv = process.argv.slice(2);
const dbArg = argv.includes('--db')
  ? argv[argv.indexOf('--db') + 1]
  : argv.find((a) => a.startsWith('--db='))?.slice(5);
const pgDb = dbArg ?? process.env.ASLM_DB;
if (pgDb && /^postgres(ql)?(:|$)/.test(pgDb)) {
  await benchPostgres(pgDb, Number(process.env.BENCH_LEADS ?? 1_000_000), NOW, outDir);
  process.exit(0);
}
const LEADS = Number(process.env.BENCH_LEADS ?? 250_000);
const dbPath = process.env.BENCH_DB ?? join(outDir, `bench-${LEADS}.sqlite`);
const clock = { now: () => NOW };

let buildSeconds: number | null = null;
if (!process.env.BENCH_DB || !existsSync(dbPath)) buildSeconds = await buildBenchDb(dbPath, LEADS, NOW);

const core = createAppCore({ dbPath, clock, timeZone: 'Europe/Rome' });
const ctx = { transport: 'test' as const };
const counts = await core.lists.counts();
const results: (Stat & { target?: string; ok?: boolean; ratio?: number })[] = [];
const add = (s: Stat, target?: { p50?: number; p95?: number; label: string }) => {
  const ok = target
    ? (target.p50 === undefined || s.p50 <= target.p50) && (target.p95 === undefined || s.p95 <= target.p95)
    : undefined;
  results.push({ ...s, ...(target ? { target: target.label, ok } : {}) });
};

async function call(channel: string, input: unknown) {
  const r = await core.dispatch(channel, input, ctx);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

for (const view of LIST_VIEWS) {
  for (const page of [0, 99]) {
    const q = { view, page, pageSize: 50 };
    const handler = await measure(`list ${view} page ${page + 1}`, 50, () => call('leads.list', q));
    const sql = await core.lists.sql(q);
    const rowsStmt = core.store!.sqlite.prepare(sql.rows);
    const raw = await measure(`raw SQL ${view} page ${page + 1} (rows)`, 50, () => rowsStmt.all(...sql.params));
    const ratio = handler.p50 / raw.p50;
    results.push({ ...handler, target: 'p50 ≤ 5 ms and ≤ 3× raw', ok: handler.p50 <= 5 && ratio <= 3, ratio });
    results.push({ ...raw });
  }
}
for (const view of LIST_VIEWS) {
  results.push(
    await measure(`count ${view}, uncached (first page after a write)`, 20, () => core.lists.uncachedCount({ view })),
  );
}
for (const prefix of ['ros', 'mül', 'mar']) {
  results.push(
    await measure(`search "${prefix}" count, uncached (Closed No Sale)`, 10, () =>
      core.lists.uncachedCount({ view: 'closed_no_sale', search: prefix }),
    ),
  );
  add(
    await measure(`search "${prefix}" (Assigned to Dealer)`, 30, () =>
      call('leads.list', { view: 'assigned', search: prefix }),
    ),
    { p50: 20, label: 'p50 ≤ 20 ms' },
  );
  add(
    await measure(`search "${prefix}" (Closed No Sale)`, 30, () =>
      call('leads.list', { view: 'closed_no_sale', search: prefix }),
    ),
    { p50: 20, label: 'p50 ≤ 20 ms' },
  );
}
// The header's search across every list (leads.globalSearch): a common name prefix, a surname, a phone's last
// digits, a national-format phone, a lead number without its zeros, part of a VIN.
for (const q of ['ma', 'rossi', '4567', '0333 1234567', '702', 'ZFA3120']) {
  add(await measure(`global search "${q}" (grouped by status)`, 30, () => call('leads.globalSearch', { q })), {
    p50: 30,
    label: 'p50 ≤ 30 ms',
  });
}
add(await measure('SLA 1/2/3 over 60 days', 30, () => call('kpi.sla', {})), { p50: 50, label: 'p50 ≤ 50 ms' });
const open = core
  .store!.sqlite.prepare("SELECT id FROM leads WHERE status = 'assigned' ORDER BY id DESC LIMIT 200")
  .all() as { id: number }[];
add(
  await measure(
    'record contact (handler, one transaction, fsync)',
    Math.min(100, open.length - 5),
    async (i) =>
      call('leads.recordContact', {
        id: open[i % open.length]!.id,
        version: (await core.leads.load(open[i % open.length]!.id)).version,
        input: { direction: 'outbound', channel: 'phone', outcome: 'no_answer' },
      }),
    2,
  ),
  { p50: 3, label: 'p50 ≤ 3 ms' },
);

const extra: { name: string; run: (c: typeof core) => Promise<Stat[]> }[] = [
  { name: 'kpi', run: benchKpi },
  { name: 'import', run: benchImport },
  { name: 'playbook', run: benchPlaybook },
];
// Other areas add their figures here (import, KPI dashboard, PDF report).
for (const e of extra) for (const s of await e.run(core)) results.push(s);

core.close();
// Several desks against one host over HTTP (issue 14): the desk's mix, 10 desks at once (test/bench/desks.ts).
for (const r of await benchDesks({ dbPath, now: NOW })) results.push(r);
// Cold start to interactive in Chromium against browser mode (test/bench/coldstart.ts; needs `npm run build:renderer`).
{
  const cold = await benchColdStart(dbPath, 5);
  add(
    { ...cold.stat, name: `${cold.stat.name}, ${(cold.scriptBytes / 1024).toFixed(0)} kB JS` },
    { p50: 1000, label: 'p50 ≤ 1 s' },
  );
  add(cold.firstPaint);
  add(cold.relaunch, { p50: 1000, label: 'p50 ≤ 1 s' });
  add(cold.relaunchPaint);
}
const lines = [
  `ASLM Desk benchmark — ${LEADS.toLocaleString('en')} leads (${Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')})`,
  buildSeconds !== null
    ? `database built with the demo generator in ${buildSeconds.toFixed(0)} s`
    : `database reused: ${dbPath}`,
  '',
  '| measure | p50 ms | p95 ms | target | |',
  '|---|---:|---:|---|---|',
  ...results.map(
    (r) =>
      `| ${r.name}${r.ratio ? ` (×${r.ratio.toFixed(2)} raw)` : ''} | ${Number.isNaN(r.p50) ? '' : ms(r.p50)} | ${Number.isNaN(r.p95) ? '' : ms(r.p95)} | ${r.target ?? ''} | ${r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED'} |`,
  ),
];
console.log(lines.join('\n'));
writeFileSync(join(outDir, 'latest.md'), `${lines.join('\n')}\n`);
writeFileSync(join(outDir, 'latest.json'), JSON.stringify({ leads: LEADS, buildSeconds, counts, results }, null, 2));
