// The read-side parity tests' dataset: the demo generator's leads made by the real app core on SQLite (fixed seed and
// `now`), copied row for row into a migrated PostgreSQL database; both stores' read repositories side by side.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore, type AppCore } from '../../electron/core/appCore';
import { generateDemo } from '../../electron/core/demo/generate';
import { openPgStore, type PgStore } from '../../electron/store/pg/migrate';
import { pgReadRepos, type ReadRepos } from '../../electron/store/pg/repos/readSide';
import { sqliteRepos, type Repos } from '../../electron/store/repos/index';
import { bulkCopySqliteTables } from './pgCopy';
import { createPgTestDatabase, type PgTestDatabase } from './pgDatabase';

export const READ_NOW = Date.parse('2026-11-20T10:00:00Z');
/** The tables the read side reads (history is not read by these repositories). */
export const READ_TABLES = ['users', 'user_roles', 'customers', 'vehicles', 'leads', 'contacts'];

export interface ReadFixture {
  core: AppCore;
  sqlite: Pick<Repos, 'leadList' | 'kpi' | 'kpiReport'>;
  pg: ReadRepos;
  store: PgStore;
  close(): Promise<void>;
}

export async function openReadFixture(name: string, leads: number, seed = 4242): Promise<ReadFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'aslm-pgread-'));
  const core = createAppCore({
    dbPath: join(dir, 'aslm.sqlite'),
    clock: { now: () => READ_NOW },
    timeZone: 'Europe/Rome',
    log: () => undefined,
  });
  let database: PgTestDatabase | undefined;
  let store: PgStore | undefined;
  try {
    await generateDemo(core.data, core.settings, { leads, now: READ_NOW, seed });
    // The dashboard back-fills the stored business-day deadlines (business_due_at) the report's bd_* figures read.
    const r = await core.dispatch('kpi.dashboard', { period: 'last-week' }, { transport: 'test' });
    if (!r.ok) throw new Error(`kpi.dashboard: ${JSON.stringify(r.error)}`);
    database = await createPgTestDatabase(name);
    store = await openPgStore(database.url);
    await bulkCopySqliteTables(core.store!.sqlite, store.pool, READ_TABLES, 2000);
    await store.pool.query('ANALYZE');
  } catch (e) {
    core.close();
    await store?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const s = store;
  const d = database;
  return {
    core,
    sqlite: sqliteRepos(core.store!.sqlite),
    pg: pgReadRepos(s.pool),
    store: s,
    async close() {
      core.close();
      await s.close();
      await d.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
