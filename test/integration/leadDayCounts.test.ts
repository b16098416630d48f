// lead_day_counts (SQLite's migration 0007, PostgreSQL's 0002) stays equal to counting the leads, whatever writes them, and the
// SLA 3 / trend sums built on it equal a plain count for ranges with and without whole days.
import { afterEach, describe, expect, it } from 'vitest';
import { createAssignedCounts, DAY_MS, splitDays, sumCounts } from '../../electron/store/repos/assignedCounts';
import { bigHqFile } from '../fixtures/importCorpus';
import { assignedCountsPg } from '../../electron/store/pg/repos/assignedCounts';
import { baseLead, ok, openTestApp, pgQueryable, sqlAll, sqlGet, sqlRun, type TestApp, versionOf } from './helpers';

let app: TestApp;
afterEach(() => app?.close());

// On either store (on PostgreSQL the table is kept by the triggers of its migration 0002).
const fromTable = () => sqlAll(app.core, 'SELECT day, status, n FROM lead_day_counts WHERE n <> 0 ORDER BY 1, 2');
const counted = () =>
  sqlAll(
    app.core,
    `SELECT CAST(assigned_at AS BIGINT) / ${DAY_MS} AS day, status, count(*) AS n FROM leads GROUP BY 1, 2 ORDER BY 1, 2`,
  );
/** The store's own sums (SQLite's createAssignedCounts, PostgreSQL's assignedCountsPg) of leads assigned in [f, t). */
const storeSums = (): ((f: number, t: number) => Promise<Map<string, number>>) => {
  if (app.core.data.kind === 'sqlite') {
    const sum = createAssignedCounts((sql) => app.core.store.sqlite.prepare(sql));
    return async (f, t) => sum(f, t);
  }
  return assignedCountsPg(pgQueryable(app.core));
};

describe('splitDays', () => {
  const D = DAY_MS;
  it.each([
    ['whole days only', 3 * D, 5 * D, { dlo: 3, dhi: 5, mid1: 3 * D, mid2: 5 * D }],
    ['partial ends', 3 * D - 5, 5 * D + 7, { dlo: 3, dhi: 5, mid1: 3 * D, mid2: 5 * D }],
    ['inside one day', 3 * D + 1, 3 * D + 9, { dlo: 0, dhi: 0, mid1: 3 * D + 9, mid2: 3 * D + 9 }],
    ['across one midnight, no whole day', 3 * D - 9, 3 * D + 9, { dlo: 0, dhi: 0, mid1: 3 * D + 9, mid2: 3 * D + 9 }],
    ['exactly one day', 3 * D, 4 * D, { dlo: 3, dhi: 4, mid1: 3 * D, mid2: 4 * D }],
  ])('%s', (_name, from, to, want) => expect(splitDays(from, to)).toEqual(want));
});

