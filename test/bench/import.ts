// `npm run bench`: the 50,000-row import (bulk path), on fresh databases beside the benchmark's one, so that the
// big database is not changed. Target: ≤ 5 s for the commit (read, validate, write, index) as the app does it:
// right after the preview of the file, whose parse the commit reuses (importService `reuse`). The commit without a
// preview (the CLI, the watched folder: everything parsed again) is a separate line, and so is the re-import.
// Each figure is the median of BENCH_IMPORT_ROUNDS (3) rounds, each on new databases. The import's clock runs from
// the benchmark's date at the real pace, so that time passes between the preview and the commit as at the desk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore, type AppCore } from '../../electron/core/appCore';
import { bigHqFile } from '../fixtures/importCorpus';
import { percentile, type Stat } from './stats';

export type ImportStat = Stat & { target?: string; ok?: boolean };

export async function benchImport(
  core: AppCore,
  rows = 50_000,
  rounds = Number(process.env.BENCH_IMPORT_ROUNDS ?? 3),
): Promise<ImportStat[]> {
  const data = bigHqFile(rows);
  const start = core.clock.now();
  const t0 = performance.now();
  const clock = { now: () => start + Math.floor(performance.now() - t0) };
  const times = { preview: [] as number[], commit: [] as number[], reimport: [] as number[], cli: [] as number[] };
  const timed = async <T>(into: number[], fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const r = await fn();
    into.push(performance.now() - t);
    return r;
  };
  const fresh = async (fn: (c: AppCore) => Promise<void>) => {
    const dir = mkdtempSync(join(tmpdir(), 'aslm-bench-import-'));
    const c = createAppCore({
      dbPath: join(dir, 'import.sqlite'),
      clock,
      timeZone: core.settings.rules().timeZone,
      log: () => undefined,
    });
    try {
      await fn(c);
    } finally {
      c.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const file = { name: 'bench.csv', data };
  for (let i = 0; i < rounds; i++) {
    // At the desk: preview, then commit; then the same file again (0 new: a commit without a preview).
    await fresh(async (c) => {
      const p = await timed(times.preview, () => c.importer.preview(file, {}));
      if (p.summary.valid !== rows) throw new Error(`bench import: ${p.summary.valid} valid rows of ${rows}`);
      const r = await timed(times.commit, async () =>
        c.importer.commit(file, { decisions: [] }, await c.resolveActor()),
      );
      if (r.imported !== rows) throw new Error(`bench import: ${r.imported} imported of ${rows}`);
      const again = await timed(times.reimport, async () =>
        c.importer.commit(file, { decisions: [] }, await c.resolveActor()),
      );
      if (again.imported !== 0) throw new Error('bench import: the re-import created leads');
    });
    // The CLI / watched folder: a commit with no preview before it.
    await fresh(async (c) => {
      const r = await timed(times.cli, async () =>
        c.importer.commit(file, { decisions: [] }, await c.resolveActor({ transport: 'cli' })),
      );
      if (r.imported !== rows) throw new Error(`bench import (no preview): ${r.imported} imported of ${rows}`);
    });
  }
  const stat = (name: string, xs: number[], target?: number): ImportStat => {
    const sorted = [...xs].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    return {
      name,
      n: xs.length,
      p50,
      p95: percentile(sorted, 95),
      max: sorted[sorted.length - 1]!,
      ...(target ? { target: `≤ ${target / 1000} s`, ok: p50 <= target } : {}),
    };
  };
  const n = rows.toLocaleString('en');
  return [
    stat(`import preview ${n} rows (CSV)`, times.preview),
    stat(
      `import ${n} rows after its preview, as in the app (CSV, one transaction, search index once)`,
      times.commit,
      5000,
    ),
    stat(`import ${n} rows without a preview (CLI, watched folder: parsed at commit)`, times.cli),
    stat(`re-import of the same ${n} rows (0 new, no preview)`, times.reimport),
  ];
}

/** The playbook over the benchmark's database: the whole desk's due steps and one page of next steps (list column). */
export async function benchPlaybook(core: AppCore): Promise<ImportStat[]> {
  const { measure } = await import('./stats');
  const ctx = { transport: 'test' as const };
  const call = async (channel: string, input: unknown) => {
    const r = await core.dispatch(channel, input, ctx);
    if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
    return r.value as { rows?: { leadId: number }[] };
  };
  const page = (await call('leads.list', { view: 'assigned', pageSize: 50 })) as unknown as { rows: { id: number }[] };
  return [
    await measure(
      'playbook: due now over every open lead (whole desk)',
      5,
      () => call('playbook.list', { due: true }),
      1,
    ),
    await measure('playbook: next steps of a list page (50 leads)', 30, () =>
      call('playbook.steps', { ids: page.rows.map((r) => r.id) }),
    ),
  ];
}
