// Sites (issue 15, docs/rules.md §11) through the real core, on both stores: a one-site core's replies never mention
// sites; with two sites a desk sees only its site's leads (lists, counts, searches, My day) and is refused another
// site's lead; the group-wide manager sees every site and narrows by the header's choice; a new lead takes its
// creator's site; assignment stays within the site; a site's own settings override the group's.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { GlobalSearchResult, ListPage } from '../../shared/contract/leads';
import type { LeadDetail } from '../../shared/contract/models';
import type { PlaybookItem } from '../../shared/contract/playbook';
import type { SitesInfo } from '../../shared/contract/sites';
import { LIST_VIEWS } from '../../shared/domain/vocabulary';
import { baseLead, err, ok, openTestApp, sqlGet } from './helpers';

const NOW = Date.parse('2026-11-20T10:00:00Z');
const app = openTestApp(NOW);
afterAll(() => app.close());

type U = { id: number; siteId?: number | null };
const core = () => app.core;
const asUser = (id: number) => ok(core(), 'people.switch', { userId: id });
const create = (over: object = {}) => ok<LeadDetail>(core(), 'leads.create', baseLead(over));
const list = (view = 'assigned', search = '') =>
  ok<ListPage>(core(), 'leads.list', { view, page: 0, pageSize: 100, ...(search ? { search } : {}) });
const counts = async () => (await ok<{ counts: Record<string, number> }>(core(), 'leads.counts', {})).counts;
const printText = async () => {
  const r = await ok<{ base64: string }>(core(), 'lists.print', { view: 'assigned', language: 'en' });
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(r.base64, 'base64') }).toString('utf8');
};
const siteOf = async (id: number) =>
  (await sqlGet<{ s: number }>(core(), 'SELECT site_id AS s FROM leads WHERE id = ?', id))!.s;