describe('lead_day_counts', () => {
  it('follows creation, every status change, a reassignment of the date and a deletion; the sums equal counting', async () => {
    const now = Date.parse('2026-11-20T10:00:00Z');
    app = openTestApp(now);
    await ok(app.core, 'demo.load', { leads: 600, seed: 11 });
    expect(await fromTable()).toEqual(await counted());
    const created = (await ok(app.core, 'leads.create', baseLead({}))).lead as { id: number };
    await ok(app.core, 'leads.recordContact', {
      id: created.id,
      version: await versionOf(app.core, created.id),
      input: { direction: 'outbound', channel: 'phone', outcome: 'reached', verbatim: null, answer: null },
    });
    await ok(app.core, 'leads.closedNoSale', {
      id: created.id,
      version: await versionOf(app.core, created.id),
      input: { reason: 'customer_refuses', notes: null },
    });
    expect(await fromTable()).toEqual(await counted());
    // A file import (bulk path: the trigger is suspended and the block counted in one statement).
    const imported = await app.core.importer.commit(
      { name: 'hq.csv', data: bigHqFile(400) },
      { decisions: [] },
      await app.core.resolveActor(),
    );
    expect(imported.imported).toBe(400);
    expect(await fromTable()).toEqual(await counted());
    const trigger =
      app.core.data.kind === 'sqlite'
        ? "SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name = 'lead_day_counts_insert'"
        : "SELECT count(*) AS n FROM pg_trigger WHERE tgname = 'lead_day_counts_insert' AND tgenabled = 'O'";
    expect(await sqlGet(app.core, trigger)).toEqual({ n: 1 });
    // The sweeps move leads to Lost Sale / expire appointments 70 days later.
    app.clock.set(now + 70 * DAY_MS);
    await app.core.sweeps.run(now + 70 * DAY_MS);
    // Called directly (not through dispatch): the alerts its events started are awaited before raw SQL (a pragma is
    // a no-op inside their open transaction).
    await app.core.settled();
    expect(await fromTable()).toEqual(await counted());
    // Writes the app never does, still followed: a changed assignment date and a deleted lead.
    const one = (await sqlGet<{ id: number }>(app.core, 'SELECT id FROM leads ORDER BY id LIMIT 1'))!;
    expect(
      await sqlRun(app.core, 'UPDATE leads SET assigned_at = assigned_at - ? WHERE id = ?', 3 * DAY_MS, one.id),
    ).toBe(1);
    const last = (await sqlGet<{ id: number }>(app.core, 'SELECT max(id) AS id FROM leads'))!.id;
    // Only the counts matter here: SQLite leaves the lead's history and contacts behind (its foreign keys off);
    // PostgreSQL's keys cannot be turned off, so the lead's history goes first (its append-only trigger off meanwhile;
    // contacts and the rest cascade).
    if (app.core.data.kind === 'sqlite') {
      app.core.store.sqlite.pragma('foreign_keys = OFF');
      expect(await sqlRun(app.core, 'DELETE FROM leads WHERE id = ?', last)).toBe(1);
      app.core.store.sqlite.pragma('foreign_keys = ON');
    } else {
      await sqlRun(app.core, 'ALTER TABLE history DISABLE TRIGGER history_no_delete');
      await sqlRun(app.core, 'DELETE FROM history WHERE lead_id = ?', last);
      await sqlRun(app.core, 'ALTER TABLE history ENABLE TRIGGER history_no_delete');
      expect(await sqlRun(app.core, 'DELETE FROM leads WHERE id = ?', last)).toBe(1);
    }
    expect(await fromTable()).toEqual(await counted());

    const sum = storeSums();
    const { lo, hi } = (await sqlGet<{ lo: number; hi: number }>(
      app.core,
      'SELECT min(assigned_at) AS lo, max(assigned_at) AS hi FROM leads',
    ))!;
    const plain = (f: number, t: number) =>
      sqlAll<{ status: string; n: number }>(
        app.core,
        'SELECT status, count(*) AS n FROM leads WHERE assigned_at >= ? AND assigned_at < ? GROUP BY status',
        f,
        t,
      );
    const ranges: [number, number][] = [
      [lo, hi + 1],
      [lo + 7 * 3_600_000, hi - 5 * DAY_MS + 1234],
      [now - 60 * DAY_MS, now],
      [now - 5 * 3_600_000, now],
      [Math.floor(now / DAY_MS) * DAY_MS, now],
      [now, now],
      [now, now - 1],
    ];
    for (const [f, t] of ranges) {
      const want = new Map((await plain(f, t)).map((r) => [r.status, r.n]));
      const got = await sum(f, t);
      expect([f, t, Object.fromEntries(got)]).toEqual([f, t, Object.fromEntries(t > f ? want : new Map())]);
      expect(sumCounts(got)).toBe([...want.values()].reduce((a, n) => a + n, 0) * (t > f ? 1 : 0));
    }
  }, 180_000); // a 600-lead demo and a 400-row import: on PostgreSQL a round trip per statement
});
