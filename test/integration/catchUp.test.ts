// Every background job with a moved clock: the PC runs on 1 March, is switched off for 10 days, and is
// switched on again on 11 March. On start-up each sweep catches up: Lost Sale, appointment expiry,
// Contact Again follow-up, the day-before reminder (sent once; one whose appointment is over expires),
// the notifications (day 45, follow-up created, appointment today). Each change exactly once, by System,
// however many times the app starts.
import { afterEach, describe, expect, it } from 'vitest';
import { startBackground } from '../../electron/core/background';
import { baseLead, ok, openTestApp, type TestApp, versionOf, sqlGet, sqlAll } from './helpers';
import { startSmtp, type TestSmtp } from './smtpServer';

let app: TestApp;
let smtp: TestSmtp;
afterEach(async () => {
  await smtp?.close();
  app?.close();
});
const at = (s: string) => Date.parse(s);

async function lead(createdAt: string, over = {}, contact = true): Promise<number> {
  app.clock.set(at(createdAt));
  const d = await ok(app.core, 'leads.create', baseLead({ leadType: 'hq_driven', ...over }));
  if (contact)
    await ok(app.core, 'leads.recordContact', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { direction: 'outbound', channel: 'phone', outcome: 'reached', verbatim: null, answer: null },
    });
  return d.lead.id;
}
async function runBackground() {
  const stop = startBackground(app.core);
  await app.core.outbox.deliverDue(app.clock.now());
  stop();
}

