// The CLI's commands. Each parses its own options and prints; bad arguments throw UsageError.
import { parseArgs } from 'node:util';
import { createAppCore, type AppCore } from '../core/appCore';
import { redactedPgUrl } from '../core/backup/api';
import { testClock, systemClock } from '../core/clock';
import { generateDemo } from '../core/demo/generate';
import { defaultDbPath, parseIntArg, parseIso, UsageError } from './args';
import { replay } from './replay';
import { importCommand } from './import';
import { vehiclesCommand } from './vehicles';
import { retryWhileBusy } from '../store/busy';
import { parseReportArgs, reportCommand, reportSummary, reportUsage } from './report';

export interface Command {
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

type Opts = Record<string, { type: 'string' | 'boolean' }>;
function parse(argv: string[], options: Opts, positionals = 0) {
  let r;
  try {
    r = parseArgs({
      args: argv,
      options: { db: { type: 'string' }, ...options },
      allowPositionals: positionals > 0,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (r.positionals.length > positionals) throw new UsageError(`unexpected argument: ${r.positionals[positionals]}`);
  return r as { values: Record<string, string | boolean | undefined>; positionals: string[] };
}
const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

/** The core on `--db` (a SQLite file, or `postgres://…` / `postgresql://…`), once it is ready. */
async function open(db: string | undefined, clock = systemClock): Promise<AppCore> {
  const core = createAppCore({
    dbPath: db ?? defaultDbPath(),
    clock,
    mode: 'browser',
    log: (m, e) => console.error(m, e ?? ''),
  });
  try {
    await core.ready;
  } catch (e) {
    core.close();
    throw e;
  }
  return core;
}

const iso = (ms: number) => new Date(ms).toISOString();

export const commands: Record<string, Command> = {
  demo: {
    summary: 'fill a database with realistic demo leads (default 2,000 over the last 90 days)',
    usage: 'demo [--leads N] [--seed N] [--at ISO] [--db FILE]',
    async run(argv) {
      const { values } = parse(argv, { leads: { type: 'string' }, seed: { type: 'string' }, at: { type: 'string' } });
      const leads = parseIntArg('leads', str(values.leads), 1, 1_000_000) ?? 2000;
      const seed = parseIntArg('seed', str(values.seed), 0, 2 ** 31) ?? undefined;
      const now = parseIso('at', str(values.at)) ?? Date.now();
      const core = await open(str(values.db));
      try {
        const t = performance.now();
        const r = await generateDemo(core.data, core.settings, { leads, seed, now });
        const passwords = await core.auth.passwordsForManagersWithout();
        console.log(
          `Created ${r.leads} demo leads in ${((performance.now() - t) / 1000).toFixed(1)} s → ${core.store?.path ?? redactedPgUrl(core.options.dbPath)}`,
        );
        // Shown once (docs/rules.md §12): each is changed at the first sign-in.
        if (passwords.length > 0) {
          console.log('Temporary passwords (write these down: they will not be shown again):');
          for (const p of passwords) console.log(`  ${p.name}  user name: ${p.login}  password: ${p.password}`);
        }
      } finally {
        await core.settled(); // the alerts the command's writes started
        core.close();
      }
      return 0;
    },
  },
  replay: {
    summary: "apply a JSONL timeline through the app's rules, printing one JSON line per input line",
    usage: 'replay FILE.jsonl [--db FILE]',
    async run(argv) {
      const { values, positionals } = parse(argv, {}, 1);
      const file = positionals[0];
      if (!file) throw new UsageError('replay needs a FILE.jsonl');
      const clock = testClock(Date.now());
      const core = await open(str(values.db) ?? ':memory:', clock);
      try {
        const bad = await replay(file, core, clock, (l) => console.log(l));
        return bad > 0 ? 1 : 0;
      } finally {
        await core.settled(); // the alerts the command's writes started
        core.close();
      }
    },
  },
  kpi: {
    summary: 'SLA 1/2/3 over the leads assigned in the 60 days before --at (or --from/--to)',
    usage: 'kpi [--json] [--at ISO | --from ISO --to ISO] [--db FILE]',
    async run(argv) {
      const { values } = parse(argv, {
        json: { type: 'boolean' },
        at: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
      });
      const at = parseIso('at', str(values.at));
      const from = parseIso('from', str(values.from));
      const to = parseIso('to', str(values.to));
      if ((from === undefined) !== (to === undefined)) throw new UsageError('--from and --to go together');
      if (from !== undefined && to !== undefined && from >= to) throw new UsageError('--from must be before --to');
      if (at !== undefined && from !== undefined) throw new UsageError('use either --at or --from/--to');
      const core = await open(str(values.db));
      try {
        const r = await core.kpi.sla({ at, from, to }, Date.now());
        const out = {
          at: iso(r.at),
          ...(from !== undefined ? { from: iso(r.from), to: iso(r.to) } : {}),
          sla1: r.sla1,
          sla2: r.sla2,
          sla3: r.sla3,
        };
        if (values.json) console.log(JSON.stringify(out));
        else {
          console.log(`SLA over leads assigned ${iso(r.from)} → ${iso(r.to)}`);
          for (const k of ['sla1', 'sla2', 'sla3'] as const) {
            const f = r[k];
            console.log(
              `${k.toUpperCase()}  met ${f.met}  missed ${f.missed}  pending ${f.pending}  rate ${f.rate === null ? '—' : `${(f.rate * 100).toFixed(1)} %`}  target ${(f.target * 100).toFixed(0)} %`,
            );
          }
        }
      } finally {
        await core.settled(); // the alerts the command's writes started
        core.close();
      }
      return 0;
    },
  },
  report: {
    summary: reportSummary,
    usage: reportUsage,
    async run(argv) {
      const args = parseReportArgs(argv);
      const core = await open(args.db);
      try {
        return await reportCommand(args, core);
      } finally {
        await core.settled(); // the alerts the command's writes started
        core.close();
      }
    },
  },
  sweep: {
    summary: 'run the automatic sweeps (Lost Sale, appointment expiry, Contact Again follow-ups) now or at --at',
    usage: 'sweep [--dry-run] [--at ISO] [--json] [--db FILE]',
    async run(argv) {
      const { values } = parse(argv, {
        'dry-run': { type: 'boolean' },
        at: { type: 'string' },
        json: { type: 'boolean' },
      });
      const at = parseIso('at', str(values.at)) ?? Date.now();
      const core = await open(str(values.db));
      try {
        const r = await core.sweeps.run(at, { dryRun: Boolean(values['dry-run']) });
        if (values.json)
          console.log(
            JSON.stringify({
              ...r,
              at: iso(r.at),
              changes: r.changes.map((c) => ({ ...c, effectiveAt: iso(c.effectiveAt) })),
            }),
          );
        else {
          console.log(`${r.dryRun ? 'Would change' : 'Changed'} ${r.changes.length} lead(s) at ${iso(at)}`);
          for (const c of r.changes) console.log(`  ${c.number}  ${c.change}  (effective ${iso(c.effectiveAt)})`);
        }
      } finally {
        await core.settled(); // the alerts the command's writes started
        core.close();
      }
      return 0;
    },
  },
  import: {
    summary: 'import leads from a CSV/TXT/XLSX file (report: imported, duplicates, rejected rows with line and reason)',
    usage: 'import FILE [--preset NAME] [--merge] [--json] [--lang en|fr|de|it] [--db FILE]',
    async run(argv) {
      const dbIdx = argv.indexOf('--db');
      // A scheduled import waits for the app's writes, opening included (docs/rules.md §11.7).
      const core = await retryWhileBusy(() => open(dbIdx >= 0 ? argv[dbIdx + 1] : undefined));
      try {
        return await importCommand(argv, core);
      } finally {
        await core.settled(); // the alerts the command's writes started
        core.close();
      }
    },
  },
  vehicles: {
    summary: 'import the vehicle registry (DMS export, CSV/XLSX): upsert by VIN, bad rows reported by line and reason',
    usage: 'vehicles FILE [--json] [--lang en|fr|de|it] [--db FILE]',
    async run(argv) {
      const dbIdx = argv.indexOf('--db');
      const core = await open(dbIdx >= 0 ? argv[dbIdx + 1] : undefined);
      try {
        return await vehiclesCommand(argv, core);
      } finally {
        await core.settled(); // the alerts the command's writes started
        core.close();
      }
    },
  },
};
