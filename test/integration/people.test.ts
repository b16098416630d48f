// People and assignment through the real core: routing (rule order, round robin with absences, rr cursor
// persisted), permissions enforced by the core for every transport, reassignment keeping the SLA clock,
// imports and follow-ups, the PIN switch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../electron/core/events';
import { registerIpc, IPC_CHANNEL } from '../../electron/main/ipc';
import { startWebServer } from '../../electron/web/server';
import type { LeadDetail } from '../../shared/contract/models';
import { baseLead, err, ok, openTestApp, type TestApp, versionOf, sqlGet, sqlAll, sqlRun } from './helpers';
import { csv, HQ_HEADERS, hqRow, person } from '../fixtures/importCorpus';

let app: TestApp;
let events: AppEvent[];
beforeEach(() => {
  app = openTestApp();
  events = [];
  app.core.events.on((e) => events.push(e));
});
afterEach(() => app.close());

const DAY = 86_400_000;
type U = { id: number };
const user = (name: string, roles: string[], extra: object = {}) =>
  ok<U & { name: string }>(app.core, 'people.save', { name, roles, ...extra });
const create = (over: object = {}) => ok<LeadDetail>(app.core, 'leads.create', baseLead(over));
const asUser = async (id: number, pin?: string) =>
  ok(app.core, 'people.switch', { userId: id, ...(pin ? { pin } : {}) });
const manager = async () => ((await sqlGet(app.core, 'SELECT id FROM users ORDER BY id LIMIT 1')) as U).id;

describe('routing through the core', () => {
  it('rule order, round robin skipping the absent and inactive, cursor persisted across a restart of the rules', async () => {
    const today = '2026-03-02';
    const anna = await user('Anna', ['booking_operator']);
    const bruno = await user('Bruno', ['booking_operator'], { absences: [{ from: today, to: '2026-03-03' }] });
    const carla = await user('Carla', ['booking_operator']);
    await user('Dario', ['booking_operator'], { active: false });
    const sara = await user('Sara', ['service_advisor']);
    await ok(app.core, 'assignment.rules.set', {
      rules: [
        { leadType: 'hq_driven', targetUserId: sara.id },
        { source: 'web', targetRole: 'booking_operator' },
      ],
    });
    const hq = await create({ leadType: 'hq_driven', source: 'web' });
    expect(hq.lead.assigneeId).toBe(sara.id); // the first rule wins although the second matches too
    const got: number[] = [];
    for (let i = 0; i < 4; i++) got.push((await create({ email: `c${i}@example.it`, phone: null })).lead.assigneeId!);
    expect(got).toEqual([anna.id, carla.id, anna.id, carla.id]);
    const unrouted = await create({ source: 'spontaneous', email: 'x@example.it' });
    expect(unrouted.lead.assigneeId).toBeNull(); // the manager's queue
    // Saving the rules again keeps the pool's position; Bruno is back after his absence.
    await ok(app.core, 'assignment.rules.set', { rules: [{ source: 'web', targetRole: 'booking_operator' }] });
    app.clock.set(Date.parse('2026-03-04T09:00:00Z'));
    const next = await create({ email: 'y@example.it' });
    expect(next.lead.assigneeId).toBe(anna.id);
    expect((await create({ email: 'z@example.it' })).lead.assigneeId).toBe(bruno.id);
    // Every assignment is in history and emitted after commit.
    expect(next.history.find((h) => h.field === 'assigneeId')?.newValue).toBe('Anna');
    expect(
      events.filter((e) => e.type === 'lead.assigned').map((e) => (e as { assigneeId: number | null }).assigneeId),
    ).toEqual([sara.id, anna.id, carla.id, anna.id, carla.id, null, anna.id, bruno.id]);
  });

  it('the file import routes its new leads (the assign hook) and links customers; a follow-up keeps its assignee', async () => {
    const anna = await user('Anna', ['parts_staff']);
    await ok(app.core, 'assignment.rules.set', { rules: [{ leadType: 'hq_driven', targetRole: 'parts_staff' }] });
    const file = csv([HQ_HEADERS, hqRow(person(1)), hqRow(person(2))]);
    const r = await ok<{ leadIds: number[] }>(app.core, 'import.commit', {
      name: 'hq.csv',
      base64: Buffer.from(file).toString('base64'),
    });
    const rows = (await sqlAll(
      app.core,
      `SELECT assignee_id AS a, customer_id AS c FROM leads WHERE id IN (${r.leadIds.join(',')})`,
    )) as { a: number; c: number }[];
    expect(rows.map((x) => x.a)).toEqual([anna.id, anna.id]);
    expect(rows.every((x) => x.c !== null)).toBe(true);
    expect(events.filter((e) => e.type === 'lead.assigned').length).toBe(2);
    // Contact Again → the follow-up created by the sweep keeps the master's assignee, whatever the rules say.
    const bob = await user('Bob', ['service_advisor']);
    let d = await create({ source: 'spontaneous' });
    d = await ok(app.core, 'leads.reassign', { id: d.lead.id, assigneeId: bob.id });
    d = await ok(app.core, 'leads.recordContact', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { direction: 'outbound', channel: 'phone', outcome: 'reached' },
    });
    d = await ok(app.core, 'leads.contactAgain', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { recontactAt: app.clock.now() + 3 * DAY },
    });
    app.clock.advance(4 * DAY);
    const rep = await app.core.sweeps.run(app.clock.now(), { only: ['recontact'] });
    const child = await app.core.leads.load(rep.changes[0]!.followUpLeadId!);
    expect(child.assigneeId).toBe(bob.id);
    expect(child.customerId).toBe(d.lead.customerId);
  });
});

