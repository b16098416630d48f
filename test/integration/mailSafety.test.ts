// E-mail safety (issue 4: nothing lost, nothing sent twice) with a REAL SMTP server on loopback: an erased
// customer's e-mails are cancelled and never hold up the others; a reschedule during a send keeps the old
// mail cancelled; appointment cancellations go only to who knows the appointment, once per address.
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { toSendError } from '../../electron/core/mail/smtp';
import { baseLead, ok, openTestApp, type TestApp, versionOf, sqlAll } from './helpers';
import { startSmtp, type TestSmtp } from './smtpServer';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let app: TestApp;
let smtp: TestSmtp;
afterEach(async () => {
  await smtp?.close();
  app?.close();
});

const iso = (s: string) => Date.parse(s);
async function setup(dealerMailbox = 'desk@dealer.example') {
  app = openTestApp(iso('2026-03-02T09:00:00Z'), 'Europe/Rome');
  smtp = await startSmtp();
  await ok(app.core, 'mail.settings.set', {
    host: '127.0.0.1',
    port: smtp.port,
    tls: 'none',
    user: '',
    from: 'service@dealer.example',
    dealerMailbox,
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
// As the background delivers: the clock read at each step (a test moves it while a send is held).
const deliver = () => app.core.outbox.deliverDue(() => app.clock.now());
const rows = async (where = '1 = 1') =>
  (await sqlAll(
    app.core,
    `SELECT id, lead_id AS "leadId", kind, state, to_address AS "to", message_id AS "messageId",
  last_error AS "lastError", dedupe_key AS "dedupeKey" FROM outbox WHERE ${where} ORDER BY id`,
  )) as {
    id: number;
    leadId: number;
    kind: string;
    state: string;
    to: string;
    messageId: string;
    lastError: string | null;
    dedupeKey: string;
  }[];
const method = (ics: string | null) => new ICAL.Component(ICAL.parse(ics!)).getFirstPropertyValue('method');
const mailHistory = async (id: number) =>
  (
    (await ok(app.core, 'leads.get', { id })).history as {
      field: string;
      oldValue: string | null;
      newValue: string;
      userId: number | null;
    }[]
  ).filter((h) => h.field === 'emailDelivery');

describe('toSendError', () => {
  it('a message nodemailer refuses before any server answer (EENVELOPE/EMESSAGE, no code) is permanent for it, not an account problem', () => {
    expect(toSendError({ code: 'EENVELOPE', message: 'No recipients defined' }).errorClass).toBe('permanent');
    expect(toSendError({ code: 'EMESSAGE', message: 'Invalid message' }).errorClass).toBe('permanent');
    expect(toSendError({ code: 'EENVELOPE', responseCode: 451, response: '451 later' }).errorClass).toBe('transient');
    expect(toSendError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }).errorClass).toBe('account');
  });
});

describe('erasure and the outbox', () => {
  it("erasing a customer cancels their queued e-mails (history without personal data); another lead's mail is still delivered", async () => {
    await setup('');
    const erased = await contactedLead();
    await ok(app.core, 'leads.makeAppointment', {
      id: erased.lead.id,
      version: await versionOf(app.core, erased.lead.id),
      input: { appointmentAt: iso('2026-03-09T10:00:00+01:00'), sendEmail: true },
    });
    expect((await rows(`lead_id = ${erased.lead.id}`)).map((r) => r.state)).toEqual(['queued', 'queued']);
    await ok(app.core, 'customers.erase', { id: erased.lead.customerId, confirm: true });
    expect((await rows(`lead_id = ${erased.lead.id}`)).map((r) => [r.state, r.to, r.lastError])).toEqual([
      ['cancelled', '', 'reason:erased'],
      ['cancelled', '', 'reason:erased'],
    ]);
    const h = (await mailHistory(erased.lead.id)).filter((x) => x.newValue.startsWith('cancelled:'));
    expect(h).toHaveLength(2);
    expect(h.every((x) => x.userId === null && !/mario|rossi|example\.it/i.test(x.newValue))).toBe(true);

    const other = await contactedLead({ firstName: 'Anna', lastName: 'Verdi', email: 'anna.verdi@example.it' });
    await ok(app.core, 'leads.makeAppointment', {
      id: other.lead.id,
      version: await versionOf(app.core, other.lead.id),
      input: { appointmentAt: iso('2026-03-09T11:00:00+01:00'), sendEmail: true },
    });
    expect(await deliver()).toMatchObject({ sent: 1, waiting: false });
    expect(smtp.received.map((r) => r.to)).toEqual(['anna.verdi@example.it']);
  });

  it('a row with no address fails on its own and never stops the run for the others', async () => {
    await setup('');
    const now = app.clock.now();
    await app.core.data.tx(async (r) => {
      await app.core.outbox.enqueue(
        r,
        { dedupeKey: 'bad', leadId: null, kind: 'test', to: '', language: 'en', subject: 'x', text: 'x', dueAt: now },
        now,
      );
      await app.core.outbox.enqueue(
        r,
        {
          dedupeKey: 'good',
          leadId: null,
          kind: 'test',
          to: 'ok@example.com',
          language: 'en',
          subject: 'y',
          text: 'y',
          dueAt: now,
        },
        now,
      );
    });
    expect(await deliver()).toMatchObject({ sent: 1, failed: 1, waiting: false });
    expect((await rows()).map((r) => [r.dedupeKey, r.state])).toEqual([
      ['bad', 'failed'],
      ['good', 'sent'],
    ]);
    expect(smtp.received.map((r) => r.to)).toEqual(['ok@example.com']);
  });
});

/**
 * Starts a delivery whose SMTP answer (a 451) is held until release(): resolves once the server has the message,
 * i.e. while the outbox row is 'sending'. Call `smtp.beforeAnswer = undefined; release(); await run;` to finish.
 */
async function holdAnswer(): Promise<{ run: ReturnType<typeof deliver>; release: () => void }> {
  let arrived!: () => void;
  const inFlight = new Promise<void>((r) => {
    arrived = r;
  });
  let release!: () => void;
  smtp.beforeAnswer = () => {
    arrived();
    return new Promise<void>((r) => {
      release = r;
    });
  };
  smtp.dataReject = { code: 451, text: 'Try again later' };
  const run = deliver();
  await inFlight;
  return { run, release };
}

describe('cancellation while a mail is being sent', () => {
  it('a reschedule between the claim and a 4xx answer: the old confirmation stays cancelled and is never sent again', async () => {
    await setup();
    const d = await contactedLead();
    const id = d.lead.id;
    await ok(app.core, 'leads.makeAppointment', {
      id,
      version: await versionOf(app.core, id),
      input: { appointmentAt: iso('2026-03-09T10:00:00+01:00'), sendEmail: false },
    });
    const old = (await rows(`kind = 'appointment_confirmation'`))[0]!;
    const { run, release } = await holdAnswer(); // the server has the message, the answer is held: the row is 'sending'
    expect((await rows(`id = ${old.id}`))[0]!.state).toBe('sending');
    await ok(app.core, 'leads.makeAppointment', {
      id,
      version: await versionOf(app.core, id),
      input: { appointmentAt: iso('2026-03-10T10:00:00+01:00'), sendEmail: false },
    });
    expect((await rows(`id = ${old.id}`))[0]!.state).toBe('cancelled');
    smtp.beforeAnswer = undefined;
    release();
    await run;
    expect((await rows(`id = ${old.id}`))[0]).toMatchObject({ state: 'cancelled', lastError: 'reason:rescheduled' });
    smtp.dataReject = null;
    for (let i = 0; i < 3; i++) {
      app.clock.advance(10 * MINUTE);
      await deliver();
    }
    expect(smtp.received.filter((r) => r.messageId === old.messageId)).toHaveLength(1); // only the refused attempt
    expect((await rows(`kind = 'appointment_confirmation'`)).map((r) => r.state)).toEqual(['cancelled', 'sent']);
    const h = await mailHistory(id);
    expect(h.some((x) => x.oldValue === 'sending' && x.newValue.startsWith('cancelled:'))).toBe(true);
    expect(h.filter((x) => x.newValue.startsWith('queued:') && x.newValue.includes('Try again'))).toHaveLength(0);
  });

  it('a close during the send: the reminder planned stays cancelled even when the send of the confirmation fails', async () => {
    await setup();
    const d = await contactedLead();
    await ok(app.core, 'leads.makeAppointment', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { appointmentAt: iso('2026-03-09T10:00:00+01:00'), sendEmail: false },
    });
    const conf = (await rows(`kind = 'appointment_confirmation'`))[0]!;
    const { run, release } = await holdAnswer();
    await ok(app.core, 'leads.closedNoSale', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { reason: 'customer_refuses', notes: null, endOfOwnership: null },
    });
    smtp.beforeAnswer = undefined;
    release();
    await run;
    smtp.dataReject = null;
    app.clock.advance(HOUR);
    await deliver();
    expect((await rows(`id = ${conf.id}`))[0]!.state).toBe('cancelled');
    expect(smtp.received.filter((r) => r.messageId === conf.messageId)).toHaveLength(1);
    // Nobody received the invitation (the only attempt was refused): no CANCEL either.
    expect(smtp.received.filter((r) => r.ics && method(r.ics) === 'CANCEL')).toHaveLength(0);
    expect(await rows(`kind = 'appointment_cancellation'`)).toEqual([]);
  });
});

