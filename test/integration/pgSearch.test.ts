// The PostgreSQL store keeps what SQLite's triggers keep and finds what SQLite's FTS5 search finds (issue 15): a small
// dataset made through the real app core on SQLite is copied row for row into a migrated PostgreSQL database (real
// throwaway cluster), then the same writes run on both and the derived values, the search documents and the search
// results are compared.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ftsQuery, numberQuery } from '../../electron/core/listService';
import { openPgStore, type PgStore } from '../../electron/store/pg/migrate';
import { GLOBAL_SEARCH_RANKED_SQL, SEARCH_IDS_SQL, tsqueryFromFts } from '../../electron/store/pg/search';
import type { GlobalSearchResult } from '../../shared/contract/leads';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { copySqliteTables } from '../support/pgCopy';
import { createPgTestDatabase, type PgTestDatabase } from '../support/pgDatabase';
import { baseLead, ok, openTestApp, type TestApp } from './helpers';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

const PEOPLE: Parameters<typeof baseLead>[0][] = [
  {},
  { firstName: 'Jürgen', lastName: 'Weiß', email: 'j.weiss@autohaus.de', phone: '+49 1521 730826', language: 'de' },
  {
    firstName: 'Chloé',
    lastName: 'Dubois',
    email: 'chloe.dubois@exemple.fr',
    phone: '06 12 34 56 78',
    otherPhone: '0033 1 44 55 66 77',
    language: 'fr',
    vin: 'VF1RFB00X12345678',
  },
  {
    firstName: 'Anna',
    lastName: 'Weissmann',
    email: 'anna@example.com',
    phone: '0049 (0)30 1234567',
    language: 'de',
    vin: 'WVWZZZ1KZAW000123',
  },
  { firstName: 'JOSÉ', lastName: "O'Brien-García", email: 'JOSE.OBRIEN@Example.ES', phone: '+34 (91) 555-12.34' },
  { firstName: 'Дмитрий', lastName: 'Иванов', email: null, phone: '+7 (495) 123-45-67' },
  { firstName: 'Γιώργος', lastName: 'Παπαδόπουλος', email: 'gpap@example.gr', phone: null, otherPhone: '210 1234567' },
  { firstName: 'Søren', lastName: 'Łukasz Ødegård', email: 'soren@example.dk', phone: '+45 12 34 56 78' },
  ...[0, 1, 2, 3, 4, 5].map((i) => ({
    firstName: `Luca${i}`,
    lastName: 'Rossi',
    email: `luca${i}@example.it`,
    phone: `+39 06 555 000${i}`,
  })),
];

const QUERIES = [
  ...['иванов', 'ИВАН', 'дмитрий', 'дмитрии', 'Γιώργος', 'γιωργος', 'ΓΙΏΡΓΟΣ', 'ΠΑΠΑΔΌΠΟΥΛΟΣ', 'παπαδοπουλος'],
  ...['søren', 'soren', 'odegard', 'ødegård', 'lukasz', 'Łukasz'],
  ...['rossi', 'Rossi Luca3', 'ros', 'weiss', 'weiß', 'jurgen', 'JÜRGEN', 'chloe dub', 'garcia', 'o brien', 'josé'],
  ...['+49 1521 730826', '01521730826', '01521 730826', '730826', '0049 1521 730826', '+33 6 12 34 56 78'],
  ...['0612345678', '0144556677', '030 1234567', '1234567', '3331234567', '91 555 12 34', '999888'],
  ...['j.weiss@autohaus.de', 'autohaus', 'example', 'jose.obrien@example.es', 'luca4@example.it'],
  ...['VF1RFB00', 'wvwzzz1kzaw000123', 'WVWZZZ', 'x1234'],
  ...['ASL-2026-000002', '2026-2', 'ASL-5', 'asl 2026 3', '000004', '7', '2025-2', '"); DROP TABLE leads; --'],
];

