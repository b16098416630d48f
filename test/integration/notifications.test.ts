// The notification centre through the real core: lead.assigned events (as issue 5's assignment will emit
// them) become a notification for the assignee and an e-mail in their language; managers' copies when set;
// customer-driven arrivals and SLA 1 at risk from the scheduler; mark read; desktop notifier shows each once.
import { afterEach, describe, expect, it } from 'vitest';
import { startDesktopNotifier } from '../../electron/main/desktopNotifier';
import { baseLead, err, ok, openTestApp, type TestApp, sqlGet, sqlAll, sqlRun } from './helpers';
import { csv, HQ_HEADERS, hqRow, person } from '../fixtures/importCorpus';

let app: TestApp;
afterEach(() => app?.close());
const HOUR = 3_600_000;

async function addUser(name: string, email: string | null, language = 'en', manager = false): Promise<number> {
  const { id } = (await sqlGet<{ id: number }>(
    app.core,
    'INSERT INTO users (name, email, language, active, created_at) VALUES (?, ?, ?, true, ?) RETURNING id',
    name,
    email,
    language,
    app.clock.now(),
  ))!;
  if (manager) await sqlRun(app.core, "INSERT INTO user_roles (user_id, role) VALUES (?, 'manager')", id);
  return id;
}
async function assign(leadId: number, userId: number) {
  await sqlRun(app.core, 'UPDATE leads SET assignee_id = ? WHERE id = ?', userId, leadId);
  app.core.events.emit({ type: 'lead.assigned', leadId, at: app.clock.now(), assigneeId: userId });
  await app.core.settled();
}
const rows = async () =>
  await sqlAll(app.core, 'SELECT user_id AS u, kind, lead_id AS l FROM notifications ORDER BY id');
/** The managers' and alternates' copies off (on by default: test/integration/assignmentAlerts.test.ts). */
const noCopies = () =>
  ok(app.core, 'notifications.settings.set', {
    sla1RiskHours: 4,
    copyManagers: false,
    copyAlternates: false,
    emailAssignee: true,
  });

