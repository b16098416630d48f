// E-mail with a REAL SMTP server on loopback: appointment e-mails in the customer's language with a
// parsable .ics (request, update, cancel), reminders at the reminder hour, the password encrypted at rest,
// the server down (mails wait) and back (each arrives once), permanent refusals recorded with the reason.
import ICAL from 'ical.js';
import { statSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
const HOUR = 3_600_000;
const MINUTE_MS = 60_000;
import { baseLead, err, ok, openTestApp, sqlAll, sqlGet, type TestApp, versionOf } from './helpers';
import { startSmtp, type TestSmtp } from './smtpServer';

let app: TestApp;
let smtp: TestSmtp;
afterEach(async () => {
  await smtp?.close();
  app?.close();
});

const iso = (s: string) => Date.parse(s);
async function setup(start = iso('2026-03-02T09:00:00Z')) {
  app = openTestApp(start, 'Europe/Rome');
  smtp = await startSmtp();
  await ok(app.core, 'mail.settings.set', {
    host: '127.0.0.1',
    port: smtp.port,
    tls: 'none',
    user: '',
    from: 'service@dealer.example',
    dealerMailbox: 'desk@dealer.example',
  });
}
async function contactedLead(over = {}) {
  const d = await ok(app.core, 'leads.create', baseLead(over));
  return ok(app.core, 'leads.recordContact', {
    id: d.lead.id,
    version: await versionOf(app.core, d.lead.id),
    input: { direction: 'outbound', channel: 'phone', outcome: 'reached', verbatim: null, answer: null },
  });
}
const deliver = () => app.core.outbox.deliverDue(app.clock.now());
const event = (ics: string | null) => {
  const cal = new ICAL.Component(ICAL.parse(ics!));
  const ev = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
  return {
    method: cal.getFirstPropertyValue('method'),
    uid: ev.uid,
    seq: ev.sequence,
    start: ev.startDate.toJSDate().getTime(),
  };
};
const history = async (id: number) =>
  (
    (await ok(app.core, 'leads.get', { id })).history as {
      field: string;
      newValue: string;
      userName: string;
      userId: number | null;
    }[]
  ).filter((h) => h.field === 'emailDelivery');

describe('appointment e-mails through a real SMTP server', () => {
  it("the customer e-mail is the dealer's edited template (Settings → contact templates); the desk copy is unchanged", async () => {
    await setup();
    await ok(app.core, 'templates.save', {
      kind: 'appointment_confirmation',
      language: 'it',
      subject: 'Conferma {{leadNumber}} — {{dealer}}',
      body: 'Caro {{customer}},\n\nla aspettiamo il {{date}} alle {{time}}.\n\n{{dealerPhone}}',
    });
    const d = await contactedLead();
    await ok(app.core, 'leads.makeAppointment', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { appointmentAt: iso('2026-03-05T10:00:00+01:00'), sendEmail: true },
    });
    expect(await deliver()).toMatchObject({ sent: 2 });
    const cust = smtp.received.find((r) => r.to === 'mario.rossi@example.it')!;
    expect(cust.mail.subject).toMatch(new RegExp(`^Conferma ${d.lead.number} — `));
    expect(cust.mail.text).toContain('Caro Mario Rossi,');
    expect(cust.mail.text).toMatch(/la aspettiamo il giovedì 5 marzo 2026 alle 10:00\./);
    expect(cust.mail.html).toContain('<p>Caro Mario Rossi,</p>');
    expect(event(cust.ics).method).toBe('REQUEST');
    const desk = smtp.received.find((r) => r.to === 'desk@dealer.example')!;
    expect(desk.mail.subject).toMatch(/^Appointment /);
    // Restoring the default gives the standard text again.
    await ok(app.core, 'templates.reset', { kind: 'appointment_confirmation', language: 'it' });
    await ok(app.core, 'leads.makeAppointment', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { appointmentAt: iso('2026-03-06T10:00:00+01:00'), sendEmail: true },
    });
    await deliver();
    const again = smtp.received.filter((r) => r.to === 'mario.rossi@example.it').at(-1)!;
    expect(again.mail.subject).toMatch(/appuntamento .* è confermato/);
    expect(again.mail.text).toContain('Gentile Mario Rossi');
  });

  it('confirmation, reschedule (same UID, higher SEQUENCE, old reminder cancelled), reminder at the hour, cancel on close', async () => {
    await setup();
    const d = await contactedLead();
    const id = d.lead.id;
    const first = iso('2026-03-05T10:00:00+01:00');
    await ok(app.core, 'leads.makeAppointment', {
      id,
      version: await versionOf(app.core, id),
      input: { appointmentAt: first, sendEmail: true },
    });
    expect(await deliver()).toMatchObject({ sent: 2 });
    const cust = smtp.received.find((r) => r.to === 'mario.rossi@example.it')!;
    expect(cust.mail.subject).toMatch(/appuntamento .* è confermato/);
    expect(cust.mail.text).toContain('Gentile Mario Rossi');
    expect(cust.mail.html).toContain('<p>Gentile Mario Rossi,</p>');
    expect(event(cust.ics)).toEqual({
      method: 'REQUEST',
      uid: `lead-${id}-appointment@aslm-desk.local`,
      seq: 0,
      start: first,
    });
    const desk = smtp.received.find((r) => r.to === 'desk@dealer.example')!;
    expect(desk.mail.subject).toMatch(/^Appointment /); // the desk's language (English)
    expect(event(desk.ics).seq).toBe(0);

    // Reschedule: the planned reminders (4 March 09:00 Rome) are cancelled, new ones for 5 March 09:00.
    app.clock.advance(HOUR);
    const second = iso('2026-03-06T11:00:00+01:00');
    await ok(app.core, 'leads.makeAppointment', {
      id,
      version: await versionOf(app.core, id),
      input: { appointmentAt: second, sendEmail: true },
    });
    const rows = await sqlAll<{ state: string; dueAt: number }>(
      app.core,
      `SELECT kind, state, due_at AS "dueAt" FROM outbox WHERE kind = 'appointment_reminder' ORDER BY id`,
    );
    expect(rows.map((r) => [r.state, new Date(r.dueAt).toISOString()])).toEqual([
      ['cancelled', '2026-03-04T08:00:00.000Z'],
      ['cancelled', '2026-03-04T08:00:00.000Z'],
      ['queued', '2026-03-05T08:00:00.000Z'],
      ['queued', '2026-03-05T08:00:00.000Z'],
    ]);
    expect(await deliver()).toMatchObject({ sent: 2 });
    const upd = smtp.received.slice(2).map((r) => event(r.ics));
    expect(upd).toEqual([
      { method: 'REQUEST', uid: `lead-${id}-appointment@aslm-desk.local`, seq: 1, start: second },
      { method: 'REQUEST', uid: `lead-${id}-appointment@aslm-desk.local`, seq: 1, start: second },
    ]);

    // 4 March 09:00 (the old reminder's time): nothing goes out. 5 March 09:00: the new reminders.
    app.clock.set(iso('2026-03-04T09:30:00+01:00'));
    expect(await deliver()).toMatchObject({ sent: 0 });
    app.clock.set(iso('2026-03-05T09:00:00+01:00'));
    expect(await deliver()).toMatchObject({ sent: 2 });
    const reminder = smtp.received.at(-2)!;
    expect(reminder.mail.subject).toMatch(/^Promemoria/);
    expect(event(reminder.ics).seq).toBe(1);

    // Closed No Sale: METHOD:CANCEL with a higher SEQUENCE to both.
    await ok(app.core, 'leads.closedNoSale', {
      id,
      version: await versionOf(app.core, id),
      input: { reason: 'customer_refuses', notes: null, endOfOwnership: null },
    });
    expect(await deliver()).toMatchObject({ sent: 2 });
    const cancels = smtp.received.slice(-2);
    expect(cancels.map((r) => event(r.ics))).toEqual([
      { method: 'CANCEL', uid: `lead-${id}-appointment@aslm-desk.local`, seq: 2, start: second },
      { method: 'CANCEL', uid: `lead-${id}-appointment@aslm-desk.local`, seq: 2, start: second },
    ]);
    expect(cancels.find((r) => r.to === 'mario.rossi@example.it')!.mail.subject).toMatch(/annullato/);

    // Each e-mail arrived once; every state change is in the lead's history, by System.
    expect(new Set(smtp.received.map((r) => r.messageId)).size).toBe(smtp.received.length);
    expect(smtp.received).toHaveLength(8);
    const h = await history(id);
    expect(h.every((r) => r.userId === null && r.userName === 'System')).toBe(true);
    expect(h.filter((r) => r.newValue.startsWith('sent:'))).toHaveLength(8);
    expect(h.filter((r) => r.newValue.startsWith('cancelled:'))).toHaveLength(2);
    expect(h.filter((r) => r.newValue.startsWith('queued:'))).toHaveLength(10);
  });

  it('Contact Again cancels the invitation; without the flag only the dealer mailbox is invited', async () => {
    await setup();
    const a = await contactedLead({ language: 'de', email: 'hans@example.de', firstName: 'Hans', lastName: 'Müller' });
    await ok(app.core, 'leads.makeAppointment', {
      id: a.lead.id,
      version: await versionOf(app.core, a.lead.id),
      input: { appointmentAt: iso('2026-03-10T15:00:00+01:00'), sendEmail: true },
    });
    await deliver();
    expect(smtp.received.find((r) => r.to === 'hans@example.de')!.mail.subject).toMatch(
      /Ihr Termin am .* ist bestätigt/,
    );
    await ok(app.core, 'leads.contactAgain', {
      id: a.lead.id,
      version: await versionOf(app.core, a.lead.id),
      input: { recontactAt: iso('2026-04-10T09:00:00+02:00') },
    });
    await deliver();
    const c = smtp.received.filter((r) => r.ics && event(r.ics).method === 'CANCEL');
    expect(c.map((r) => r.to).sort()).toEqual(['desk@dealer.example', 'hans@example.de']);
    expect(c.find((r) => r.to === 'hans@example.de')!.mail.subject).toMatch(/abgesagt/);

    const b = await contactedLead({ language: 'fr', email: 'jean@example.fr' });
    const before = smtp.received.length;
    await ok(app.core, 'leads.makeAppointment', {
      id: b.lead.id,
      version: await versionOf(app.core, b.lead.id),
      input: { appointmentAt: iso('2026-03-12T15:00:00+01:00'), sendEmail: false },
    });
    await deliver();
    expect(smtp.received.slice(before).map((r) => r.to)).toEqual(['desk@dealer.example']);
  });

  it('server down: the e-mails wait in the outbox, then arrive once when it is back', async () => {
    await setup();
    await smtp.stop();
    const d = await contactedLead();
    await ok(app.core, 'leads.makeAppointment', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { appointmentAt: iso('2026-03-09T10:00:00+01:00'), sendEmail: true },
    });
    for (let i = 0; i < 3; i++) {
      const r = await deliver();
      expect(r).toMatchObject({ sent: 0, waiting: true });
      app.clock.advance(20 * MINUTE_MS);
    }
    const waiting = await sqlAll<{ state: string; attempts: number; e: string }>(
      app.core,
      `SELECT state, attempts, last_error AS e FROM outbox WHERE kind = 'appointment_confirmation' ORDER BY id`,
    );
    expect(waiting.map((w) => w.state)).toEqual(['queued', 'queued']);
    expect(waiting[0]!.attempts).toBe(0); // an unreachable server is not the message's fault
    expect(waiting[0]!.e).toMatch(/ECONNREFUSED|connect/i);
    await smtp.start();
    app.clock.advance(20 * MINUTE_MS);
    expect(await deliver()).toMatchObject({ sent: 2 });
    app.clock.advance(20 * MINUTE_MS);
    expect(await deliver()).toMatchObject({ sent: 0 });
    expect(smtp.received.map((r) => r.to).sort()).toEqual(['desk@dealer.example', 'mario.rossi@example.it']);
    const h = await history(d.lead.id);
    expect(h.some((r) => r.newValue.startsWith('queued:') && /ECONNREFUSED|connect/i.test(r.newValue))).toBe(true);
  });

  it('a refused recipient fails at once with the server reason; retry queues it again', async () => {
    await setup();
    smtp.reject = (to) => (to === 'mario.rossi@example.it' ? 'Mailbox unavailable: no such user' : null);
    const d = await contactedLead();
    await ok(app.core, 'leads.makeAppointment', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { appointmentAt: iso('2026-03-09T10:00:00+01:00'), sendEmail: true },
    });
    expect(await deliver()).toMatchObject({ sent: 1, failed: 1 });
    const list = await ok(app.core, 'mail.outbox.list', { leadId: d.lead.id });
    const failed = list.items.find((i: { state: string }) => i.state === 'failed');
    expect(failed.lastError).toMatch(/550.*no such user/);
    expect(
      (await history(d.lead.id)).some((h) => h.newValue.startsWith('failed:') && h.newValue.includes('no such user')),
    ).toBe(true);
    smtp.reject = undefined;
    expect((await ok(app.core, 'mail.outbox.retry', { id: failed.id })).state).toBe('queued');
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect((await err(app.core, 'mail.outbox.retry', { id: failed.id })).code).toBe('OUTBOX_NOT_FAILED');
  });
});

