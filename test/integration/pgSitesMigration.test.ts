// Migrations 0009–0011 (sites) on a PostgreSQL database WITH DATA of before (sitesMigration.test.ts is SQLite's 0020):
// a database migrated only up to 0008 gets the demo's rows (made by the app core on SQLite, copied column by column:
// the trigger-kept tables of 0002–0008 filled by their triggers as rows go in), then today's migrations. Site 1 named
// after the dealer, every lead and rule at site 1, the people at site 1 but the managers (group-wide); every
// trigger-kept table per site equal to a direct recount and, summed over the sites, to what it was before; an app core
// on the migrated database answers lists, searches and KPI as the SQLite core the data came from.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/core/appCore';
import { testClock } from '../../electron/core/clock';
import { generateDemo } from '../../electron/core/demo/generate';
import { migratePg, pgMigrationsFolder, pgStoreOf, type PgStore } from '../../electron/store/pg/migrate';
import { LIST_VIEWS } from '../../shared/domain/vocabulary';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { migrationsBefore } from '../support/migrationsBefore';
import { bulkCopySqliteTables } from '../support/pgCopy';
import { createPgTestDatabase, type PgTestDatabase } from '../support/pgDatabase';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

const NOW = Date.parse('2026-11-20T10:00:00Z');
/** The tables the sites migrations read, as sitesMigration.test.ts copies them (with the demo's outbox rows). */
const COPIED = ['settings', 'users', 'user_roles', 'assignment_rules', 'customers', 'vehicles', 'leads', 'contacts'];

/** Every trigger-kept table, keyed without the site (summed over the sites after): what it holds. */
const KEPT: Record<string, string> = {
  lead_day_counts:
    'SELECT day, status, sum(n)::int AS n FROM lead_day_counts GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2',
  lead_view_counts: 'SELECT view, sum(n)::int AS n FROM lead_view_counts GROUP BY 1 ORDER BY 1',
  lead_sla_day_counts: `SELECT day, sla1, sla2, sum(n)::int AS n FROM lead_sla_day_counts GROUP BY 1, 2, 3
    HAVING sum(n) <> 0 ORDER BY 1, 2, 3`,
  contact_kpi_hours: `SELECT ah, bh, a, campaign, source, lead_type, channel, outcome, sum(n)::int AS n, sum(f)::int AS f
    FROM contact_kpi_hours GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0 OR sum(f) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
  leads_search: 'SELECT id, doc::text AS doc, status, assigned_at, views FROM leads_search ORDER BY id',
  leads_search_words: 'SELECT id, pre, words, views, status, assigned_at FROM leads_search_words ORDER BY id, pre',
};

/** The per-site tables as the leads and contacts say (site last, as in the tables' keys). */
const RECOUNT = {
  lead_day_counts: [
    'SELECT day, status, site_id, n FROM lead_day_counts WHERE n <> 0 ORDER BY 1, 2, 3',
    `SELECT assigned_at / 86400000 AS day, status, site_id, count(*)::int AS n FROM leads GROUP BY 1, 2, 3
      ORDER BY 1, 2, 3`,
  ],
  lead_view_counts: [
    'SELECT view, site_id, n FROM lead_view_counts ORDER BY 1, 2',
    `SELECT v.view, s.id AS site_id, (SELECT count(*)::int FROM leads l WHERE l.site_id = s.id AND CASE v.view
        WHEN 'not_managed' THEN l.status = 'assigned' AND l.contact_attempts = 0
        WHEN 'in_progress' THEN (l.status = 'assigned' AND l.contact_attempts > 0) OR (l.status = 'appointment' AND NOT l.frozen)
        ELSE l.close_reason IS NOT NULL END) AS n
      FROM sites s CROSS JOIN (VALUES ('closed_no_sale'), ('in_progress'), ('not_managed')) v(view) ORDER BY 1, 2`,
  ],
  lead_sla_day_counts: [
    'SELECT day, sla1, sla2, site_id, n FROM lead_sla_day_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4',
    `SELECT assigned_at / 86400000 AS day, aslm_sla_state(sla1_met) AS sla1, aslm_sla_state(sla2_met) AS sla2, site_id,
      count(*)::int AS n FROM leads GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
  ],
  contact_kpi_hours: [
    `SELECT ah, bh, a, campaign, source, lead_type, channel, outcome, site_id, n, f FROM contact_kpi_hours
      WHERE n <> 0 OR f <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
    `SELECT l.assigned_at / 3600000 AS ah, c.at / 3600000 AS bh, coalesce(l.assignee_id, 0) AS a, l.campaign, l.source,
        l.lead_type, c.channel, c.outcome, l.site_id, count(*)::int AS n, (count(*) FILTER (WHERE c.rn = 1))::int AS f
      FROM (SELECT lead_id, at, channel, outcome,
              row_number() OVER (PARTITION BY lead_id, channel, outcome ORDER BY at, id) AS rn FROM contacts) c
      JOIN leads l ON l.id = c.lead_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
  ],
  leads_search: ['SELECT id, site_id FROM leads_search ORDER BY id', 'SELECT id, site_id FROM leads ORDER BY id'],
  leads_search_words: [
    'SELECT count(*)::int AS n FROM leads_search_words w JOIN leads l ON l.id = w.id WHERE w.site_id <> l.site_id',
    'SELECT 0 AS n',
  ],
} as const;

