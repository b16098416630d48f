// lead_day_counts (migration 0007) stays equal to counting the leads, whatever writes them, and the
// SLA 3 / trend sums built on it equal a plain count for ranges with and without whole days.
import { afterEach, describe, expect, it } from 'vitest';
import { createAssignedCounts, DAY_MS, splitDays, sumCounts } from '../../electron/store/repos/assignedCounts';
import { bigHqFile } from '../fixtures/importCorpus';
import { baseLead, ok, openTestApp, type TestApp, versionOf } from './helpers';

let app: TestApp;
afterEach(() => app?.close());

const fromTable = () =>
  app.core.store.sqlite.prepare('SELECT day, status, n FROM lead_day_counts WHERE n <> 0 ORDER BY 1, 2').all();
const counted = () =>
  app.core.store.sqlite
    .prepare(
      `SELECT CAST(assigned_at AS INTEGER) / ${DAY_MS} AS day, status, count(*) AS n
  FROM leads GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all();

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
    expect(fromTable()).toEqual(counted());
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
    expect(fromTable()).toEqual(counted());
    // A file import (bulk path: the trigger is suspended and the block counted in one statement).
    const imported = await app.core.importer.commit(
      { name: 'hq.csv', data: bigHqFile(400) },
      { decisions: [] },
      await app.core.resolveActor(),
    );
    expect(imported.imported).toBe(400);
    expect(fromTable()).toEqual(counted());
    expect(
      app.core.store.sqlite
        .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name = 'lead_day_counts_insert'")
        .get(),
    ).toEqual({ n: 1 });
    // The sweeps move leads to Lost Sale / expire appointments 70 days later.
    app.clock.set(now + 70 * DAY_MS);
    await app.core.sweeps.run(now + 70 * DAY_MS);
    // Called directly (not through dispatch): the alerts its events started are awaited before raw SQL (a pragma is
    // a no-op inside their open transaction).
    await app.core.settled();
    expect(fromTable()).toEqual(counted());
    // Writes the app never does, still followed: a changed assignment date and a deleted lead.
    const sqlite = app.core.store.sqlite;
    const one = sqlite.prepare('SELECT id FROM leads ORDER BY id LIMIT 1').get() as { id: number };
    expect(
      sqlite.prepare('UPDATE leads SET assigned_at = assigned_at - 3 * ? WHERE id = ?').run(DAY_MS, one.id).changes,
    ).toBe(1);
    sqlite.pragma('foreign_keys = OFF'); // the lead's history and contacts stay behind: only the counts matter here
    expect(sqlite.prepare('DELETE FROM leads WHERE id = (SELECT max(id) FROM leads)').run().changes).toBe(1);
    sqlite.pragma('foreign_keys = ON');
    expect(fromTable()).toEqual(counted());

    const prep = (sql: string) => sqlite.prepare(sql);
    const sum = createAssignedCounts(prep);
    const { lo, hi } = sqlite.prepare('SELECT min(assigned_at) AS lo, max(assigned_at) AS hi FROM leads').get() as {
      lo: number;
      hi: number;
    };
    const plain = sqlite.prepare(
      'SELECT status, count(*) AS n FROM leads WHERE assigned_at >= ? AND assigned_at < ? GROUP BY status',
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
      const want = new Map((plain.all(f, t) as { status: string; n: number }[]).map((r) => [r.status, r.n]));
      expect([f, t, Object.fromEntries(sum(f, t))]).toEqual([f, t, Object.fromEntries(t > f ? want : new Map())]);
      expect(sumCounts(sum(f, t))).toBe([...want.values()].reduce((a, n) => a + n, 0) * (t > f ? 1 : 0));
    }
  });
});
