// The PostgreSQL list repository answers what SQLite's answers (issue 15, read side): on the demo generator's leads
// copied row for row, every list view × order × direction × filter × page, the searches (names, accents, phone digits
// in several formats, lead numbers, VINs) in the lists and in the header, and the views' counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SORT_KEYS, type ListQuery } from '../../shared/contract/leads';
import { LIST_VIEWS } from '../../shared/domain/vocabulary';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { openReadFixture, type ReadFixture } from '../support/pgReadFixture';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

describe.skipIf(SKIP_PG)('PostgreSQL read repositories: the list views give what SQLite gives', () => {
  let f: ReadFixture;
  let assignee: number;
  const searches: string[] = [];

  beforeAll(async () => {
    f = await openReadFixture('list_read', 2500);
    const db = f.core.store!.sqlite;
    assignee = (
      db.prepare('SELECT assignee_id AS a FROM leads WHERE assignee_id IS NOT NULL LIMIT 1').get() as {
        a: number;
      }
    ).a;
    const pick = (sql: string) => (db.prepare(sql).all() as { v: string }[]).map((r) => r.v);
    const phones = pick("SELECT phone AS v FROM leads WHERE phone IS NOT NULL AND phone <> '' ORDER BY id LIMIT 3");
    const digits = phones.map((p) => p.replace(/\D/g, ''));
    searches.push(
      ...pick('SELECT last_name AS v FROM leads ORDER BY id LIMIT 3'),
      ...pick("SELECT first_name || ' ' || last_name AS v FROM leads ORDER BY id DESC LIMIT 2"),
      ...['ros', 'mül', 'mul', 'muller', 'MÜLLER', 'schroder', 'élodie', 'elodie', 'francois', 'lefevre', 'jörg'],
      ...phones,
      ...digits.map((d) => d.slice(-6)),
      ...digits.map((d) => `0${d.slice(2)}`),
      ...pick('SELECT number AS v FROM leads ORDER BY id LIMIT 2'),
      ...['702', '2026-15', 'ASL-2026-000100', '7'],
      ...pick("SELECT vin AS v FROM leads WHERE vin IS NOT NULL AND vin <> '' ORDER BY id LIMIT 2"),
      ...pick("SELECT substr(vin, 1, 6) AS v FROM leads WHERE vin IS NOT NULL AND vin <> '' ORDER BY id LIMIT 1"),
      ...pick("SELECT email AS v FROM leads WHERE email IS NOT NULL AND email <> '' ORDER BY id LIMIT 2"),
      ...['zz', 'ma', 'a', 'xyzzy', '"); DROP TABLE leads; --', '+39'],
    );
  }, 240_000);
  afterAll(async () => {
    await f?.close();
  });

  /** Both stores' page: the same rows in the same order, the same total. */
  async function same(q: ListQuery): Promise<number> {
    const want = f.sqlite.leadList.list(q);
    const got = await f.pg.leadList.list(q);
    expect(got, JSON.stringify(q)).toEqual(want);
    expect(await f.pg.leadList.uncachedCount(q), JSON.stringify(q)).toBe(f.sqlite.leadList.uncachedCount(q));
    return want.rows.length;
  }

  it('the views have leads, and the same counts', async () => {
    const counts = f.sqlite.leadList.counts();
    expect(await f.pg.leadList.counts()).toEqual(counts);
    for (const view of LIST_VIEWS) expect(counts[view], view).toBeGreaterThan(0);
  });

  it('every view × order × direction, pages 1, 2 and a late one', async () => {
    let compared = 0;
    let nonEmpty = 0;
    for (const view of LIST_VIEWS)
      for (const sort of SORT_KEYS)
        for (const dir of ['asc', 'desc'] as const)
          for (const page of [0, 1, 7]) {
            if ((await same({ view, sort, dir, page, pageSize: 40 })) > 0) nonEmpty++;
            compared++;
          }
    expect(compared).toBe(LIST_VIEWS.length * SORT_KEYS.length * 6);
    expect(nonEmpty).toBeGreaterThan(compared / 2);
  }, 120_000);

  it('the assignee filters (one person, unassigned, both) in several orders and pages', async () => {
    const filters = [{ assigneeId: assignee }, { unassigned: true }, { assigneeId: assignee, unassigned: true }];
    let nonEmpty = 0;
    for (const view of LIST_VIEWS)
      for (const filter of filters)
        for (const sort of ['default', 'name', 'sla', 'assignee'] as const)
          for (const page of [0, 2])
            if ((await same({ view, sort, dir: page ? 'desc' : 'asc', page, pageSize: 25, ...filter })) > 0) nonEmpty++;
    expect(nonEmpty).toBeGreaterThan(20);
  }, 120_000);

  it('the searches in every view, alone and with a filter and an order', async () => {
    let found = 0;
    for (const search of searches)
      for (const view of LIST_VIEWS) {
        if ((await same({ view, search })) > 0) found++;
        await same({ view, search, sort: 'name', dir: 'desc', assigneeId: assignee, unassigned: true });
        // Small pages in the default order, both ways: a common prefix's page walks the view's index and probes each
        // lead's document, a rare one's reads the matches (leadList.ts list): both against SQLite.
        await same({ view, search, page: 2, pageSize: 10 });
        await same({ view, search, dir: 'desc', pageSize: 10 });
      }
    expect(searches.length).toBeGreaterThan(30);
    expect(found).toBeGreaterThan(40);
  }, 120_000);

  it('the header search: the same groups, counts and rows', async () => {
    let nonEmpty = 0;
    for (const q of searches)
      for (const limit of [3, 10]) {
        const want = f.sqlite.leadList.globalSearch(q, limit);
        expect(await f.pg.leadList.globalSearch(q, limit), q).toEqual(want);
        if (want.total > 0) nonEmpty++;
      }
    expect(nonEmpty).toBeGreaterThan(30);
  }, 120_000);
});
