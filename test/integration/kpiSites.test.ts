// The KPI figures of a dealer group (issue 15, docs/rules.md §11), on both stores: one site's figures are those of
// its leads, all sites' (rolled up) are the sum of the sites' and the figures of before the second site; a person of
// one site gets that site's; one site: no site in the replies.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, KpiCounts, Trend } from '../../shared/contract/kpi';
import { err, ok, openTestApp, sqlAll, sqlGet, sqlRun, type TestApp } from './helpers';

const NOW = Date.parse('2026-11-20T10:00:00Z');
const PERIODS = ['2026-W46', '2026-W47', '2026-11'];
let app: TestApp;
let desk: number;
let milano: number;
const before = new Map<string, Dashboard>();
beforeAll(async () => {
  app = openTestApp(NOW);
  await ok(app.core, 'demo.load', { leads: 900, seed: 23 });
  for (const p of PERIODS) before.set(p, await ok<Dashboard>(app.core, 'kpi.dashboard', { period: p }));
  // A second site; a third of the leads move there (the triggers move their counts); a desk person works there.
  const info = await ok<{ sites: { id: number; code: string }[] }>(app.core, 'sites.save', {
    code: 'MI',
    name: 'Milano',
  });
  milano = info.sites.find((x) => x.code === 'MI')!.id;
  await sqlRun(app.core, 'UPDATE leads SET site_id = ? WHERE id % 3 = 0', milano);
  const people = await sqlAll<{ id: number }>(
    app.core,
    "SELECT id FROM users WHERE id NOT IN (SELECT user_id FROM user_roles WHERE role = 'manager') ORDER BY id",
  );
  desk = people[0]!.id;
  await sqlRun(
    app.core,
    'UPDATE users SET site_id = 1 WHERE id <> ? AND site_id IS NULL AND id IN (' +
      people.map((p) => p.id).join(', ') +
      ')',
    desk,
  );
  await sqlRun(app.core, 'UPDATE users SET site_id = ? WHERE id = ?', milano, desk);
});
afterAll(() => app?.close());

/** Every figure of a KpiCounts, flat. */
const flat = (c: KpiCounts): Record<string, number> => ({
  assigned: c.assigned,
  ...Object.fromEntries(
    (['sla1', 'sla2', 'bd'] as const).flatMap((k) => Object.entries(c[k]).map(([f, v]) => [`${k}.${f}`, v])),
  ),
  contacted: c.contacted,
  appointment: c.appointment,
  closedSale: c.closedSale,
  closedNoSale: c.closedNoSale,
  lost: c.lost,
  contacts: c.contacts,
  attention: c.attention,
  kept: c.kept,
  noShow: c.noShow,
});
const sum = (xs: Record<string, number>[]) =>
  xs.reduce<Record<string, number>>(
    (a, x) => Object.fromEntries(Object.keys(x).map((k) => [k, (a[k] ?? 0) + x[k]!])),
    {},
  );
const dashboard = (period: string, siteId?: number | null) =>
  ok<Dashboard>(app.core, 'kpi.dashboard', { period, ...(siteId === undefined ? {} : { siteId }) });

