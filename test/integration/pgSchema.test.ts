// The PostgreSQL store's foundation (issue 15) on a real throwaway cluster (test/support/pgCluster.ts): the migrations
// apply to a fresh database, again (nothing to do) and from two pools at once, and the migrated schema holds every
// table, column, view, index and trigger name of a migrated SQLite store, with types that keep the same values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../electron/store/db';
import { migratePg, openPgStore, pgMigrationsFolder, type PgStore } from '../../electron/store/pg/migrate';
import { leads, settings } from '../../electron/store/pg/schema/index';
import { eq } from 'drizzle-orm';
import { createPgTestDatabase, type PgTestDatabase } from '../support/pgDatabase';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';

/**
 * SQLite names with no PostgreSQL twin: FTS5's table and its shadow tables (PostgreSQL keeps a tsvector per lead in
 * leads_search instead, migration search), SQLite's own sequence table, drizzle's migration journal (schema "drizzle"
 * in PostgreSQL), and the FTS5 triggers (leads_search_insert/update there; a deleted lead's document goes by cascade).
 */
const SQLITE_ONLY = /^(leads_fts(_\w+)?|sqlite_\w+|__drizzle_migrations)$/;

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

describe.skipIf(SKIP_PG)('PostgreSQL store: migrations and schema parity with SQLite', () => {
  let database: PgTestDatabase;
  let store: PgStore;
  let sqlite: Store;
  let migrateMs = 0;

  beforeAll(async () => {
    database = await createPgTestDatabase('schema');
    const t0 = performance.now();
    store = await openPgStore(database.url);
    migrateMs = performance.now() - t0;
    sqlite = openStore(':memory:');
  });
  afterAll(async () => {
    sqlite?.sqlite.close();
    await store?.close();
    await database?.drop();
  });

  it('applies every migration to a fresh database, then finds nothing to do; two cores starting together', async () => {
    const journal = JSON.parse(readFileSync(join(pgMigrationsFolder(), 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    const applied = async (pool: pg.Pool) =>
      (await pool.query<{ n: number }>('SELECT count(*) AS n FROM drizzle.__drizzle_migrations')).rows[0]!.n;
    expect(journal.entries.length).toBe(12);
    expect(await applied(store.pool)).toBe(journal.entries.length);
    expect(migrateMs).toBeLessThan(10_000);
    await migratePg(store.pool);
    expect(await applied(store.pool)).toBe(journal.entries.length);
    // Two app cores opening one new database at the same moment: one applies, the other waits and finds it done.
    const second = await createPgTestDatabase('schema_race');
    try {
      const stores = await Promise.all([openPgStore(second.url), openPgStore(second.url)]);
      expect(await applied(stores[0].pool)).toBe(journal.entries.length);
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await second.drop();
    }
  });

  it('has every SQLite table and view, with every column (generated ones included)', async () => {
    const sqliteTables = (
      sqlite.sqlite.prepare("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')").all() as {
        name: string;
        type: string;
      }[]
    ).filter((t) => !SQLITE_ONLY.test(t.name));
    const pgColumns = (
      await store.pool.query<{ table_name: string; column_name: string }>(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'",
      )
    ).rows;
    const pgTables = new Map<string, Set<string>>();
    for (const c of pgColumns) pgTables.set(c.table_name, (pgTables.get(c.table_name) ?? new Set()).add(c.column_name));
    expect(sqliteTables.length).toBeGreaterThanOrEqual(22);
    for (const t of sqliteTables) {
      const cols = (
        sqlite.sqlite.prepare('SELECT name FROM pragma_table_xinfo(?)').all(t.name) as { name: string }[]
      ).map((c) => c.name);
      expect(cols.length, t.name).toBeGreaterThan(0);
      expect(pgTables.has(t.name), `table ${t.name}`).toBe(true);
      const missing = cols.filter((c) => !pgTables.get(t.name)!.has(c));
      expect(missing, `columns of ${t.name} missing in PostgreSQL`).toEqual([]);
    }
    // PostgreSQL's only extra tables: the search documents and their words (migration 0008), the SLA figures per
    // day (0006) and the report's contacts per hour (0007).
    const extra = [...pgTables.keys()].filter((t) => !sqliteTables.some((s) => s.name === t));
    expect(extra.sort()).toEqual(['contact_kpi_hours', 'lead_sla_day_counts', 'leads_search', 'leads_search_words']);
  });

  it('has every SQLite index and trigger under the same name', async () => {
    const names = (type: string) =>
      (
        sqlite.sqlite.prepare('SELECT name FROM sqlite_master WHERE type = ? AND sql IS NOT NULL').all(type) as {
          name: string;
        }[]
      )
        .map((r) => r.name)
        .filter((n) => !n.startsWith('leads_fts_'));
    const pgIndexes = new Set(
      (
        await store.pool.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")
      ).rows.map((r) => r.indexname),
    );
    const pgTriggers = new Set(
      (await store.pool.query<{ tgname: string }>('SELECT tgname FROM pg_trigger WHERE NOT tgisinternal')).rows.map(
        (r) => r.tgname,
      ),
    );
    const sqliteIndexes = names('index');
    expect(sqliteIndexes.length).toBeGreaterThan(50);
    expect(sqliteIndexes.filter((n) => !pgIndexes.has(n))).toEqual([]);
    const sqliteTriggers = names('trigger');
    expect(sqliteTriggers.length).toBe(12); // and leads_fts_insert, _update, _delete
    expect(sqliteTriggers.filter((n) => !pgTriggers.has(n))).toEqual([]);
    expect(pgTriggers).toContain('leads_search_insert');
    expect(pgTriggers).toContain('leads_search_update');
  });

  it('keeps the values the app stores: ms times beyond 2^31, booleans, JSON text (through drizzle and raw SQL)', async () => {
    const at = Date.parse('2026-03-02T09:00:00.123Z');
    const [lead] = await store.db
      .insert(leads)
      .values({
        number: 'ASL-2026-000001',
        status: 'assigned',
        leadType: 'customer_driven',
        typeRank: 0,
        source: 'web',
        campaign: 'service_reminder',
        firstName: 'Mario',
        lastName: 'Rossi',
        createdAt: at,
        assignedAt: at,
        updatedAt: at,
        sla1DueAt: at + 3_600_000,
        sla2DueAt: 8_640_000_000_000, // the largest time a JS Date holds
        appointmentKept: false,
      })
      .returning();
    expect(lead).toMatchObject({ createdAt: at, sla2DueAt: 8_640_000_000_000, frozen: false, appointmentKept: false });
    expect(lead!.vInProgress).toBeNull();
    await store.db.insert(settings).values({ key: 'k', value: { hours: [9, 18], name: 'Brücke' }, updatedAt: at });
    const [s] = await store.db.select().from(settings).where(eq(settings.key, 'k'));
    expect(s!.value).toEqual({ hours: [9, 18], name: 'Brücke' });
    const raw = await store.pool.query(
      'SELECT created_at, value, (SELECT count(*) FROM leads) AS n FROM leads, settings',
    );
    expect(raw.rows[0]).toEqual({ created_at: at, value: '{"hours":[9,18],"name":"Brücke"}', n: 1 });
  });
});