describe('notifications', () => {
  it('lead.assigned → notification for the assignee + e-mail in their language; once per event; managers copied when set', async () => {
    app = openTestApp();
    await noCopies();
    const giulia = await addUser('Giulia', 'giulia@dealer.example', 'it');
    const d = await ok(app.core, 'leads.create', baseLead({ leadType: 'hq_driven' }));
    await assign(d.lead.id, giulia);
    app.core.events.emit({ type: 'lead.assigned', leadId: d.lead.id, at: app.clock.now(), assigneeId: giulia }); // the same event again
    await app.core.settled();
    expect(await rows()).toEqual([{ u: giulia, kind: 'lead_assigned', l: d.lead.id }]);
    const mail = await sqlAll(
      app.core,
      `SELECT to_address AS "to", subject, language FROM outbox WHERE kind = 'lead_assigned'`,
    );
    expect(mail).toEqual([
      { to: 'giulia@dealer.example', subject: `Lead ${d.lead.number} assegnato a te: Mario Rossi`, language: 'it' },
    ]);

    const alt = await addUser('Marco', null);
    await sqlRun(app.core, "INSERT INTO user_roles (user_id, role) VALUES (?, 'alternate')", alt);
    await ok(app.core, 'notifications.settings.set', {
      sla1RiskHours: 4,
      copyManagers: true,
      copyAlternates: true,
      emailAssignee: false,
    });
    app.clock.advance(HOUR);
    await assign(d.lead.id, giulia);
    const manager = 1; // the default desk user is a manager
    expect((await rows()).slice(1)).toEqual([
      { u: giulia, kind: 'lead_assigned', l: d.lead.id },
      { u: manager, kind: 'lead_assigned', l: d.lead.id },
      { u: alt, kind: 'lead_assigned', l: d.lead.id },
    ]);
    // Copies are for assignments only: SLA 1 at risk goes to the assignee alone.
    app.clock.advance(19 * HOUR);
    await app.core.notifications.run(app.clock.now());
    expect((await rows()).filter((r) => (r as { kind: string }).kind === 'sla1_at_risk')).toEqual([
      { u: giulia, kind: 'sla1_at_risk', l: d.lead.id },
    ]);
    expect(
      (
        (await sqlGet(app.core, `SELECT count(*) AS n FROM outbox WHERE kind = 'lead_assigned'`)) as {
          n: number;
        }
      ).n,
    ).toBe(1);
  });

  it('the bell: list for the current user in a language, mark one / all read; the scheduler adds arrivals and SLA 1 at risk', async () => {
    app = openTestApp();
    await noCopies();
    const d = await ok(app.core, 'leads.create', baseLead()); // customer-driven, unassigned → the managers
    expect(await app.core.notifications.run(app.clock.now())).toBe(1);
    app.clock.advance(20 * HOUR + 1); // 4 hours left before SLA 1
    expect(await app.core.notifications.run(app.clock.now())).toBe(1);
    expect(await app.core.notifications.run(app.clock.now())).toBe(0);
    const l = await ok(app.core, 'notifications.list', { language: 'fr' });
    expect(l.unread).toBe(2);
    expect(l.items.map((n: { kind: string; title: string; leadId: number }) => [n.kind, n.title, n.leadId])).toEqual([
      ['sla1_at_risk', 'SLA 1 en danger', d.lead.id],
      ['customer_lead', 'Nouvelle demande client', d.lead.id],
    ]);
    expect(l.items[0].body).toContain(d.lead.number);
    expect((await ok(app.core, 'notifications.markRead', { ids: [l.items[0].id] })).unread).toBe(1);
    expect((await ok(app.core, 'notifications.markRead', { all: true })).unread).toBe(0);
    expect((await err(app.core, 'notifications.markRead', {})).code).toBe('INVALID_INPUT');
    expect((await ok(app.core, 'notifications.list', { unreadOnly: true })).items).toEqual([]);
  });

  it('the desktop notifier shows each new row once and a click opens its lead', async () => {
    app = openTestApp();
    const shown: { title: string; body: string; click?: () => void }[] = [];
    const opened: number[] = [];
    const stop = startDesktopNotifier({
      core: app.core,
      isSupported: () => true,
      everyMs: 60_000,
      openLead: (id) => opened.push(id),
      create: (o) => {
        const n: { title: string; body: string; click?: () => void } = { ...o };
        shown.push(n);
        return {
          show: () => undefined,
          on: (_e, fn) => {
            n.click = fn;
          },
        };
      },
    });
    await noCopies();
    const d = await ok(app.core, 'leads.create', baseLead({ leadType: 'hq_driven' }));
    await assign(d.lead.id, 1);
    await new Promise((r) => setTimeout(r, 20));
    await app.core.notifications.run(app.clock.now()); // nothing new: not shown again
    await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(shown.map((s) => s.title)).toEqual(['Lead assigned to you']);
    shown[0]!.click!();
    expect(opened).toEqual([d.lead.id]);
  });

  it('a file import alerts together: a notification per lead, one e-mail per assignee, at most 3 desktop popups + a summary', async () => {
    app = openTestApp();
    const anna = await addUser('Anna', 'anna@dealer.example', 'de');
    await sqlRun(app.core, "INSERT INTO user_roles (user_id, role) VALUES (?, 'parts_staff')", anna);
    await ok(app.core, 'assignment.rules.set', { rules: [{ leadType: 'hq_driven', targetRole: 'parts_staff' }] });
    const file = csv([HQ_HEADERS, ...Array.from({ length: 7 }, (_, i) => hqRow(person(i + 1)))]);
    const r = await ok<{ leadIds: number[] }>(app.core, 'import.commit', {
      name: 'hq.csv',
      base64: Buffer.from(file).toString('base64'),
    });
    expect(r.leadIds).toHaveLength(7);
    expect((await rows()).filter((x) => (x as { u: number }).u === anna)).toHaveLength(7);
    const mails = (await sqlAll(
      app.core,
      `SELECT to_address AS "to", subject, text_body AS body FROM outbox WHERE kind = 'lead_assigned'`,
    )) as { to: string; subject: string; body: string }[];
    expect(mails.map((m) => [m.to, m.subject])).toEqual([['anna@dealer.example', '7 Leads wurden Ihnen zugewiesen']]);
    const first = (await sqlGet(app.core, 'SELECT number FROM leads WHERE id = ?', r.leadIds[0])) as {
      number: string;
    };
    expect(mails[0]!.body).toContain(first.number);
    // Anna at the desk: 3 popups and one summary for the other 4; nothing more on the next tick.
    const shown = await app.core.notifications.takeUnshown(anna, app.clock.now(), 'en');
    expect(shown.map((n) => n.kind)).toEqual(['lead_assigned', 'lead_assigned', 'lead_assigned', 'summary']);
    expect(shown[3]!.body).toBe('4 more new notifications: open the bell in ASLM Desk.');
    expect(await app.core.notifications.takeUnshown(anna, app.clock.now(), 'en')).toEqual([]);
  });
});

describe('daily digest by e-mail', () => {
  it('goes through the outbox to each manager with an address, once per day, delivered to a real SMTP server', async () => {
    const { runDailyDigest } = await import('../../electron/core/kpi/digest');
    const { digestMailer } = await import('../../electron/core/background');
    const { startSmtp } = await import('./smtpServer');
    app = openTestApp(Date.parse('2026-03-02T08:30:00Z'));
    const smtp = await startSmtp();
    try {
      await ok(app.core, 'mail.settings.set', {
        host: '127.0.0.1',
        port: smtp.port,
        tls: 'none',
        user: '',
        from: 'service@dealer.example',
        dealerMailbox: '',
      });
      await sqlRun(app.core, "UPDATE users SET email = 'manager@dealer.example', language = 'de' WHERE id = 1");
      await runDailyDigest(app.core, app.clock.now(), digestMailer(app.core));
      await runDailyDigest(app.core, app.clock.now() + 60_000, digestMailer(app.core)); // same day: nothing more
      await app.core.outbox.deliverDue(app.clock.now());
      expect(smtp.received.map((m) => m.to)).toEqual(['manager@dealer.example']);
      expect(await sqlAll(app.core, `SELECT kind, state, language FROM outbox`)).toEqual([
        { kind: 'kpi_digest', state: 'sent', language: 'de' },
      ]);
    } finally {
      await smtp.close();
    }
  });
});