/** The answer held as holdAnswer's, then the server accepts the message (250): the row is recorded sent. */
async function acceptHeld(held: Awaited<ReturnType<typeof holdAnswer>>) {
  smtp.beforeAnswer = undefined;
  smtp.dataReject = null;
  held.release();
  await held.run;
}
const vevent = (ics: string) => {
  const ev = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
  return {
    uid: ev.getFirstPropertyValue('uid'),
    seq: Number(ev.getFirstPropertyValue('sequence')),
    start: (ev.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime(),
  };
};
const byMessage = (messageId: string) => smtp.received.find((r) => r.messageId === messageId)!;
const requestsTo = () =>
  [...new Set(smtp.received.filter((r) => r.ics && method(r.ics) === 'REQUEST').map((r) => r.to))].sort();

describe('an invitation the server accepts after a cancellation caught it while it was being sent', () => {
  const AT = iso('2026-03-09T10:00:00+01:00');
  async function booked(sendEmail = true) {
    await setup();
    const d = await contactedLead();
    await ok(app.core, 'leads.makeAppointment', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { appointmentAt: AT, sendEmail },
    });
    const invitation = (await rows(`kind = 'appointment_confirmation'`))[0]!;
    return { id: d.lead.id, invitation };
  }

  it('a close during the send, then the server accepts: recorded sent, and its CANCEL (same UID, higher SEQUENCE) queued and delivered', async () => {
    const { id, invitation } = await booked();
    expect(invitation.to).toBe('mario.rossi@example.it');
    const held = await holdAnswer();
    await ok(app.core, 'leads.closedNoSale', {
      id,
      version: await versionOf(app.core, id),
      input: { reason: 'customer_refuses', notes: null, endOfOwnership: null },
    });
    // The cancellation caught the row being sent: nothing looked received, nothing withdrawn yet.
    expect((await rows(`id = ${invitation.id}`))[0]!.state).toBe('cancelled');
    expect(await rows(`kind = 'appointment_cancellation'`)).toEqual([]);
    await acceptHeld(held);
    expect((await rows(`id = ${invitation.id}`))[0]!.state).toBe('sent');
    // Every address that received the invitation gets its CANCEL, no other: the customer's (held, then accepted);
    // on PostgreSQL the dealer's too (claimed in the same batch, so sent after the close as well).
    const invited = requestsTo();
    expect(invited).toContain('mario.rossi@example.it');
    const cancels = await rows(`kind = 'appointment_cancellation'`);
    expect(cancels.map((r) => r.to).sort()).toEqual(invited);
    expect(cancels.map((r) => r.state)).toEqual(invited.map(() => 'queued'));
    const h = await mailHistory(id);
    expect(h.filter((x) => x.oldValue === 'cancelled' && x.newValue.startsWith('sent: '))).toHaveLength(invited.length);
    expect(
      h.filter((x) => x.newValue.startsWith('queued: ') && x.newValue.endsWith('(reason:sentAfterCancel)')),
    ).toHaveLength(invited.length);
    await deliver();
    for (const c of cancels) {
      const cancel = byMessage(c.messageId);
      expect(method(cancel.ics)).toBe('CANCEL');
      const sent = vevent(smtp.received.find((r) => r.to === c.to && method(r.ics) === 'REQUEST')!.ics!);
      expect(vevent(cancel.ics!)).toMatchObject({ uid: sent.uid, start: AT });
      expect(vevent(cancel.ics!).seq).toBeGreaterThan(sent.seq);
    }
    expect((await rows(`kind = 'appointment_cancellation'`)).map((r) => r.state)).toEqual(invited.map(() => 'sent'));
    // SQLite: the dealer's invitation was still queued at the close — never sent, nothing to withdraw there.
    if (app.core.data.kind === 'sqlite') expect(invited).toEqual(['mario.rossi@example.it']);
  });

  it('a reschedule with the e-mail during the send: no CANCEL, the new invitation carries the higher SEQUENCE though the old one was accepted after it was queued', async () => {
    const { id, invitation } = await booked();
    const held = await holdAnswer();
    const later = iso('2026-03-10T10:00:00+01:00');
    await ok(app.core, 'leads.makeAppointment', {
      id,
      version: await versionOf(app.core, id),
      input: { appointmentAt: later, sendEmail: true },
    });
    await acceptHeld(held);
    expect((await rows(`id = ${invitation.id}`))[0]!.state).toBe('sent');
    await deliver();
    expect(await rows(`kind = 'appointment_cancellation'`)).toEqual([]);
    const toCustomer = smtp.received.filter((r) => r.to === 'mario.rossi@example.it').map((r) => vevent(r.ics!));
    expect(toCustomer.map((e) => e.start)).toEqual([AT, later]);
    expect(toCustomer[1]!.uid).toBe(toCustomer[0]!.uid);
    expect(toCustomer[1]!.seq).toBeGreaterThan(toCustomer[0]!.seq);
  });

  it('a reschedule without the e-mail during the send: the old time withdrawn from the customer once accepted; the dealer gets the new time', async () => {
    const { id, invitation } = await booked();
    const held = await holdAnswer();
    const later = iso('2026-03-10T10:00:00+01:00');
    await ok(app.core, 'leads.makeAppointment', {
      id,
      version: await versionOf(app.core, id),
      input: { appointmentAt: later, sendEmail: false },
    });
    expect(await rows(`kind = 'appointment_cancellation'`)).toEqual([]);
    await acceptHeld(held);
    await deliver();
    const cancels = await rows(`kind = 'appointment_cancellation'`);
    expect(cancels.map((r) => [r.to, r.state])).toEqual([['mario.rossi@example.it', 'sent']]);
    const cancel = vevent(byMessage(cancels[0]!.messageId).ics!);
    const old = vevent(byMessage(invitation.messageId).ics!);
    expect(cancel).toMatchObject({ uid: old.uid, start: AT });
    expect(cancel.seq).toBeGreaterThan(old.seq);
    // The dealer mailbox holds the new time: its latest invitation (on PostgreSQL the old one too, claimed in the same
    // batch and accepted after the reschedule — the new one's higher SEQUENCE replaces it).
    const dealer = smtp.received.filter((r) => r.to === 'desk@dealer.example').map((r) => vevent(r.ics!));
    expect(dealer.map((e) => e.start)).toContain(later);
    expect(dealer.reduce((a, b) => (b.seq > a.seq ? b : a)).start).toBe(later);
    expect(smtp.received.filter((r) => r.to === 'desk@dealer.example' && method(r.ics) === 'CANCEL')).toEqual([]);
  });

  it('a close during the send of an appointment already past: recorded sent, nothing to withdraw', async () => {
    const { id, invitation } = await booked();
    const held = await holdAnswer();
    app.clock.set(AT + HOUR);
    await ok(app.core, 'leads.closedNoSale', {
      id,
      version: await versionOf(app.core, id),
      input: { reason: 'customer_refuses', notes: null, endOfOwnership: null },
    });
    await acceptHeld(held);
    expect((await rows(`id = ${invitation.id}`))[0]!.state).toBe('sent');
    expect(await rows(`kind = 'appointment_cancellation'`)).toEqual([]);
  });
});