describe('permissions are enforced by the core', () => {
  it('a desk user is refused reassign and settings changes over every transport; the manager is not', async () => {
    const desk = await user('Dora', ['booking_operator']);
    const other = await user('Olga', ['service_advisor']);
    const lead = await create();
    const rules = (await ok(app.core, 'settings.get', {})).rules;
    await asUser(desk.id);
    const calls: [string, unknown][] = [
      ['leads.reassign', { id: lead.lead.id, assigneeId: desk.id }],
      ['leads.bulkReassign', { fromUserId: other.id, toUserId: desk.id }],
      ['settings.setRules', rules],
      ['assignment.rules.set', { rules: [] }],
      ['people.save', { id: desk.id, name: 'Dora', roles: ['manager'] }],
      ['templates.reset', { kind: 'voicemail', language: 'en' }],
      [
        'playbook.settings.set',
        { attemptsBeforeEmail: 3, emailWindowWorkingHours: 48, closeAfterEmailWorkingHours: 48 },
      ],
      ['workshop.setCapacity', { capacity: 3 }],
      ['customers.erase', { id: lead.lead.customerId, confirm: true }],
    ];
    for (const [ch, input] of calls) expect((await err(app.core, ch, input)).code, ch).toBe('FORBIDDEN');
    // Over the IPC registration (as Electron's main wires it) and over the loopback HTTP bridge.
    const handlers = new Map<
      string,
      (ev: unknown, ...a: unknown[]) => Promise<{ ok: boolean; error?: { code: string } }>
    >();
    registerIpc(
      {
        handle: (c, fn) => {
          handlers.set(c, fn as never);
        },
      },
      app.core.dispatch,
    );
    const frame = { url: 'app://aslm/index.html', parent: null };
    const viaIpc = await handlers.get(IPC_CHANNEL)!(
      { senderFrame: frame, sender: { mainFrame: frame } },
      'leads.reassign',
      { id: lead.lead.id, assigneeId: desk.id },
    );
    expect(viaIpc.error?.code).toBe('FORBIDDEN');
    const web = await startWebServer({ core: app.core, staticDir: app.dir, port: 0 });
    try {
      const res = await fetch(new URL('/api/invoke', web.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-ASLM-Token': web.token },
        body: JSON.stringify({ channel: 'settings.setRules', input: rules }),
      });
      expect((await res.json()).error.code).toBe('FORBIDDEN');
    } finally {
      await web.close();
    }
    expect((await app.core.leads.load(lead.lead.id)).assigneeId).toBeNull();
    // Desk staff work the unassigned queue and their own leads, not someone else's.
    await ok(app.core, 'leads.recordContact', {
      id: lead.lead.id,
      version: await versionOf(app.core, lead.lead.id),
      input: { direction: 'outbound', channel: 'phone', outcome: 'no_answer' },
    });
    await asUser(await manager());
    await ok(app.core, 'leads.reassign', { id: lead.lead.id, assigneeId: other.id });
    await asUser(desk.id);
    expect(
      (
        await err(app.core, 'leads.recordContact', {
          id: lead.lead.id,
          version: await versionOf(app.core, lead.lead.id),
          input: { direction: 'outbound', channel: 'phone', outcome: 'no_answer' },
        })
      ).code,
    ).toBe('NOT_YOUR_LEAD');
    expect((await err(app.core, 'leads.create', baseLead({ assigneeId: other.id }))).code).toBe('FORBIDDEN');
    // Consents: changed while working one of the customer's leads (own or unassigned), never someone else's.
    const cid = lead.lead.customerId;
    expect(
      (await err(app.core, 'customers.setConsents', { id: cid, leadId: lead.lead.id, consents: { email: true } })).code,
    ).toBe('NOT_YOUR_LEAD');
    expect((await err(app.core, 'customers.setConsents', { id: cid, consents: { email: true } })).code).toBe(
      'FORBIDDEN',
    );
    const mine = await create({
      firstName: 'Nina',
      lastName: 'Neri',
      email: 'mine@example.it',
      phone: '+39 333 9876543',
    });
    expect(
      (await err(app.core, 'customers.setConsents', { id: cid, leadId: mine.lead.id, consents: { email: true } })).code,
    ).toBe('FORBIDDEN'); // not that lead's customer
    await ok(app.core, 'customers.setConsents', {
      id: mine.lead.customerId,
      leadId: mine.lead.id,
      consents: { email: true },
    });
    // Re-queuing a failed e-mail is the manager's.
    expect((await err(app.core, 'mail.outbox.retry', { id: 1 })).code).toBe('FORBIDDEN');
    // Personal choices stay open.
    await ok(app.core, 'settings.setLanguage', { language: 'it' });
    expect(
      ((await sqlGet(app.core, 'SELECT language FROM users WHERE id = ?', desk.id)) as { language: string }).language,
    ).toBe('it');
  });

  it('the alternate manages only while the manager is absent', async () => {
    const alt = await user('Alba', ['alternate']);
    const target = await user('Teo', ['service_advisor']);
    const lead = await create();
    await asUser(alt.id);
    expect((await err(app.core, 'leads.reassign', { id: lead.lead.id, assigneeId: target.id })).code).toBe('FORBIDDEN');
    await asUser(await manager());
    await ok(app.core, 'people.save', {
      id: await manager(),
      name: 'Front desk',
      roles: ['manager'],
      absences: [{ from: '2026-03-02', to: '2026-03-06' }],
    });
    await asUser(alt.id);
    expect((await ok(app.core, 'people.current', {})).canManage).toBe(true);
    const d = await ok<LeadDetail>(app.core, 'leads.reassign', { id: lead.lead.id, assigneeId: target.id });
    expect(d.lead.assigneeId).toBe(target.id);
  });

  it('the switch asks for the PIN when the user has one (scrypt hash, never stored in clear)', async () => {
    const p = await user('Pia', ['service_advisor'], { pin: '4321' });
    expect((await err(app.core, 'people.switch', { userId: p.id, pin: '0000' })).code).toBe('PIN_WRONG');
    expect((await err(app.core, 'people.switch', { userId: p.id })).code).toBe('PIN_WRONG');
    const cur = await ok(app.core, 'people.switch', { userId: p.id, pin: '4321' });
    expect(cur.user.name).toBe('Pia');
    const hash = ((await sqlGet(app.core, 'SELECT pin_hash AS h FROM users WHERE id = ?', p.id)) as { h: string }).h;
    expect(hash).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    // The current user is the one recorded in history.
    const d = await create({ email: 'pia.lead@example.it' });
    expect(d.history[0]!.userName).toBe('Pia');
  });

  it('a person deactivated while at the desk is refused, never silently the manager', async () => {
    const second = await user('Mara', ['manager']);
    await asUser(second.id);
    await ok(app.core, 'people.save', { id: second.id, name: 'Mara', roles: ['manager'], active: false }); // deactivates herself
    const rules = (await ok(app.core, 'settings.get', {})).rules;
    expect((await err(app.core, 'settings.setRules', rules)).code).toBe('USER_INACTIVE');
    await asUser(await manager());
    const lead = await create();
    await app.core.settings.set('desk.currentUser', second.id); // still at the desk (e.g. another window)
    expect(
      (
        await err(app.core, 'leads.recordContact', {
          id: lead.lead.id,
          version: await versionOf(app.core, lead.lead.id),
          input: { direction: 'outbound', channel: 'phone', outcome: 'no_answer' },
        })
      ).code,
    ).toBe('USER_INACTIVE');
    expect((await app.core.resolveActor()).id).toBe(second.id);
  });

  it('the last manager cannot be removed', async () => {
    expect(
      (await err(app.core, 'people.save', { id: await manager(), name: 'Front desk', roles: ['service_advisor'] }))
        .code,
    ).toBe('LAST_MANAGER');
  });
});