describe.skipIf(SKIP_PG)('PostgreSQL migrations 0009–0011: sites on a database with data', () => {
  let dir: string;
  let database: PgTestDatabase;
  let store: PgStore;
  let lite: AppCore;
  let pgCore: AppCore | undefined;
  const before: Record<string, unknown[]> = {};

  const all = async (sql: string) => (await store.pool.query(sql)).rows;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aslm-pg-sites-mig-'));
    process.env.ASLM_KEY_FILE = join(dir, 'aslm.key');
    // The demo made by today's code on SQLite (one site), as sitesMigration.test.ts does.
    lite = createAppCore({
      dbPath: join(dir, 'demo.sqlite'),
      clock: testClock(NOW),
      timeZone: 'Europe/Rome',
      log: () => undefined,
    });
    await lite.ready;
    await generateDemo(lite.data, lite.settings, { leads: 400, now: NOW, seed: 3 });
    const { campaign } = lite
      .store!.sqlite.prepare('SELECT campaign FROM leads WHERE campaign IS NOT NULL LIMIT 1')
      .get() as {
      campaign: string;
    };
    const rules = await lite.dispatch(
      'assignment.rules.set',
      {
        rules: [
          { campaign, targetRole: 'service_advisor' },
          { leadType: 'hq_driven', targetRole: 'service_advisor', active: false },
          { targetRole: 'manager' },
        ],
      },
      { transport: 'test' },
    );
    if (!rules.ok) throw new Error(`assignment.rules.set: ${JSON.stringify(rules.error)}`);
    await lite.settings.set('dealer', { name: '  Autohaus Nord ', email: '', phone: '', address: '' });
    // The dashboard back-fills the stored business-day deadlines the report reads (pgReadFixture.ts does the same).
    const r = await lite.dispatch('kpi.dashboard', { period: 'last-week' }, { transport: 'test' });
    if (!r.ok) throw new Error(`kpi.dashboard: ${JSON.stringify(r.error)}`);
    database = await createPgTestDatabase('sites_mig');
    store = pgStoreOf(database.url);
    await migratePg(
      store.pool,
      migrationsBefore(pgMigrationsFolder(), '0009_sites', join(dir, 'pg-migrations-before')),
    );
    await bulkCopySqliteTables(lite.store!.sqlite, store.pool, COPIED, 2000);
    for (const [table, sql] of Object.entries(KEPT)) before[table] = await all(sql);
  }, 180_000);
  afterAll(async () => {
    delete process.env.ASLM_KEY_FILE;
    pgCore?.close();
    await pgCore?.closed;
    lite?.close();
    await store?.close();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the database of before has no sites and its kept tables filled by the triggers', async () => {
    expect(await all("SELECT to_regclass('sites') AS t")).toEqual([{ t: null }]);
    const leads = lite.store!.sqlite.prepare('SELECT count(*) AS n FROM leads').get();
    expect(await all('SELECT count(*)::int AS n FROM leads')).toEqual([leads]);
    expect(await all('SELECT count(DISTINCT status)::int AS n FROM leads')).not.toEqual([{ n: 1 }]);
    expect((await all('SELECT count(*)::int AS n FROM contacts'))[0]).toMatchObject({ n: expect.any(Number) });
    for (const table of Object.keys(KEPT)) expect(before[table]!.length, table).toBeGreaterThan(2);
  });

  it('puts everything at site 1 and keeps every count per site', async () => {
    await migratePg(store.pool);
    expect(await all('SELECT id, code, name FROM sites')).toEqual([{ id: 1, code: 'S1', name: 'Autohaus Nord' }]);
    expect(await all('SELECT count(*)::int AS n FROM leads WHERE site_id <> 1')).toEqual([{ n: 0 }]);
    expect(await all('SELECT count(*)::int AS n FROM assignment_rules WHERE site_id <> 1')).toEqual([{ n: 0 }]);
    expect(await all('SELECT count(*)::int AS n FROM assignment_rules')).toEqual([{ n: 3 }]);
    const people = (await all(`SELECT u.site_id AS "siteId",
        EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'manager') AS manager FROM users u`)) as {
      siteId: number | null;
      manager: boolean;
    }[];
    expect(people.length).toBeGreaterThan(2);
    expect(people.some((p) => p.manager)).toBe(true);
    for (const p of people) expect(p.siteId).toBe(p.manager ? null : 1);
    // Per site: what the leads and contacts say; summed over the sites: what the tables held before.
    for (const [table, [kept, recount]] of Object.entries(RECOUNT))
      expect(await all(kept), table).toEqual(await all(recount));
    for (const [table, sql] of Object.entries(KEPT)) expect(await all(sql), table).toEqual(before[table]);
  });

  it('keeps the counts per site after the migration: a second site, a lead moved there', async () => {
    await store.pool.query("INSERT INTO sites (code, name, created_at) VALUES ('S2', 'Autohaus Süd', 0)");
    const { id } = (
      await all(`SELECT id FROM leads WHERE status = 'assigned' AND contact_attempts = 0
        AND EXISTS (SELECT 1 FROM contacts c WHERE c.lead_id = leads.id) IS FALSE ORDER BY id LIMIT 1`)
    )[0] as { id: number };
    const moved = (
      await all(`SELECT id FROM leads WHERE EXISTS (SELECT 1 FROM contacts c WHERE c.lead_id = leads.id)
        AND status <> 'assigned' ORDER BY id LIMIT 3`)
    ).map((r) => (r as { id: number }).id);
    await store.pool.query('UPDATE leads SET site_id = 2 WHERE id = ANY($1::int[])', [[id, ...moved]]);
    expect(await all("SELECT view, n FROM lead_view_counts WHERE site_id = 2 AND view = 'not_managed'")).toEqual([
      { view: 'not_managed', n: 1 },
    ]);
    for (const [table, [kept, recount]] of Object.entries(RECOUNT))
      expect(await all(kept), table).toEqual(await all(recount));
    await store.pool.query('UPDATE leads SET site_id = 1 WHERE site_id = 2');
    await store.pool.query('DELETE FROM lead_view_counts WHERE site_id = 2');
    await store.pool.query('DELETE FROM sites WHERE id = 2');
    for (const [table, sql] of Object.entries(KEPT)) expect(await all(sql), table).toEqual(before[table]);
  });

  it('an app core on the migrated database: the lists, searches and KPI of the SQLite core the data came from', async () => {
    pgCore = createAppCore({
      dbPath: database.url,
      clock: testClock(NOW),
      timeZone: 'Europe/Rome',
      log: () => undefined,
    });
    await pgCore.ready;
    const core = pgCore;
    const same = async (channel: string, input: unknown) => {
      const s = await lite.dispatch(channel, input, { transport: 'test' });
      if (!s.ok) throw new Error(`${channel} on SQLite → ${JSON.stringify(s.error)}`);
      expect(await core.dispatch(channel, input, { transport: 'test' }), `${channel} ${JSON.stringify(input)}`).toEqual(
        s,
      );
      return s.value as Record<string, unknown>;
    };
    const { counts } = (await same('leads.counts', {})) as { counts: Record<string, number> };
    expect(Object.values(counts).filter((n) => n > 0).length).toBeGreaterThan(3);
    await same('assignment.rules.get', {});
    await same('people.list', {});
    const names = (await all('SELECT last_name AS n FROM leads ORDER BY id LIMIT 3')).map(
      (r) => (r as { n: string }).n,
    );
    for (const view of LIST_VIEWS) {
      await same('leads.list', { view, sort: 'default', dir: 'asc', page: 0, pageSize: 25 });
      await same('leads.list', { view, sort: 'default', dir: 'desc', page: 1, pageSize: 25 });
      for (const search of names)
        await same('leads.list', { view, search, sort: 'default', dir: 'asc', page: 0, pageSize: 25 });
    }
    for (const q of [...names, names[0]!.slice(0, 3)]) await same('leads.globalSearch', { q, limit: 5 });
    for (const period of ['this-week', 'last-week', 'this-month', 'last-month'])
      await same('kpi.dashboard', { period, asOf: 'end' });
    await same('kpi.trend', { period: 'this-week', weeks: 8, asOf: 'end' });
    expect((await core.dispatch('sites.list', {}, { transport: 'test' })).ok).toBe(true);
  });
});