describe('KPI figures per site and rolled up', () => {
  it('one site: no site in the reply', () => {
    for (const d of before.values()) expect(d.sites).toBeUndefined();
  });

  it('all sites: each site a row, their sum the total, the total the figures of before the second site', async () => {
    for (const p of PERIODS) {
      const all = await dashboard(p);
      expect(all.sites?.siteId).toBeNull();
      expect(all.sites?.fixed).toBe(false);
      expect(all.sites?.bySite.map((r) => r.label)).toEqual([expect.any(String), 'Milano']);
      expect(sum(all.sites!.bySite.map(flat))).toEqual(flat(all.totals));
      const b = before.get(p)!;
      expect(flat(all.totals)).toEqual(flat(b.totals));
      expect(all.sla3).toEqual(b.sla3);
      expect(all.today).toEqual(b.today);
      expect(all.byAssignee).toEqual(b.byAssignee);
      expect(all.contactsByType).toEqual(b.contactsByType);
      expect(all.closeReasons).toEqual(b.closeReasons);
      expect(all.totals.assigned).toBeGreaterThan(20);
    }
  });

  it("a site's dashboard: its row of all sites', its leads' figures; the sites' SLA 3 and today add up", async () => {
    for (const p of PERIODS) {
      const all = await dashboard(p, null);
      const sites = await Promise.all(all.sites!.list.map((s) => dashboard(p, s.id)));
      sites.forEach((d, i) => {
        expect(d.sites?.siteId).toBe(all.sites!.list[i]!.id);
        expect(d.sites?.bySite).toEqual([]);
        const { key: _k, label: _l, ...row } = all.sites!.bySite[i]!;
        expect(flat(d.totals)).toEqual(flat(row));
      });
      for (const d of sites) {
        const site = d.sites!.siteId!;
        const { from, to, at } = d.period;
        const leads = await sqlGet<{ n: number; sale: number }>(
          app.core,
          `SELECT count(*) AS n, coalesce(sum(CASE WHEN status = 'closed_sale' AND closed_at <= ? THEN 1 ELSE 0 END), 0) AS sale
          FROM leads WHERE site_id = ? AND assigned_at >= ? AND assigned_at < ?`,
          at,
          site,
          from,
          to,
        );
        expect(d.totals.assigned).toBe(Number(leads!.n));
        expect(d.totals.closedSale).toBe(Number(leads!.sale));
        const contacts = await sqlGet<{ n: number }>(
          app.core,
          `SELECT count(*) AS n FROM contacts c JOIN leads l ON l.id = c.lead_id
          WHERE l.site_id = ? AND l.assigned_at >= ? AND l.assigned_at < ? AND c.at <= ?`,
          site,
          from,
          to,
          at,
        );
        expect(d.totals.contacts).toBe(Number(contacts!.n));
        expect(sum(d.byAssignee.map(flat))).toEqual(flat(d.totals));
      }
      const add = (f: (d: Dashboard) => number) => sites.reduce((a, d) => a + f(d), 0);
      expect(add((d) => d.sla3.met)).toBe(all.sla3.met);
      expect(add((d) => d.sla3.missed)).toBe(all.sla3.missed);
      for (const k of ['unmanaged', 'atRisk', 'overdue', 'appointmentsToday'] as const)
        expect(add((d) => d.today[k])).toBe(all.today[k]);
      expect(add((d) => d.totals.contacts)).toBe(all.totals.contacts);
      const types = (d: Dashboard) => d.contactsByType.reduce((a, x) => a + x.contacts + x.leads, 0);
      expect(add(types)).toBe(types(all));
      expect(add((d) => d.closeReasons.reduce((a, x) => a + x.count, 0))).toBe(
        all.closeReasons.reduce((a, x) => a + x.count, 0),
      );
    }
  });

  it("a site's trend and click-through lists are its leads'", async () => {
    const all = await ok<Trend>(app.core, 'kpi.trend', { period: '2026-W47', siteId: null });
    const per = await Promise.all(
      [1, milano].map((siteId) => ok<Trend>(app.core, 'kpi.trend', { period: '2026-W47', siteId })),
    );
    all.weeks.forEach((w, i) => {
      expect(per[0]!.weeks[i]!.assigned + per[1]!.weeks[i]!.assigned).toBe(w.assigned);
      expect(per[0]!.weeks[i]!.sla1.met + per[1]!.weeks[i]!.sla1.met).toBe(w.sla1.met);
      expect(per[0]!.weeks[i]!.sla2.missed + per[1]!.weeks[i]!.sla2.missed).toBe(w.sla2.missed);
    });
    const d = await dashboard('2026-W47', milano);
    const { from, to, at } = d.period;
    const page = await ok<{ total: number; rows: { id: number }[] }>(app.core, 'kpi.leads', {
      filter: { metric: 'assigned', from, to, at, siteId: milano },
      pageSize: 500,
    });
    expect(page.total).toBe(d.totals.assigned);
    expect(page.rows.every((r) => r.id % 3 === 0)).toBe(true);
    // All sites: each row names its lead's site (the Site column of the click-through list).
    const everyone = await ok<{ rows: { id: number; siteId?: number }[] }>(app.core, 'kpi.leads', {
      filter: { metric: 'assigned', from, to, at, siteId: null },
      pageSize: 500,
    });
    expect(everyone.rows.length).toBeGreaterThan(page.rows.length);
    for (const r of everyone.rows) expect(r.siteId).toBe(r.id % 3 === 0 ? milano : 1);
  });

  it("a person of one site gets that site's figures, whatever asked; an unknown site is refused", async () => {
    await ok(app.core, 'people.switch', { userId: desk });
    try {
      const mine = await dashboard('2026-W47');
      expect(mine.sites).toMatchObject({ siteId: milano, fixed: true, bySite: [] });
      const asked = await dashboard('2026-W47', 1);
      expect(flat(asked.totals)).toEqual(flat(mine.totals));
      const milanoRow = (await ok<Dashboard>(app.core, 'kpi.dashboard', { period: '2026-W47', siteId: milano })).totals;
      expect(flat(milanoRow)).toEqual(flat(mine.totals));
    } finally {
      const manager = await sqlGet<{ id: number }>(
        app.core,
        "SELECT user_id AS id FROM user_roles WHERE role = 'manager' ORDER BY user_id LIMIT 1",
      );
      await ok(app.core, 'people.switch', { userId: manager!.id });
    }
    expect((await err(app.core, 'kpi.dashboard', { period: '2026-W47', siteId: 999 })).code).toBe('SITE_UNKNOWN');
  });

  it('the printed report says which site, or all sites', async () => {
    const text = async (siteId: number | null) => {
      const r = await ok<{ base64: string }>(app.core, 'kpi.report', { period: '2026-W47', language: 'en', siteId });
      return execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(r.base64, 'base64') }).toString();
    };
    expect(await text(milano)).toContain('Site: Milano');
    expect(await text(null)).toContain('All sites');
  });
});