describe('appointment cancellations go to who knows the appointment, once per address', () => {
  const cancelsTo = () =>
    smtp.received
      .filter((r) => r.ics && method(r.ics) === 'CANCEL')
      .map((r) => r.to)
      .sort();

  it('after a reschedule without the e-mail flag (the customer got a CANCEL), a close cancels only for the dealer mailbox', async () => {
    await setup();
    const d = await contactedLead();
    await ok(app.core, 'leads.makeAppointment', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { appointmentAt: iso('2026-03-09T10:00:00+01:00'), sendEmail: true },
    });
    await deliver();
    await ok(app.core, 'leads.makeAppointment', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { appointmentAt: iso('2026-03-10T10:00:00+01:00'), sendEmail: false },
    });
    await deliver();
    expect(cancelsTo()).toEqual(['mario.rossi@example.it']);
    await ok(app.core, 'leads.closedNoSale', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { reason: 'customer_refuses', notes: null, endOfOwnership: null },
    });
    await deliver();
    expect(cancelsTo()).toEqual(['desk@dealer.example', 'mario.rossi@example.it']);
  });

  it('a reschedule without the flag sends no CANCEL for a previous appointment already past', async () => {
    await setup();
    const d = await contactedLead();
    await ok(app.core, 'leads.makeAppointment', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { appointmentAt: iso('2026-03-03T10:00:00+01:00'), sendEmail: true },
    });
    await deliver();
    app.clock.set(iso('2026-03-04T09:00:00+01:00')); // the first appointment is over (the customer did not come)
    await ok(app.core, 'leads.makeAppointment', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { appointmentAt: iso('2026-03-10T10:00:00+01:00'), sendEmail: false },
    });
    await deliver();
    expect(cancelsTo()).toEqual([]);
    expect(await rows(`kind = 'appointment_cancellation'`)).toHaveLength(0);
  });

  it("the customer's address changed between bookings: both addresses get the cancellation", async () => {
    await setup('');
    const d = await contactedLead();
    await ok(app.core, 'leads.makeAppointment', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { appointmentAt: iso('2026-03-09T10:00:00+01:00'), sendEmail: true },
    });
    await deliver();
    const lead = await ok(app.core, 'leads.edit', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { email: 'mario.new@example.it' },
    });
    await ok(app.core, 'leads.makeAppointment', {
      id: d.lead.id,
      version: lead.lead.version,
      input: { appointmentAt: iso('2026-03-10T10:00:00+01:00'), sendEmail: true },
    });
    await deliver();
    await ok(app.core, 'leads.closedNoSale', {
      id: d.lead.id,
      version: await versionOf(app.core, d.lead.id),
      input: { reason: 'customer_refuses', notes: null, endOfOwnership: null },
    });
    await deliver();
    expect(cancelsTo()).toEqual(['mario.new@example.it', 'mario.rossi@example.it']);
  });
});