describe('reassignment', () => {
  it('a closed lead or an expired (frozen) appointment cannot be reassigned', async () => {
    const a = await user('Ada', ['service_advisor']);
    const d = await create();
    await sqlRun(app.core, "UPDATE leads SET status = 'appointment', frozen = true WHERE id = ?", d.lead.id);
    expect((await err(app.core, 'leads.reassign', { id: d.lead.id, assigneeId: a.id })).code).toBe('LEAD_IS_FINAL');
    await sqlRun(app.core, "UPDATE leads SET status = 'lost', frozen = false WHERE id = ?", d.lead.id);
    expect((await err(app.core, 'leads.reassign', { id: d.lead.id, assigneeId: a.id })).code).toBe('LEAD_IS_FINAL');
    expect((await app.core.leads.load(d.lead.id)).assigneeId).toBeNull();
  });

  it("keeps assignedAt and the SLA deadlines; history and events for each; bulk moves an absent person's open leads", async () => {
    const a = await user('Ada', ['service_advisor']);
    const b = await user('Ben', ['service_advisor']);
    const d = await create();
    const before = await sqlGet(
      app.core,
      'SELECT assigned_at AS a, sla1_due_at AS d1, sla2_due_at AS d2 FROM leads WHERE id = ?',
      d.lead.id,
    );
    app.clock.advance(5 * 3_600_000);
    let r = await ok<LeadDetail>(app.core, 'leads.reassign', {
      id: d.lead.id,
      version: d.lead.version,
      assigneeId: a.id,
    });
    app.clock.advance(3_600_000);
    r = await ok<LeadDetail>(app.core, 'leads.reassign', { id: d.lead.id, version: r.lead.version, assigneeId: b.id });
    expect(
      await sqlGet(
        app.core,
        'SELECT assigned_at AS a, sla1_due_at AS d1, sla2_due_at AS d2 FROM leads WHERE id = ?',
        d.lead.id,
      ),
    ).toEqual(before);
    expect(r.lead.assignedAt).toBe(d.lead.assignedAt);
    expect(r.history.filter((h) => h.field === 'assigneeId').map((h) => [h.oldValue, h.newValue])).toEqual([
      ['Ada', 'Ben'],
      [null, 'Ada'],
    ]);
    expect(
      (await err(app.core, 'leads.reassign', { id: d.lead.id, version: d.lead.version, assigneeId: a.id })).code,
    ).toBe('VERSION_CONFLICT');
    const more = [await create({ email: 'm1@example.it' }), await create({ email: 'm2@example.it' })];
    for (const m of more) await ok(app.core, 'leads.reassign', { id: m.lead.id, assigneeId: b.id });
    const bulk = await ok<{ moved: number }>(app.core, 'leads.bulkReassign', { fromUserId: b.id, toUserId: a.id });
    expect(bulk.moved).toBe(3);
    expect((await ok(app.core, 'leads.list', { view: 'assigned', assigneeId: a.id })).total).toBe(3);
    expect(events.filter((e) => e.type === 'lead.assigned' && e.assigneeId === a.id).length).toBe(4);
  });
});