describe('retries', () => {
  it('a 4xx answer is retried with exponential backoff, then delivered once', async () => {
    await setup();
    smtp.reject = () => 'Greylisted, try again later';
    smtp.rejectCode = 451;
    const d = await contactedLead();
    await ok(app.core, 'leads.makeAppointment', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { appointmentAt: iso('2026-03-09T10:00:00+01:00'), sendEmail: false },
    });
    expect(await deliver()).toMatchObject({ sent: 0, deferred: 1 });
    const row = async () =>
      (await sqlGet<{ state: string; attempts: number; next: number; e: string }>(
        app.core,
        `SELECT state, attempts, next_attempt_at AS next, last_error AS e FROM outbox WHERE kind = 'appointment_confirmation'`,
      ))!;
    expect(await row()).toMatchObject({ state: 'queued', attempts: 1, next: app.clock.now() + MINUTE_MS });
    expect((await row()).e).toMatch(/451.*Greylisted/);
    app.clock.advance(MINUTE_MS);
    expect(await deliver()).toMatchObject({ deferred: 1 });
    expect(await row()).toMatchObject({ attempts: 2, next: app.clock.now() + 2 * MINUTE_MS });
    app.clock.advance(MINUTE_MS);
    expect(await deliver()).toMatchObject({ sent: 0, deferred: 0 }); // not due yet
    smtp.reject = undefined;
    app.clock.advance(MINUTE_MS);
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(await row()).toMatchObject({ state: 'sent', attempts: 3 });
    expect(smtp.received).toHaveLength(1);
  });
});

