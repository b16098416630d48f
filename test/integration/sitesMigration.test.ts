// Migration 0020 (sites) on a database of before: site 1 named after the dealer, every lead and rule at site 1, the
// people at site 1 but the managers (group-wide), and the trigger-kept counts rebuilt per site, equal to the leads'.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppCore } from '../../electron/core/appCore';
import { generateDemo } from '../../electron/core/demo/generate';
import { migrationsFolder, openStore } from '../../electron/store/db';
import { testClock } from '../../electron/core/clock';
import { migrationsBefore } from '../support/migrationsBefore';

const dir = mkdtempSync(join(tmpdir(), 'aslm-sites-mig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The tables migration 0020 reads, copied from the demo database: the columns the old database has. */
const COPIED = ['settings', 'users', 'user_roles', 'assignment_rules', 'customers', 'vehicles', 'leads', 'contacts'];
function copyRows(db: Database.Database, from: string): void {
  db.prepare('ATTACH DATABASE ? AS demo').run(from);
  db.transaction(() => {
    for (const table of COPIED) {
      const cols = (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[])
        .map((c) => `"${c.name}"`)
        .join(', ');
      db.prepare(`INSERT OR REPLACE INTO main."${table}" (${cols}) SELECT ${cols} FROM demo."${table}"`).run();
    }
  })();
  db.prepare('DETACH DATABASE demo').run();
}

describe('migration 0020: sites on a database of before', () => {
  it('puts everything at site 1 and rebuilds the counts per site', async () => {
    // The demo is made by today's code (which writes sites); its rows are then copied, column by column, into a
    // database migrated only up to 0019, which today's code opens (and so migrates) next.
    const demoPath = join(dir, 'demo.sqlite');
    const core = createAppCore({
      dbPath: demoPath,
      clock: testClock(Date.parse('2026-11-20T10:00:00Z')),
      log: () => undefined,
    });
    await core.ready;
    await generateDemo(core.data, core.settings, { leads: 400, now: core.clock.now(), seed: 3 });
    await core.settings.set('dealer', { name: '  Autohaus Nord ', email: '', phone: '', address: '' });
    core.close();
    const dbPath = join(dir, 'old.sqlite');
    const old = openStore(dbPath, {
      migrationsDir: migrationsBefore(migrationsFolder(), '0020_sites', join(dir, 'migrations-before')),
    });
    try {
      copyRows(old.sqlite, demoPath);
    } finally {
      old.sqlite.close();
    }
    const store = openStore(dbPath);
    try {
      const db = store.sqlite;
      expect(db.prepare('SELECT id, code, name FROM sites').all()).toEqual([
        { id: 1, code: 'S1', name: 'Autohaus Nord' },
      ]);
      expect(db.prepare('SELECT count(*) AS n FROM leads WHERE site_id <> 1').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM assignment_rules WHERE site_id <> 1').get()).toEqual({ n: 0 });
      const people = db
        .prepare(
          `SELECT u.site_id AS siteId, EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'manager') AS manager
          FROM users u`,
        )
        .all() as { siteId: number | null; manager: number }[];
      expect(people.length).toBeGreaterThan(2);
      for (const p of people) expect(p.siteId).toBe(p.manager ? null : 1);
      expect(db.prepare('SELECT day, status, site_id, n FROM lead_day_counts WHERE n > 0 ORDER BY 1, 2').all()).toEqual(
        db
          .prepare(
            'SELECT assigned_at / 86400000 AS day, status, site_id, count(*) AS n FROM leads GROUP BY 1, 2, 3 ORDER BY 1, 2',
          )
          .all(),
      );
      const views = db.prepare('SELECT view, site_id, n FROM lead_view_counts ORDER BY view').all();
      expect(views).toEqual([
        {
          view: 'closed_no_sale',
          site_id: 1,
          ...(db.prepare('SELECT count(*) AS n FROM leads WHERE close_reason IS NOT NULL').get() as object),
        },
        {
          view: 'in_progress',
          site_id: 1,
          ...(db
            .prepare(
              "SELECT count(*) AS n FROM leads WHERE (status = 'assigned' AND contact_attempts > 0) OR (status = 'appointment' AND frozen = 0)",
            )
            .get() as object),
        },
        {
          view: 'not_managed',
          site_id: 1,
          ...(db
            .prepare("SELECT count(*) AS n FROM leads WHERE status = 'assigned' AND contact_attempts = 0")
            .get() as object),
        },
      ]);
      // A second site has its three counts from its creation; a lead moved there moves its counts.
      db.prepare("INSERT INTO sites (code, name, created_at) VALUES ('S2', 'Autohaus Süd', 0)").run();
      const lead = db
        .prepare("SELECT id FROM leads WHERE status = 'assigned' AND contact_attempts = 0 LIMIT 1")
        .get() as {
        id: number;
      };
      db.prepare('UPDATE leads SET site_id = 2 WHERE id = ?').run(lead.id);
      expect(db.prepare('SELECT view, n FROM lead_view_counts WHERE site_id = 2 ORDER BY view').all()).toEqual([
        { view: 'closed_no_sale', n: 0 },
        { view: 'in_progress', n: 0 },
        { view: 'not_managed', n: 1 },
      ]);
      expect(
        db.prepare("SELECT sum(n) AS n FROM lead_day_counts WHERE site_id = 2 AND status = 'assigned'").get(),
      ).toEqual({ n: 1 });
    } finally {
      store.sqlite.close();
    }
  }, 120_000);
});
