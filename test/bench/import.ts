// `npm run bench`: the 50,000-row import (bulk path), on a fresh database beside the benchmark's one,
// so that the big database is not changed. Target: ≤ 5 s for the commit (read, validate, write, index).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore, type AppCore } from '../../electron/core/appCore';
import { bigHqFile } from '../fixtures/importCorpus';
import type { Stat } from './stats';

export type ImportStat = Stat & { target?: string; ok?: boolean };

export async function benchImport(core: AppCore, rows = 50_000): Promise<ImportStat[]> {
  const dir = mkdtempSync(join(tmpdir(), 'aslm-bench-import-'));
  const fresh = createAppCore({ dbPath: join(dir, 'import.sqlite'), clock: core.clock, timeZone: core.settings.rules().timeZone, log: () => undefined });
  try {
    const data = bigHqFile(rows);
    const one = (name: string, ms: number, target?: number): ImportStat =>
      ({ name, n: 1, p50: ms, p95: ms, max: ms, ...(target ? { target: `≤ ${target / 1000} s`, ok: ms <= target } : {}) });
    let t = performance.now();
    const p = await fresh.importer.preview({ name: 'bench.csv', data }, {});
    const previewMs = performance.now() - t;
    if (p.summary.valid !== rows) throw new Error(`bench import: ${p.summary.valid} valid rows of ${rows}`);
    t = performance.now();
    const r = await fresh.importer.commit({ name: 'bench.csv', data }, { decisions: [] }, fresh.actor());
    const commitMs = performance.now() - t;
    if (r.imported !== rows) throw new Error(`bench import: ${r.imported} imported of ${rows}`);
    t = performance.now();
    const again = await fresh.importer.commit({ name: 'bench.csv', data }, { decisions: [] }, fresh.actor());
    const reimportMs = performance.now() - t;
    if (again.imported !== 0) throw new Error('bench import: the re-import created leads');
    return [
      one(`import preview ${rows.toLocaleString('en')} rows (CSV)`, previewMs),
      one(`import ${rows.toLocaleString('en')} rows (CSV, one transaction, search index once)`, commitMs, 5000),
      one(`re-import of the same ${rows.toLocaleString('en')} rows (0 new)`, reimportMs),
    ];
  } finally {
    fresh.close();
    rmSync(dir, { recursive: true, force: true });
  }
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
  const page = await call('leads.list', { view: 'assigned', pageSize: 50 }) as unknown as { rows: { id: number }[] };
  return [
    await measure('playbook: due now over every open lead (whole desk)', 5, () => call('playbook.list', { due: true }), 1),
    await measure('playbook: next steps of a list page (50 leads)', 30, () => call('playbook.steps', { ids: page.rows.map((r) => r.id) })),
  ];
}