describe('reasons are stored as tokens the screens translate (never a bare id)', () => {
  it('no mail server: code:SMTP_NOT_CONFIGURED; a close: status:closed_no_sale; Contact Again: reason:contactAgain', async () => {
    app = openTestApp(iso('2026-03-02T09:00:00Z'), 'Europe/Rome');
    const a = await contactedLead();
    await ok(app.core, 'leads.makeAppointment', {
      id: a.lead.id,
      version: await versionOf(app.core, a.lead.id),
      input: { appointmentAt: iso('2026-03-09T10:00:00+01:00'), sendEmail: true },
    });
    expect(await deliver()).toMatchObject({ sent: 0, waiting: true });
    expect((await rows(`kind = 'appointment_confirmation'`))[0]!.lastError).toBe('code:SMTP_NOT_CONFIGURED');
    expect((await mailHistory(a.lead.id)).some((h) => h.newValue.endsWith('(code:SMTP_NOT_CONFIGURED)'))).toBe(true);
    await ok(app.core, 'leads.closedNoSale', {
      id: a.lead.id,
      version: await versionOf(app.core, a.lead.id),
      input: { reason: 'customer_refuses', notes: null, endOfOwnership: null },
    });
    expect((await rows(`lead_id = ${a.lead.id}`)).map((r) => r.lastError)).toEqual([
      'status:closed_no_sale',
      'status:closed_no_sale',
    ]);
    const b = await contactedLead({ email: 'b@example.it' });
    await ok(app.core, 'leads.makeAppointment', {
      id: b.lead.id,
      version: await versionOf(app.core, b.lead.id),
      input: { appointmentAt: iso('2026-03-09T10:00:00+01:00'), sendEmail: true },
    });
    await ok(app.core, 'leads.contactAgain', {
      id: b.lead.id,
      version: await versionOf(app.core, b.lead.id),
      input: { recontactAt: iso('2026-04-10T09:00:00+02:00') },
    });
    expect((await rows(`lead_id = ${b.lead.id}`)).map((r) => r.lastError)).toEqual([
      'reason:contactAgain',
      'reason:contactAgain',
    ]);
  });
});