describe.skipIf(SKIP_PG)('PostgreSQL store: triggers and search give what SQLite gives', () => {
  let app: TestApp;
  let sqlite: Database.Database;
  let database: PgTestDatabase;
  let store: PgStore;
  let pool: pg.Pool;
  const ids: number[] = [];

  /** Runs the same write on both stores (`?` marks; booleans bound as 0/1 on SQLite). */
  async function both(sql: string, ...params: (string | number | boolean | null)[]): Promise<void> {
    sqlite.prepare(sql).run(...params.map((p) => (typeof p === 'boolean' ? Number(p) : p)));
    let i = 0;
    await pool.query(
      sql.replace(/\?/g, () => `$${++i}`),
      params,
    );
  }

  async function derived() {
    const q = async (sql: string) => ({
      sqlite: sqlite.prepare(sql).all(),
      pg: (await pool.query(sql)).rows,
    });
    return {
      assigneeNames: await q('SELECT id, assignee_id, assignee_name FROM leads ORDER BY id'),
      dayCounts: await q('SELECT day, status, n FROM lead_day_counts ORDER BY day, status'),
      viewCounts: await q('SELECT view, n FROM lead_view_counts ORDER BY view'),
    };
  }
  async function expectSameDerived(): Promise<void> {
    const d = await derived();
    for (const [what, x] of Object.entries(d)) expect(x.pg, what).toEqual(x.sqlite);
  }

  beforeAll(async () => {
    app = openTestApp();
    sqlite = app.core.store.sqlite;
    const now = Date.parse('2026-03-02T09:00:00Z');
    for (const name of ['Sara Bianchi', 'Marco Verdi'])
      sqlite.prepare('INSERT INTO users (name, language, created_at) VALUES (?, ?, ?)').run(name, 'it', now);
    for (const p of PEOPLE) {
      ids.push((await ok(app.core, 'leads.create', baseLead(p))).lead.id);
      app.clock.advance(3_600_000);
    }
    database = await createPgTestDatabase('search');
    store = await openPgStore(database.url);
    pool = store.pool;
    const tables = ['users', 'user_roles', 'customers', 'vehicles', 'leads', 'contacts', 'history'];
    await copySqliteTables(sqlite, pool, tables);
  });
  afterAll(async () => {
    app?.close();
    await store?.close();
    await database?.drop();
  });

  it('copies the dataset, with the same search documents (views leads_phone_digits and leads_search_doc)', async () => {
    const n = (await pool.query<{ n: number }>('SELECT count(*) AS n FROM leads')).rows[0]!.n;
    expect(n).toBe(PEOPLE.length);
    for (const view of ['leads_phone_digits', 'leads_search_doc'])
      expect((await pool.query(`SELECT * FROM ${view} ORDER BY id`)).rows, view).toEqual(
        sqlite.prepare(`SELECT * FROM ${view} ORDER BY id`).all(),
      );
    expect((await pool.query<{ n: number }>('SELECT count(*) AS n FROM leads_search')).rows[0]!.n).toBe(n);
  });

  it('the counts and the assignee name after the inserts, and after the same writes on both stores', async () => {
    await expectSameDerived();
    const [sara, marco] = (
      sqlite.prepare("SELECT id FROM users WHERE name IN ('Sara Bianchi', 'Marco Verdi') ORDER BY name DESC").all() as {
        id: number;
      }[]
    ).map((u) => u.id);
    await both('UPDATE leads SET assignee_id = ? WHERE id IN (?, ?, ?)', sara!, ids[0]!, ids[1]!, ids[2]!);
    await both('UPDATE leads SET assignee_id = ? WHERE id = ?', marco!, ids[3]!);
    await both("UPDATE leads SET contact_attempts = 2, status = 'appointment' WHERE id = ?", ids[1]!);
    await both('UPDATE leads SET frozen = ? WHERE id = ?', true, ids[1]!);
    await both("UPDATE leads SET status = 'closed_no_sale', close_reason = 'not_interested' WHERE id = ?", ids[5]!);
    await both("UPDATE leads SET status = 'lost' WHERE id IN (?, ?)", ids[6]!, ids[7]!);
    await both('UPDATE leads SET contact_attempts = 1 WHERE id = ?', ids[8]!);
    await both('UPDATE leads SET assigned_at = assigned_at + 3 * 86400000 WHERE id = ?', ids[9]!);
    await expectSameDerived();
    await both("UPDATE users SET name = 'Sara Bianchi-Neri' WHERE id = ?", sara!);
    await both('UPDATE leads SET assignee_id = NULL WHERE id = ?', ids[2]!);
    await both('DELETE FROM users WHERE id = ?', marco!); // ON DELETE SET NULL: the name goes too
    const lead = ids[0]!;
    await both(
      `INSERT INTO leads (number, status, lead_type, type_rank, source, campaign, first_name, last_name, created_at,
        assigned_at, updated_at, sla1_due_at, sla2_due_at, assignee_id, contact_attempts, frozen)
       SELECT 'ASL-2026-999999', 'appointment', lead_type, type_rank, source, campaign, 'Temp', 'Lead', created_at,
        assigned_at, updated_at, sla1_due_at, sla2_due_at, ?, 0, ? FROM leads WHERE id = ?`,
      sara!,
      false,
      lead,
    );
    await expectSameDerived();
    const d = await derived();
    expect(d.assigneeNames.pg.filter((r) => r.assignee_name === 'Sara Bianchi-Neri')).toHaveLength(3);
    expect(d.viewCounts.pg.map((r) => r.n)).toEqual(expect.arrayContaining([1]));
    await both("DELETE FROM leads WHERE number = 'ASL-2026-999999'");
    await expectSameDerived();
  });

  it('history stays append-only', async () => {
    const id = (await pool.query<{ id: number }>('SELECT min(id) AS id FROM history')).rows[0]!.id;
    expect(id).toBeGreaterThan(0);
    await expect(pool.query('DELETE FROM history WHERE id = $1', [id])).rejects.toThrow('HISTORY_APPEND_ONLY');
    await expect(pool.query("UPDATE history SET new_value = 'x' WHERE id = $1", [id])).rejects.toThrow(
      'HISTORY_APPEND_ONLY',
    );
  });

  it('the list search (FTS5 MATCH vs tsquery) finds the same leads for every query', async () => {
    let searched = 0;
    let found = 0;
    for (const q of QUERIES) {
      const match = ftsQuery(q);
      if (!match) continue;
      searched++;
      const want = (
        sqlite.prepare('SELECT rowid AS id FROM leads_fts WHERE leads_fts MATCH ? ORDER BY rowid').all(match) as {
          id: number;
        }[]
      ).map((r) => r.id);
      const got = (await pool.query<{ id: number }>(`${SEARCH_IDS_SQL} ORDER BY id`, [tsqueryFromFts(match)])).rows.map(
        (r) => r.id,
      );
      expect(got, `${q} → ${match} → ${tsqueryFromFts(match)}`).toEqual(want);
      if (want.length > 0) found++;
    }
    expect(searched).toBeGreaterThan(50);
    expect(found).toBeGreaterThan(40);
  });

  it('the header search (leads.globalSearch on SQLite) groups the same leads with the same counts', async () => {
    const nonEmpty = new Set<string>();
    for (const q of QUERIES) {
      const r = await ok<GlobalSearchResult>(app.core, 'leads.globalSearch', { q, limit: 3 });
      // As globalSearch picks the query: one digit is a lead number only.
      const t = q.normalize('NFKC').trim();
      const match = t.length >= 2 ? ftsQuery(t) : /^\d$/.test(t) ? numberQuery(t) : null;
      const rows = match
        ? (
            await pool.query<{ id: number; status: string; n: number }>(GLOBAL_SEARCH_RANKED_SQL, [
              tsqueryFromFts(match),
              3,
            ])
          ).rows
        : [];
      const groups = new Map<string, { count: number; ids: number[] }>();
      for (const row of rows) {
        const g = groups.get(row.status) ?? { count: row.n, ids: [] };
        g.ids.push(row.id);
        groups.set(row.status, g);
      }
      const want = Object.fromEntries(
        r.groups.map((g) => [g.status, { count: g.count, ids: g.rows.map((x) => x.id).sort((a, b) => a - b) }]),
      );
      const got = Object.fromEntries(
        [...groups].map(([s, g]) => [s, { count: g.count, ids: g.ids.sort((a, b) => a - b) }]),
      );
      if (r.tooShort) continue;
      expect(got, q).toEqual(want);
      if (r.total > 0) nonEmpty.add(q);
    }
    expect(nonEmpty.size).toBeGreaterThan(25);
  });

  it('a lead edited later is found by its new phone and name on both', async () => {
    await both("UPDATE leads SET phone = '+41 79 765 43 21', last_name = 'Rossetti' WHERE id = ?", ids[0]!);
    for (const q of ['079 765 43 21', '3331234567', 'rossetti', '7654321']) {
      const match = ftsQuery(q)!;
      const want = (
        sqlite.prepare('SELECT rowid AS id FROM leads_fts WHERE leads_fts MATCH ?').all(match) as { id: number }[]
      ).map((r) => r.id);
      const got = (await pool.query<{ id: number }>(SEARCH_IDS_SQL, [tsqueryFromFts(match)])).rows.map((r) => r.id);
      expect(got, q).toEqual(want);
    }
    expect((await pool.query(SEARCH_IDS_SQL, [tsqueryFromFts(ftsQuery('rossetti')!)])).rows).toEqual([{ id: ids[0] }]);
  });
});
