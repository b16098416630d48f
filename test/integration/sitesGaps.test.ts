// Sites (issue 15, docs/rules.md §11.8), what the first version left out, through the real core on both stores: a
// file import's duplicates are looked for among the importing site's open leads only; a site's own rule figures are
// those of its leads (stored deadlines, SLA met, the sweeps) and a change of the group's leaves them alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppSettings } from '../../shared/contract/app';
import type { LeadDetail } from '../../shared/contract/models';
import { csv, HQ_HEADERS, hqRow, person } from '../fixtures/importCorpus';
import { baseLead, err, ok, openTestApp, sqlAll, sqlGet } from './helpers';

const app = openTestApp(Date.parse('2026-11-20T10:00:00Z'));
afterAll(() => app.close());

const core = () => app.core;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const file = (name: string, ...people: ReturnType<typeof person>[]) => ({
  name,
  base64: b64(csv([HQ_HEADERS, ...people.map(hqRow)])),
});
type Preview = { duplicates: { leadId: number }[] };
type Report = { imported: number; merged: number; leadIds: number[]; duplicates: { leadId: number }[] };

describe('sites: what the first version left out', () => {
  let siteB = 0;
  beforeAll(async () => {
    siteB = (await ok<{ sites: { id: number }[] }>(core(), 'sites.save', { code: 'B', name: 'Süd' })).sites[1]!.id;
  });

  it("a file import never takes another site's open lead for a duplicate", async () => {
    const p = person(1);
    // Site B's open lead with the row's VIN, e-mail and phone, in the row's campaign.
    const atB = await ok<LeadDetail>(
      core(),
      'leads.create',
      baseLead({ lastName: p.last, email: p.email, phone: p.phone, vin: p.vin, siteId: siteB }),
    );
    // Imported at site 1: no duplicate, a new lead of site 1 (site B's lead untouched).
    await ok(core(), 'sites.choose', { siteId: 1 });
    expect((await ok<Preview>(core(), 'import.preview', file('a.csv', p))).duplicates).toEqual([]);
    const r = await ok<Report>(core(), 'import.commit', { ...file('a.csv', p), duplicateDefault: 'merge' });
    expect([r.imported, r.merged]).toEqual([1, 0]);
    const site = async (id: number) =>
      (await sqlGet<{ s: number }>(core(), 'SELECT site_id AS s FROM leads WHERE id = ?', id))!.s;
    expect(await site(r.leadIds[0]!)).toBe(1);
    expect((await ok<LeadDetail>(core(), 'leads.get', { id: atB.lead.id })).lead.version).toBe(atB.lead.version);
    // Imported at site B (another key): site B's lead is the duplicate.
    await ok(core(), 'sites.choose', { siteId: siteB });
    const again = { ...p, id: 'HQ-B-1' };
    const pv = await ok<Preview>(core(), 'import.preview', file('b.csv', again));
    expect(pv.duplicates.map((d) => d.leadId)).toEqual([atB.lead.id]);
    const rb = await ok<Report>(core(), 'import.commit', { ...file('b.csv', again), duplicateDefault: 'merge' });
    expect(rb.imported).toBe(0);
    expect(rb.duplicates.map((d) => d.leadId)).toEqual([atB.lead.id]);
    await ok(core(), 'sites.choose', { siteId: null });
  });

  it("a site's own rule figures apply to its leads; the group's to the others", async () => {
    const H = 3_600_000;
    const group = (await ok<AppSettings>(core(), 'settings.get', {})).rules;
    const due = async (id: number) =>
      (await sqlGet<{ d: number; b: number }>(
        core(),
        'SELECT sla1_due_at AS d, business_due_at AS b FROM leads WHERE id = ?',
        id,
      ))!;
    const make = async (siteId: number, last: string) =>
      (await ok<LeadDetail>(core(), 'leads.create', baseLead({ lastName: last, email: `${last}@x.it`, siteId }))).lead;
    const a1 = await make(1, 'Uno');
    const b1 = await make(siteB, 'Due');
    // Site B's own figures: 48 hours for the first contact, Lost Sale after 3 days.
    const own = { ...group, sla1Hours: 48, lostAfterDays: 3 };
    await ok(core(), 'sites.settings.save', { siteId: siteB, rules: own });
    expect((await due(b1.id)).d).toBe(b1.assignedAt + 48 * H);
    expect((await due(a1.id)).d).toBe(a1.assignedAt + group.sla1Hours * H);
    const b2 = await make(siteB, 'Tre');
    expect((await due(b2.id)).d).toBe(b2.assignedAt + 48 * H);
    // A first contact 30 hours on: met at site B, missed at site 1.
    app.clock.advance(30 * H);
    const contact = { direction: 'outbound', channel: 'phone', outcome: 'reached' };
    const met = async (l: LeadDetail['lead']) =>
      (await ok<LeadDetail>(core(), 'leads.recordContact', { id: l.id, version: l.version, input: contact })).lead
        .sla1Met;
    expect(await met(b2)).toBe(true);
    expect(await met(a1)).toBe(false);
    // The group's figures change: site B's leads keep theirs.
    await ok(core(), 'settings.setRules', { ...group, sla1Hours: 12 });
    expect((await due(a1.id)).d).toBe(a1.assignedAt + 12 * H);
    expect((await due(b1.id)).d).toBe(b1.assignedAt + 48 * H);
    // Site B's Lost Sale after 3 days (the group's: 60): its leads of today are swept 4 days on, site 1's are not.
    const lost = async () =>
      (await core().sweeps.run(b1.assignedAt + 4 * 24 * H, { dryRun: true, only: ['lost'] })).changes.map(
        (c) => c.leadId,
      );
    expect(await lost()).toEqual(expect.arrayContaining([b1.id, b2.id]));
    expect(await lost()).not.toContain(a1.id);
    // The playbook works towards each lead's site's deadline (one lead, several, the list of every site and of one).
    const b3 = await make(siteB, 'Quattro');
    const a3 = await make(1, 'Cinque');
    const deadline = { [b3.id]: b3.assignedAt + 48 * H, [a3.id]: a3.assignedAt + 12 * H };
    type Step = { deadline: number | null };
    expect((await ok<{ step: Step }>(core(), 'playbook.step', { id: b3.id })).step.deadline).toBe(deadline[b3.id]);
    const steps = await ok<{ steps: { leadId: number; step: Step }[] }>(core(), 'playbook.steps', {
      ids: [b3.id, a3.id],
    });
    expect(Object.fromEntries(steps.steps.map((x) => [x.leadId, x.step.deadline]))).toEqual(deadline);
    const listed = async () =>
      (await ok<{ rows: { leadId: number; step: Step }[] }>(core(), 'playbook.list', { pageSize: 200 })).rows
        .filter((x) => x.leadId in deadline)
        .map((x) => [x.leadId, x.step.deadline]);
    expect(Object.fromEntries(await listed())).toEqual(deadline);
    await ok(core(), 'sites.choose', { siteId: siteB });
    expect(await listed()).toEqual([[b3.id, deadline[b3.id]]]);
    await ok(core(), 'sites.choose', { siteId: null });
    // Its own figures cleared: the group's again.
    await ok(core(), 'sites.settings.save', { siteId: siteB, rules: null });
    expect((await due(b1.id)).d).toBe(b1.assignedAt + 12 * H);
    expect(await lost()).not.toContain(b1.id);
    // Swept for real with site B's figures again (on PostgreSQL the sweep of several cores, store/pg/sweepClaim.ts).
    await ok(core(), 'sites.settings.save', { siteId: siteB, rules: own });
    const swept = (await core().sweeps.run(b1.assignedAt + 4 * 24 * H, { only: ['lost'] })).changes;
    expect(swept.map((c) => c.leadId)).toEqual(expect.arrayContaining([b1.id, b2.id]));
    expect(swept.map((c) => c.leadId)).not.toContain(a1.id);
    expect((await ok<LeadDetail>(core(), 'leads.get', { id: b1.id })).lead.status).toBe('lost');
  });

  it("a site's workshop load: its appointments, its opening days and its capacity", async () => {
    const group = (await ok<AppSettings>(core(), 'settings.get', {})).rules;
    const sunday = { open: '09:00', close: '12:00' };
    await ok(core(), 'sites.settings.save', {
      siteId: siteB,
      capacity: 4,
      rules: { ...group, openingHours: [sunday, ...group.openingHours.slice(1)] },
    });
    const lead = (await ok<LeadDetail>(core(), 'leads.create', baseLead({ lastName: 'Officina', siteId: siteB }))).lead;
    const reached = await ok<LeadDetail>(core(), 'leads.recordContact', {
      id: lead.id,
      version: lead.version,
      input: { direction: 'outbound', channel: 'phone', outcome: 'reached' },
    });
    await ok(core(), 'leads.makeAppointment', {
      id: lead.id,
      version: reached.lead.version,
      input: { appointmentAt: Date.parse('2026-11-23T09:00:00Z') },
    });
    type Load = { capacity: number; days: { date: string; appointments: number; capacity: number; open: boolean }[] };
    const load = async (siteId?: number) => {
      const l = await ok<Load>(core(), 'workshop.load', { days: 3, ...(siteId ? { siteId } : {}) });
      return [l.capacity, ...l.days.slice(1).map((d) => [d.date, d.open, d.capacity, d.appointments])];
    };
    const groupCapacity = (await load())[0];
    expect(await load(siteB)).toEqual([4, ['2026-11-22', true, 4, 0], ['2026-11-23', true, 4, 1]]);
    expect(await load(1)).toEqual([groupCapacity, ['2026-11-22', false, 0, 0], ['2026-11-23', true, groupCapacity, 0]]);
    // The site in view when none is named; "All sites": every appointment, the group's figures.
    await ok(core(), 'sites.choose', { siteId: siteB });
    expect(await load()).toEqual(await load(siteB));
    await ok(core(), 'sites.choose', { siteId: null });
    expect((await load())[2]).toEqual(['2026-11-23', true, groupCapacity, 1]);
    // A person of site B (the appointment dialog asks for the lead's site): their own site's, never another's.
    const manager = (await sqlGet<{ id: number }>(core(), 'SELECT id FROM users ORDER BY id LIMIT 1'))!.id;
    const desk = await ok<{ id: number }>(core(), 'people.save', {
      name: 'Banco Sud',
      roles: ['booking_operator'],
      siteId: siteB,
    });
    await ok(core(), 'people.switch', { userId: desk.id });
    try {
      expect(await load(siteB)).toEqual([4, ['2026-11-22', true, 4, 0], ['2026-11-23', true, 4, 1]]);
      expect(await load()).toEqual(await load(siteB));
      expect(await err(core(), 'workshop.load', { days: 3, siteId: 1 })).toMatchObject({
        code: 'FORBIDDEN',
        field: 'siteId',
      });
    } finally {
      await ok(core(), 'people.switch', { userId: manager });
    }
  });

  it("the copies to managers and alternates go to the lead's site's and the group-wide ones only", async () => {
    const manager = async (name: string, siteId: number | null) =>
      ok(core(), 'people.save', { name, email: `${name}@dealer.example`, language: 'en', roles: ['manager'], siteId });
    await manager('nord', 1);
    await manager('sud', siteB);
    await manager('gruppo', null);
    await ok(core(), 'notifications.settings.set', {
      sla1RiskHours: 4,
      copyManagers: true,
      copyAlternates: true,
      emailAssignee: true,
    });
    const before = (await sqlGet<{ n: number }>(core(), 'SELECT COALESCE(MAX(id), 0) AS n FROM outbox'))!.n;
    const sent = async () =>
      (
        await sqlAll<{ t: string }>(
          core(),
          'SELECT to_address AS t FROM outbox WHERE id > ? ORDER BY to_address',
          before,
        )
      ).map((x) => x.t);
    // A new lead of site B that no rule routes: its alert copies.
    await ok(core(), 'leads.create', baseLead({ lastName: 'Copia', siteId: siteB }));
    expect(await sent()).toEqual(['gruppo@dealer.example', 'sud@dealer.example']);
    // A file imported at site 1: the summary e-mails (and each lead's copies) to site 1's and the group's managers.
    await ok(core(), 'sites.choose', { siteId: 1 });
    await ok(core(), 'import.commit', file('c.csv', person(7), person(8)));
    await ok(core(), 'sites.choose', { siteId: null });
    const all = await sent();
    expect(all.filter((t) => t === 'nord@dealer.example').length).toBeGreaterThan(0);
    expect(all.filter((t) => t === 'gruppo@dealer.example').length).toBeGreaterThan(1);
    expect(all.filter((t) => t === 'sud@dealer.example')).toHaveLength(1); // the site B lead's copy only
  });

  it('a rule saved with "All sites" in view needs its site (never the first one silently)', async () => {
    await ok(core(), 'sites.choose', { siteId: null });
    type Rules = { rules: { siteId?: number; targetRole: string | null }[] };
    const before = (await ok<Rules>(core(), 'assignment.rules.get', {})).rules;
    const added = { campaign: null, targetUserId: null, targetRole: 'service_advisor' };
    expect(await err(core(), 'assignment.rules.set', { rules: [...before, added] })).toMatchObject({
      code: 'RULE_SITE_REQUIRED',
      field: `rules.${before.length}.siteId`,
    });
    const saved = await ok<Rules>(core(), 'assignment.rules.set', { rules: [...before, { ...added, siteId: siteB }] });
    expect(saved.rules.map((r) => r.siteId)).toContain(siteB);
  });

  it("saving a site's rules keeps its pools' round-robin positions, not another site's", async () => {
    const staff = async (name: string, siteId: number) =>
      (await ok<{ id: number }>(core(), 'people.save', { name, roles: ['parts_staff'], siteId })).id;
    const [p1, p2, p3] = [await staff('Ricambi Uno', 1), await staff('Ricambi Due', 1), await staff('Ricambi Tre', 1)];
    const q1 = await staff('Ricambi Sud', siteB);
    await ok(core(), 'sites.choose', { siteId: null });
    const pools = [
      { requestFor: 'ricambi', targetRole: 'parts_staff', siteId: 1 },
      { requestFor: 'ricambi', targetRole: 'parts_staff', siteId: siteB },
    ];
    await ok(core(), 'assignment.rules.set', { rules: pools });
    const routed = async (lastName: string, siteId: number) =>
      (await ok<LeadDetail>(core(), 'leads.create', baseLead({ lastName, requestFor: 'ricambi', siteId }))).lead
        .assigneeId;
    expect([await routed('Primo', 1), await routed('Secondo', 1), await routed('Sud', siteB)]).toEqual([p1, p2, q1]);
    // The first site's rules saved again with it in view: its pool goes on after p2 (not from site B's last, q1).
    await ok(core(), 'sites.choose', { siteId: 1 });
    await ok(core(), 'assignment.rules.set', {
      rules: (await ok<{ rules: object[] }>(core(), 'assignment.rules.get', {})).rules,
    });
    await ok(core(), 'sites.choose', { siteId: null });
    expect(await routed('Terzo', 1)).toBe(p3);
  });
});