describe('sites', () => {
  let manager = 0;
  let annaA = 0;
  let brunoB = 0;
  let carlaA = 0;
  const leadsA: number[] = [];
  const leadsB: number[] = [];

  it('a one-site core answers as before: no site in any reply', async () => {
    manager = (await sqlGet<{ id: number }>(core(), 'SELECT id FROM users ORDER BY id LIMIT 1'))!.id;
    annaA = (await ok<U>(core(), 'people.save', { name: 'Anna', roles: ['service_advisor'] })).id;
    await ok(core(), 'assignment.rules.set', { rules: [{ targetRole: 'service_advisor' }] });
    const lead = await create({ lastName: 'Solo' });
    expect(lead.lead.assigneeId).toBe(annaA);
    const replies = [
      lead,
      await ok(core(), 'leads.get', { id: lead.lead.id }),
      await ok(core(), 'people.list', {}),
      await ok(core(), 'people.current', {}),
      await ok(core(), 'assignment.rules.get', {}),
      await list(),
      await list('assigned', 'Solo'),
      await ok(core(), 'leads.globalSearch', { q: 'Solo', limit: 5 }),
      await ok(core(), 'playbook.myDay', {}),
      await ok(core(), 'playbook.list', {}),
      await ok(core(), 'settings.get', {}),
      await ok(core(), 'kpi.leads', {
        filter: { metric: 'assigned', from: NOW - 86_400_000, to: NOW + 1, at: NOW + 1 },
      }),
    ];
    for (const r of replies) expect(JSON.stringify(r)).not.toMatch(/site/i);
    const info = await ok<SitesInfo>(core(), 'sites.list', {});
    expect(info.multi).toBe(false);
    expect(info.sites).toHaveLength(1);
    expect(info.scope).toEqual({ siteId: null, fixed: false });
    leadsA.push(lead.lead.id);
  });

  it('a second site: people, rules and new leads belong to a site; assignment stays within it', async () => {
    // Anna was added while there was one site: she works at site 1; the manager stays group-wide.
    const info = await ok<SitesInfo>(core(), 'sites.save', { code: 'B', name: 'Autohaus Süd' });
    expect(info.multi).toBe(true);
    expect(info.sites.map((s) => s.code)).toEqual(['S1', 'B']);
    expect((await err(core(), 'sites.save', { id: 1, code: 'B', name: 'Nord' })).code).toBe('SITE_CODE_TAKEN');
    await ok(core(), 'sites.save', { id: 1, code: 'A', name: 'Autohaus Nord' });
    const people = (await ok<{ users: U[] }>(core(), 'people.list', {})).users;
    expect(people.find((u) => u.id === annaA)!.siteId).toBe(1);
    expect(people.find((u) => u.id === manager)!.siteId).toBeNull();
    brunoB = (await ok<U>(core(), 'people.save', { name: 'Bruno', roles: ['service_advisor'], siteId: 2 })).id;
    carlaA = (await ok<U>(core(), 'people.save', { name: 'Carla', roles: ['service_advisor'], siteId: 1 })).id;
    expect((await err(core(), 'people.save', { name: 'Dario', roles: ['service_advisor'], siteId: null })).code).toBe(
      'SITE_REQUIRED',
    );
    expect((await err(core(), 'people.save', { name: 'Dario', roles: [], siteId: 9 })).code).toBe('SITE_UNKNOWN');
    // The rules of before are site 1's; site 2 gets its own (saved with site 2 in view).
    await ok(core(), 'sites.choose', { siteId: 2 });
    expect((await ok<{ rules: unknown[] }>(core(), 'assignment.rules.get', {})).rules).toEqual([]);
    expect((await err(core(), 'assignment.rules.set', { rules: [{ targetUserId: annaA }] })).code).toBe(
      'ASSIGNEE_OTHER_SITE',
    );
    await ok(core(), 'assignment.rules.set', { rules: [{ targetRole: 'service_advisor' }] });
    // A group-wide person's new lead: the site in view, or the one chosen.
    for (let i = 0; i < 3; i++) {
      const b = await create({ lastName: `Rossi B${i}`, email: `b${i}@example.it` });
      expect(b.lead.siteId).toBe(2);
      expect(b.lead.assigneeId).toBe(brunoB);
      leadsB.push(b.lead.id);
    }
    await ok(core(), 'sites.choose', { siteId: null });
    for (let i = 0; i < 4; i++) {
      const a = await create({ lastName: `Rossi A${i}`, email: `a${i}@example.it`, siteId: 1 });
      expect(a.lead.siteId).toBe(1);
      // Round robin among site 1's advisors only.
      expect([annaA, carlaA]).toContain(a.lead.assigneeId);
      leadsA.push(a.lead.id);
    }
    expect((await err(core(), 'leads.create', baseLead({ siteId: 7 }))).code).toBe('SITE_UNKNOWN');
    // Reassigning across sites is refused.
    const b0 = leadsB[0]!;
    const version = (await ok<LeadDetail>(core(), 'leads.get', { id: b0 })).lead.version;
    expect((await err(core(), 'leads.reassign', { id: b0, version, assigneeId: annaA })).code).toBe(
      'ASSIGNEE_OTHER_SITE',
    );
  });

  it("a desk of site 1 sees only site 1's leads, counts and search results, and is refused site 2's lead", async () => {
    await asUser(annaA);
    const info = await ok<SitesInfo>(core(), 'sites.list', {});
    expect(info.scope).toEqual({ siteId: 1, fixed: true });
    expect((await err(core(), 'sites.choose', { siteId: null })).code).toBe('FORBIDDEN');
    const ids = (await list()).rows.map((r) => r.id).sort((a, b) => a - b);
    expect(ids).toEqual([...leadsA].sort((a, b) => a - b));
    // Either way (the view's index per site and its flip, migrations 0011 / 0021), the site's leads only.
    for (const dir of ['asc', 'desc'] as const) {
      const page = await ok<ListPage>(core(), 'leads.list', { view: 'assigned', page: 0, pageSize: 100, dir });
      expect(
        page.rows.map((r) => r.id).sort((a, b) => a - b),
        dir,
      ).toEqual(ids);
    }
    const c = await counts();
    for (const view of LIST_VIEWS) {
      const n = (await sqlGet<{ n: number }>(
        core(),
        `SELECT count(*) AS n FROM leads WHERE site_id = 1 AND ${view === 'assigned' || view === 'not_managed' ? "status = 'assigned'" : '0 = 1'}`,
      ))!.n;
      if (view === 'assigned' || view === 'not_managed') expect(c[view], view).toBe(n);
      else expect(c[view], view).toBe(0);
    }
    const searched = await list('assigned', 'Rossi');
    expect(searched.total).toBe(leadsA.length); // every one is a Rossi (the first by its e-mail)
    expect(searched.rows.every((r) => leadsA.includes(r.id))).toBe(true);
    const global = await ok<{ total: number; groups: { rows: { id: number }[] }[] }>(core(), 'leads.globalSearch', {
      q: 'Rossi',
      limit: 10,
    });
    expect(global.total).toBe(leadsA.length);
    expect(global.groups.flatMap((g) => g.rows).every((r) => leadsA.includes(r.id))).toBe(true);
    const b0 = leadsB[0]!;
    expect((await err(core(), 'leads.get', { id: b0 })).code).toBe('LEAD_OTHER_SITE');
    expect(
      (
        await err(core(), 'leads.recordContact', {
          id: b0,
          version: 1,
          input: { direction: 'outbound', channel: 'phone', outcome: 'reached' },
        })
      ).code,
    ).toBe('LEAD_OTHER_SITE');
    expect((await err(core(), 'playbook.steps', { ids: [leadsA[1]!, b0] })).code).toBe('LEAD_OTHER_SITE');
    // My day: own leads of the site.
    const day = await ok<{ rows: { leadId: number }[] }>(core(), 'playbook.myDay', {});
    expect(day.rows.every((r) => leadsA.includes(r.leadId))).toBe(true);
    // A new lead takes the desk's site; another site is refused.
    expect((await err(core(), 'leads.create', baseLead({ siteId: 2, assigneeId: annaA }))).code).toBe(
      'LEAD_OTHER_SITE',
    );
    const mine = await create({ lastName: 'Verdi', assigneeId: annaA });
    expect(mine.lead.siteId).toBe(1);
    expect(await siteOf(mine.lead.id)).toBe(1);
    leadsA.push(mine.lead.id);
  });

  it('the group-wide manager sees every site and narrows by the choice (remembered)', async () => {
    await asUser(manager);
    expect((await ok<SitesInfo>(core(), 'sites.list', {})).scope).toEqual({ siteId: null, fixed: false });
    expect((await list()).total).toBe(leadsA.length + leadsB.length);
    const all = await counts();
    await ok(core(), 'sites.choose', { siteId: 2 });
    expect((await ok<SitesInfo>(core(), 'sites.list', {})).scope).toEqual({ siteId: 2, fixed: false });
    const two = await counts();
    expect(two.assigned).toBe(leadsB.length);
    expect((await list()).rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(leadsB);
    expect((await list('assigned', 'Rossi')).total).toBe(leadsB.length);
    // The leads of a site the manager does not have in view still open (group-wide).
    expect((await ok<LeadDetail>(core(), 'leads.get', { id: leadsA[0]! })).lead.siteId).toBe(1);
    await ok(core(), 'sites.choose', { siteId: 1 });
    const one = await counts();
    for (const view of LIST_VIEWS) expect(one[view]! + two[view]!, view).toBe(all[view]);
    await ok(core(), 'sites.choose', { siteId: null });
    expect(await counts()).toEqual(all);
  });

  it("with every site's leads in view, each list row, search result and playbook row carries its lead's site", async () => {
    const siteOfLead = (id: number) => (leadsB.includes(id) ? 2 : 1);
    const check = (rows: { id: number; siteId?: number }[]) => {
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.siteId, String(r.id)).toBe(siteOfLead(r.id));
    };
    const all = (await list()).rows;
    expect(new Set(all.map((r) => r.siteId))).toEqual(new Set([1, 2]));
    check(all);
    check((await list('assigned', 'Rossi')).rows);
    const found = await ok<GlobalSearchResult>(core(), 'leads.globalSearch', { q: 'Rossi', limit: 10 });
    check(found.groups.flatMap((g) => g.rows));
    const steps = async () =>
      (await ok<{ rows: PlaybookItem[] }>(core(), 'playbook.list', { pageSize: 100 })).rows.map((r) => ({
        id: r.leadId,
        siteId: r.siteId,
      }));
    check(await steps());
    // The printed list: a Site column with each lead's code after the name…
    const printed = await printText();
    expect(printed).toMatch(/\bSite\b/);
    expect(printed).toMatch(/Rossi B0\s+B\s+ASL-/);
    expect(printed).toMatch(/Rossi A0\s+A\s+ASL-/);
    // …not with one site in view (every lead is of it), while the rows still say their site.
    await ok(core(), 'sites.choose', { siteId: 2 });
    check((await list()).rows);
    check(await steps());
    expect(await printText()).not.toMatch(/\bSite\b/);
    await ok(core(), 'sites.choose', { siteId: null });
  });

  it("a site's own settings override the group's: the dealer in the site's e-mail texts", async () => {
    const dealer = { name: 'Autohaus Süd GmbH', email: 'sued@example.de', phone: '+49 89 1234', address: 'München' };
    expect(await ok(core(), 'sites.settings.get', { siteId: 2 })).toMatchObject({
      dealer: null,
      rules: null,
      capacity: null,
    });
    await ok(core(), 'settings.setDealer', { name: 'Gruppe Nord', email: 'nord@example.de', phone: '', address: '' });
    expect(await ok(core(), 'sites.settings.save', { siteId: 2, dealer, capacity: 4 })).toEqual({
      dealer,
      rules: null,
      capacity: 4,
    });
    const stepB = await ok<{ scripts: { phone_script: { body: string } } }>(core(), 'playbook.step', {
      id: leadsB[0]!,
    });
    expect(stepB.scripts.phone_script.body).toContain('Autohaus Süd GmbH');
    const stepA = await ok<{ scripts: { phone_script: { body: string } } }>(core(), 'playbook.step', {
      id: leadsA[1]!,
    });
    expect(stepA.scripts.phone_script.body).toContain('Gruppe Nord');
    await ok(core(), 'sites.settings.save', { siteId: 2, dealer: null });
    expect((await ok<{ dealer: unknown }>(core(), 'sites.settings.get', { siteId: 2 })).dealer).toBeNull();
    // Managers only.
    await asUser(annaA);
    expect((await err(core(), 'sites.settings.save', { siteId: 1, capacity: 2 })).code).toBe('FORBIDDEN');
    expect((await err(core(), 'sites.save', { code: 'C', name: 'Third' })).code).toBe('FORBIDDEN');
  });
});
