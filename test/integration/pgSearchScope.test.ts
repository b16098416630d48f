// leads_search's scope (migration 0005: each document's status, assigned_at and list-view bits; 0011: its site) stays
// what the leads say after inserts, updates of every column it depends on (a move to another site too), and deletes: compared with leads itself and with the
// views' own WHERE (the list repository's PG_VIEW_WHERE), on a small dataset made by the app core on SQLite and
// copied into a throwaway PostgreSQL database.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_VIEW_WHERE } from '../../electron/store/pg/repos/leadList';
import { SEARCH_VIEW_BIT } from '../../electron/store/pg/search';
import { LIST_VIEWS } from '../../shared/domain/vocabulary';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { insertAndDelete, pgLeadsCopy, viewMoves, type PgLeadsCopy } from '../support/pgLeadsCopy';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

describe.skipIf(SKIP_PG)('PostgreSQL search scope: kept equal to the leads by the triggers', () => {
  let env: PgLeadsCopy | undefined;
  let pool: pg.Pool;
  const ids: number[] = [];

  /** The scope as stored and as computed from leads; each view's leads by its bit and by its WHERE. */
  async function expectScopeKept(): Promise<void> {
    const stored = await pool.query('SELECT id, status, assigned_at, views, site_id FROM leads_search ORDER BY id');
    const computed = await pool.query(`SELECT id, status, assigned_at,
        aslm_lead_views(status, contact_attempts, frozen, close_reason) AS views, site_id FROM leads ORDER BY id`);
    expect(stored.rows).toEqual(computed.rows);
    for (const view of LIST_VIEWS) {
      const byBit = await pool.query(
        `SELECT id FROM leads_search WHERE (views & ${SEARCH_VIEW_BIT[view]}) <> 0 ORDER BY id`,
      );
      const byWhere = await pool.query(`SELECT l.id FROM leads l WHERE ${PG_VIEW_WHERE[view]} ORDER BY l.id`);
      expect(byBit.rows, view).toEqual(byWhere.rows);
    }
  }

  beforeAll(async () => {
    env = await pgLeadsCopy('search-scope', { leads: 12, firstName: 'Marco', lastName: 'Rossi', everyMs: 3_600_000 });
    pool = env.pool;
    ids.push(...env.ids);
    await pool.query("INSERT INTO sites (code, name, created_at) VALUES ('S2', 'Second site', 0)");
  });
  afterAll(() => env?.close());

  it('after the copy (inserts), updates of status, attempts, frozen, close reason, assignment, site and search fields, and deletes', async () => {
    await expectScopeKept();
    const [a, b, c, , , , g] = ids;
    const writes = [
      ...viewMoves(ids),
      ['UPDATE leads SET frozen = true WHERE id = $1', [b]],
      ['UPDATE leads SET frozen = false, contact_attempts = 0 WHERE id = $1', [b]],
      ['UPDATE leads SET contact_attempts = contact_attempts WHERE id = $1', [a]],
      ['UPDATE leads SET site_id = 2 WHERE id = $1', [c]],
      ["UPDATE leads SET site_id = 2, status = 'lost', first_name = 'Mara' WHERE id = $1", [b]],
      ['UPDATE leads SET site_id = 1 WHERE id = $1', [c]],
      ...insertAndDelete(a!, g!),
    ] as [string, unknown[]][];
    for (const [sql, params] of writes) {
      await pool.query(sql, params);
      await expectScopeKept();
    }
    // Every view bit used by at least one lead after these writes: the comparison above was not vacuous.
    const bits = (await pool.query<{ m: number }>('SELECT bit_or(views)::int AS m FROM leads_search')).rows[0]!.m;
    expect(bits).toBe(63);
    const sites = await pool.query('SELECT DISTINCT site_id FROM leads_search ORDER BY 1');
    expect(sites.rows).toEqual([{ site_id: 1 }, { site_id: 2 }]);
    expect((await pool.query('SELECT count(*)::int AS n FROM leads_search')).rows[0]!.n).toBe(ids.length);
  });
});
