// The 250,000-lead database of scale.e2e.ts, built by the real demo generator (every lead lived through the
// rules). Building it takes ≈ 3 minutes, so the e2e run's global setup starts it at once in a background
// process with a low priority, and the scale test (near the end of the run) waits for it. Run as a script it
// builds the file: `tsx test/e2e/scaleDb.ts <path>` (written to `<path>.part`, renamed when complete).
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppCore } from '../../electron/core/appCore';
import { testClock } from '../../electron/core/clock';
import { generateDemo } from '../../electron/core/demo/generate';

const here = dirname(fileURLToPath(import.meta.url));
export const SCALE_NOW = Date.parse('2026-11-20T10:00:00Z');
export const SCALE_LEADS = 250_000;
/** Where the background build writes (under test-results, removed with the run's other outputs). */
export const SCALE_DB = resolve(here, '../../test-results/scale/scale-250000.sqlite');
export const SCALE_LOG = join(dirname(SCALE_DB), 'build.log');

export async function buildScaleDb(path: string): Promise<void> {
  const part = `${path}.part`;
  rmSync(part, { force: true });
  const gen = createAppCore({
    dbPath: part,
    clock: testClock(SCALE_NOW),
    timeZone: 'Europe/Rome',
    log: () => undefined,
  });
  try {
    // The lists' and KPIs' indexes are made once at the end instead of kept up to date lead by lead (≈ 20 % of the
    // build); the ones the generator's own sweeps read stay.
    const db = gen.store!.sqlite;
    const deferred = db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'leads' AND sql IS NOT NULL AND (
          name LIKE 'leads\\_sort\\_%' ESCAPE '\\' OR name LIKE 'leads\\_open\\_sort\\_%' ESCAPE '\\'
          OR name LIKE 'leads\\_v\\_%' ESCAPE '\\' OR name LIKE 'leads\\_kpi\\_%' ESCAPE '\\'
          OR name IN ('leads_my_day', 'leads_sla1', 'leads_sla2'))`,
      )
      .all() as { name: string; sql: string }[];
    for (const i of deferred) db.exec(`DROP INDEX "${i.name}"`);
    await generateDemo(gen.data, gen.settings, { leads: SCALE_LEADS, now: SCALE_NOW, seed: 42 });
    for (const i of deferred) db.exec(i.sql);
    gen.store!.sqlite.pragma('optimize');
    gen.store!.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    gen.close();
  }
  for (const ext of ['-wal', '-shm']) rmSync(part + ext, { force: true });
  renameSync(part, path);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const path = resolve(process.argv[2] ?? SCALE_DB);
  if (!existsSync(path)) await buildScaleDb(path);
}