describe('SMTP settings and the password', () => {
  it('is stored encrypted (key file 0600 beside the database), never returned; the test e-mail logs in', async () => {
    app = openTestApp();
    smtp = await startSmtp({ user: 'desk', pass: 'S3cret-pässword' });
    const out = await ok(app.core, 'mail.settings.set', {
      host: '127.0.0.1',
      port: smtp.port,
      tls: 'none',
      user: 'desk',
      password: 'S3cret-pässword',
      from: 'service@dealer.example',
      dealerMailbox: '',
    });
    expect(out).toMatchObject({ passwordSet: true, secretStore: 'keyFile' });
    expect(JSON.stringify(out)).not.toContain('S3cret');
    expect(JSON.stringify(await ok(app.core, 'mail.settings.get', {}))).not.toContain('S3cret');
    const dump = JSON.stringify(await sqlAll(app.core, 'SELECT key, value FROM settings'));
    expect(dump).toContain('mail.smtp');
    expect(dump).not.toContain('S3cret');
    if (app.core.data.kind === 'sqlite') {
      // SQLite: not in the file's bytes either (its WAL written back first).
      app.core.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      expect(readFileSync(app.dbPath).includes(Buffer.from('S3cret'))).toBe(false);
    }
    expect(statSync(app.keyFile).mode & 0o777).toBe(0o600);

    const r = await ok(app.core, 'mail.test', { to: 'boss@dealer.example' });
    expect(r.to).toBe('boss@dealer.example');
    expect(smtp.received[0]!.mail.subject).toBe('ASLM Desk — test e-mail');
    // Keep the password when none is typed; a wrong one gives the server's reason, translated code.
    await ok(app.core, 'mail.settings.set', {
      host: '127.0.0.1',
      port: smtp.port,
      tls: 'none',
      user: 'desk',
      from: 'service@dealer.example',
      dealerMailbox: '',
    });
    await ok(app.core, 'mail.test', { to: 'boss@dealer.example' });
    await ok(app.core, 'mail.settings.set', {
      host: '127.0.0.1',
      port: smtp.port,
      tls: 'none',
      user: 'desk',
      password: 'wrong',
      from: 'service@dealer.example',
      dealerMailbox: '',
    });
    const e = await err(app.core, 'mail.test', { to: 'boss@dealer.example' });
    expect(e.code).toBe('SMTP_AUTH_FAILED');
    expect(String(e.params?.reason)).toMatch(/Invalid username or password/);
  });

  it('"Send test e-mail" uses the values on screen, saved or not (the typed password, else the stored one)', async () => {
    app = openTestApp();
    smtp = await startSmtp({ user: 'desk', pass: 'S3cret' });
    // Saved: a wrong port and a wrong password. On screen: the right server, the right password typed.
    await ok(app.core, 'mail.settings.set', {
      host: '127.0.0.1',
      port: 1,
      tls: 'none',
      user: 'desk',
      password: 'old',
      from: 'old@dealer.example',
      dealerMailbox: '',
    });
    const account = {
      host: '127.0.0.1',
      port: smtp.port,
      tls: 'none',
      user: 'desk',
      from: 'new@dealer.example',
      dealerMailbox: '',
    };
    await ok(app.core, 'mail.test', { to: 'boss@dealer.example', account: { ...account, password: 'S3cret' } });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.mail.from?.text).toContain('new@dealer.example');
    // Nothing was saved by the test.
    expect(await ok(app.core, 'mail.settings.get', {})).toMatchObject({ port: 1, from: 'old@dealer.example' });
    // The password left empty on screen: the stored one is used (here the wrong one → refused, in words).
    expect(
      (await err(app.core, 'mail.test', { to: 'boss@dealer.example', account: { ...account, password: '' } })).code,
    ).toBe('SMTP_AUTH_FAILED');
    await ok(app.core, 'mail.settings.set', { ...account, password: 'S3cret' });
    await ok(app.core, 'mail.test', { to: 'boss@dealer.example', account });
    expect(smtp.received).toHaveLength(2);
  });

  it('a refused connection is explained in words, with host and port, and the raw reply kept', async () => {
    app = openTestApp();
    smtp = await startSmtp();
    const port = smtp.port;
    await smtp.stop();
    const e = await err(app.core, 'mail.test', {
      to: 'boss@dealer.example',
      account: { host: '127.0.0.1', port, tls: 'none', user: '', from: 'service@dealer.example', dealerMailbox: '' },
    });
    expect(e).toMatchObject({ code: 'SMTP_CONNECTION_REFUSED', params: { host: '127.0.0.1', port } });
    expect(String(e.params?.reason)).toMatch(/ECONNREFUSED/);
  });

  it('refuses bad input with a field and a translated code', async () => {
    app = openTestApp();
    expect(
      await err(app.core, 'mail.settings.set', {
        host: 'smtp.x.com',
        port: 25,
        tls: 'none',
        user: '',
        from: 'not-an-address',
        dealerMailbox: '',
      }),
    ).toMatchObject({ code: 'EMAIL_INVALID', field: 'from' });
    expect(
      await err(app.core, 'mail.settings.set', {
        host: 'smtp x',
        port: 25,
        tls: 'none',
        user: '',
        from: '',
        dealerMailbox: '',
      }),
    ).toMatchObject({ code: 'SMTP_HOST_INVALID', field: 'host' });
    expect(
      (
        await err(app.core, 'mail.settings.set', {
          host: 'h',
          port: 0,
          tls: 'none',
          user: '',
          from: '',
          dealerMailbox: '',
        })
      ).code,
    ).toBe('INVALID_INPUT');
    expect((await err(app.core, 'mail.test', { to: 'x@y.z' })).code).toBe('SMTP_NOT_CONFIGURED');
  });
});