describe('start-up after 10 days switched off', () => {
  it('each sweep catches up once, history by System; a second and third start change nothing', async () => {
    app = openTestApp(at('2026-01-05T10:00:00+01:00'), 'Europe/Rome');
    smtp = await startSmtp();
    await ok(app.core, 'mail.settings.set', {
      host: '127.0.0.1',
      port: smtp.port,
      tls: 'none',
      user: '',
      from: 'service@dealer.example',
      dealerMailbox: 'desk@dealer.example',
    });
    const A = await lead('2026-01-05T10:00:00+01:00', {}, false); // Lost Sale due 6 March 10:00
    const B = await lead('2026-01-05T10:00:00+01:00'); // appointment 8 January → final on 9 March
    await ok(app.core, 'leads.makeAppointment', {
      id: B,
      version: await versionOf(app.core, B),
      input: { appointmentAt: at('2026-01-08T10:00:00+01:00'), sendEmail: false },
    });
    const C = await lead('2026-02-01T10:00:00+01:00'); // Contact Again on 3 March
    await ok(app.core, 'leads.contactAgain', {
      id: C,
      version: await versionOf(app.core, C),
      input: { recontactAt: at('2026-03-03T09:00:00+01:00') },
    });
    const D = await lead('2026-01-20T10:00:00+01:00', {}, false); // day 45 on 6 March
    const F = await lead('2026-02-20T10:00:00+01:00', { email: 'f@example.it' }); // appointment 12 March: reminder 11 March 09:00
    await ok(app.core, 'leads.makeAppointment', {
      id: F,
      version: await versionOf(app.core, F),
      input: { appointmentAt: at('2026-03-12T10:00:00+01:00'), sendEmail: true },
    });
    const G = await lead('2026-02-20T10:00:00+01:00', { email: 'g@example.it' }); // appointment 10 March: its reminder is over by the 11th
    await ok(app.core, 'leads.makeAppointment', {
      id: G,
      version: await versionOf(app.core, G),
      input: { appointmentAt: at('2026-03-10T10:00:00+01:00'), sendEmail: true },
    });
    const H = await lead('2026-02-20T10:00:00+01:00'); // appointment today (11 March)
    await ok(app.core, 'leads.makeAppointment', {
      id: H,
      version: await versionOf(app.core, H),
      input: { appointmentAt: at('2026-03-11T15:00:00+01:00'), sendEmail: false },
    });

    // 1 March: the app runs (confirmations go out), then the PC is switched off.
    app.clock.set(at('2026-03-01T10:00:00+01:00'));
    await runBackground();
    const confirmations = smtp.received.length;
    expect(confirmations).toBe(5); // F and G: customer + dealer; H: dealer only (B's was for 8 January: expired)
    const notesBefore = ((await sqlGet(app.core, 'SELECT count(*) AS n FROM notifications')) as { n: number }).n;

    // 11 March 10:00: switched on again, three times in a row.
    app.clock.set(at('2026-03-11T10:00:00+01:00'));
    for (let i = 0; i < 3; i++) await runBackground();

    const get = async (id: number) => ok(app.core, 'leads.get', { id });
    const sys = (h: { userId: number | null; userName: string }) => h.userId === null && h.userName === 'System';
    const a = await get(A);
    expect(a.lead.status).toBe('lost');
    const lostRows = a.history.filter(
      (h: { field: string; newValue: string }) => h.field === 'status' && h.newValue === 'lost',
    );
    expect(lostRows).toHaveLength(1);
    expect(sys(lostRows[0])).toBe(true);
    expect(lostRows[0].at).toBe(at('2026-03-06T10:00:00+01:00')); // dated when it took effect
    const b = await get(B);
    expect(b.lead.frozen).toBe(true);
    expect(b.history.filter((h: { field: string }) => h.field === 'frozen')).toHaveLength(1);
    const c = await get(C);
    expect(c.lead.followUpLeadId).not.toBeNull();
    expect(
      (
        (await sqlGet(app.core, 'SELECT count(*) AS n FROM leads WHERE master_lead_id = ?', C)) as {
          n: number;
        }
      ).n,
    ).toBe(1);
    expect(c.history.filter((h: { field: string }) => h.field === 'followUpLeadId').every(sys)).toBe(true);

    // Reminders: F's sent once to each, G's expired (its appointment is over), H's (due yesterday 09:00,
    // appointment this afternoon) sent late rather than never; nothing twice.
    const after = smtp.received.slice(confirmations);
    expect(after.map((r) => r.to).sort()).toEqual(['desk@dealer.example', 'desk@dealer.example', 'f@example.it']);
    expect(after.every((r) => /Promemoria|Tomorrow/.test(r.mail.subject ?? ''))).toBe(true);
    const states = await sqlAll(
      app.core,
      `SELECT lead_id AS l, state FROM outbox WHERE kind = 'appointment_reminder' ORDER BY lead_id, id`,
    );
    expect(states).toEqual([
      { l: B, state: 'expired' },
      { l: F, state: 'sent' },
      { l: F, state: 'sent' },
      { l: G, state: 'expired' },
      { l: G, state: 'expired' },
      { l: H, state: 'sent' },
    ]);
    const gHist = (await get(G)).history.filter(
      (h: { field: string; newValue: string }) => h.field === 'emailDelivery' && h.newValue.startsWith('expired:'),
    );
    expect(gHist).toHaveLength(2);
    expect(gHist.every(sys)).toBe(true);

    // Notifications since 1 March: each once (the desk user is the manager and no lead is assigned).
    const notes = (await sqlAll(
      app.core,
      'SELECT kind, lead_id AS l FROM notifications WHERE id > ? ORDER BY kind, lead_id',
      notesBefore,
    )) as { kind: string; l: number }[];
    const followUp = c.lead.followUpLeadId;
    expect(notes.filter((n) => n.kind !== 'kpi.digest')).toEqual([
      { kind: 'appointment_today', l: H },
      { kind: 'follow_up_created', l: followUp },
      { kind: 'lost_day45', l: D },
    ]);
    const list = await ok(app.core, 'notifications.list', { language: 'it' });
    expect(list.items.find((n: { kind: string }) => n.kind === 'lost_day45').title).toBe(
      'Giorno 45: Lost Sale in avvicinamento',
    );
  });
});
