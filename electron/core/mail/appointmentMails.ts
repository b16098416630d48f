// Appointment e-mails (docs/rules.md §3), written to the outbox by the rule effects, inside the action's
// transaction: a confirmation at once and a reminder the day before at the reminder hour, to the customer
// (when the flag is set and an address exists) and to the dealer mailbox, each with an .ics invitation
// (stable UID per lead, SEQUENCE increasing with every change). A reschedule cancels the queued reminder
// and plans the new one; closing the lead (or Contact Again) sends METHOD:CANCEL to whoever was invited — and so does
// an invitation the server accepted after a cancellation had caught it being sent (calendarHolders.ts decides who).
import { createHash } from 'node:crypto';
import type { Lead } from '../../../shared/domain/lead';
import { appointmentUid, buildIcs, icsStart } from '../../../shared/mail/ics';
import { reminderAt } from '../../../shared/rules/sweeps';
import type { Clock } from '../clock';
import type { LeadService, TxRepos } from '../leadService';
import type { SettingsService } from '../settingsService';
import { renderTemplate, type TemplateText } from '../../../shared/templates/render';
import {
  APPOINTMENT_KIND as KIND,
  holders,
  parseAppointmentKey,
  strandedInvitation,
  type Audience,
} from './calendarHolders';
import { asLanguage, formatWhen, syncT } from './mailT';
import type { OutboxReason, OutboxService } from './outbox';
import { isEmail, type SmtpService } from './smtp';

export type AppointmentMailKind = 'confirmation' | 'reminder' | 'cancellation';
const DURATION_MIN = 60;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fullName = (l: Lead) => `${l.firstName} ${l.lastName}`.trim();

export interface Dealer {
  name: string;
  email: string;
  phone: string;
  address: string;
}

/** Subject, plain text and HTML of one appointment e-mail in a language. */
/**
 * Subject, plain text and HTML of one appointment e-mail in a language. The customer's e-mails are the
 * editable templates (Settings → contact templates: `stored` when the dealer changed them, else the default
 * of the language); the dealer mailbox's copy is a fixed desk summary.
 */
export function renderAppointmentMail(
  kind: AppointmentMailKind,
  audience: Audience,
  lead: Lead,
  appointmentAt: number,
  lang: string,
  timeZone: string,
  dealer: Dealer,
  stored?: TemplateText | null,
): { subject: string; text: string; html: string; summary: string } {
  const t = syncT('mail', lang);
  const { date, time } = formatWhen(appointmentAt, lang, timeZone);
  const p = {
    name: fullName(lead),
    date,
    time,
    dealer: dealer.name || t('appointment.dealerFallback'),
    number: lead.number,
    request: lead.requestFor ?? '',
    phone: lead.phone ?? '—',
    email: lead.email ?? '—',
    vin: lead.vin ?? '—',
    dealerPhone: dealer.phone,
    dealerAddress: dealer.address,
  };
  const k = `appointment.${audience}.${kind}`;
  let paras: string[] = [];
  let subject = t(`${k}.subject`, p);
  if (audience === 'customer') {
    const filled = renderTemplate(
      KIND[kind],
      asLanguage(lang),
      {
        customer: p.name,
        dealer: p.dealer,
        dealerPhone: dealer.phone,
        dealerEmail: dealer.email,
        leadNumber: lead.number,
        date,
        time,
        vehicle: lead.vin ?? '',
      },
      stored,
    );
    subject = filled.subject;
    paras = filled.body.split(/\n\s*\n/).map((x) => x.replace(/\n+$/g, '').trim());
  } else {
    paras.push(t(`${k}.body`, p), t('appointment.dealer.customer', p), t('appointment.dealer.contact', p));
    if (lead.requestFor) paras.push(t('appointment.request', p));
    paras.push(
      t('appointment.dealer.customerMail', {
        state: t(
          lead.appointmentEmail && isEmail(lead.email)
            ? 'appointment.dealer.customerMailYes'
            : 'appointment.dealer.customerMailNo',
        ),
      }),
      t('appointment.reference', p),
    );
  }
  const text = paras.filter((x) => x.trim() !== '').join('\n\n');
  const html = `<!doctype html><html lang="${esc(lang)}"><body style="font-family:Arial,sans-serif;font-size:14px;color:#222">${paras
    .filter((x) => x.trim() !== '')
    .map((x) => `<p>${esc(x).replace(/\n/g, '<br>')}</p>`)
    .join('')}</body></html>`;
  return { subject, text, html, summary: t('appointment.summary', p) };
}

export function wireAppointmentMails(deps: {
  clock: Clock;
  settings: SettingsService;
  leads: LeadService;
  outbox: OutboxService;
  smtp: SmtpService;
}): void {
  const { clock, settings, leads, outbox, smtp } = deps;
  const mails = (tx: TxRepos, leadId: number) => tx.outbox.appointmentMails(leadId, `appt:${leadId}:%`);
  /** The addresses that hold this lead's appointment in their calendar, per audience (calendarHolders.ts). */
  const invited = async (tx: TxRepos, leadId: number, who: Audience) =>
    holders(await mails(tx, leadId), who).filter((a) => isEmail(a));
  const dealer = (): Dealer => settings.all().dealer;
  /** The dealer's copies: in the group's language (PostgreSQL: not the own language of the PC whose core queues them). */
  const dealerLanguage = () => settings.groupLanguage();

  async function enqueue(
    tx: TxRepos,
    kind: AppointmentMailKind,
    who: Audience,
    to: string,
    lead: Lead,
    appointmentAt: number,
    seq: number,
    dueAt: number,
    now: number,
    expiresAt: number | null,
    reason?: OutboxReason,
  ) {
    const tz = settings.rules().timeZone;
    const lang = who === 'customer' ? lead.language : dealerLanguage();
    const d = dealer();
    const stored = who === 'customer' ? ((await tx.playbook.templateText(KIND[kind], asLanguage(lang))) ?? null) : null;
    const m = renderAppointmentMail(kind, who, lead, appointmentAt, lang, tz, d, stored);
    const organizer = smtp.get().from || d.email || 'desk@aslm-desk.local';
    const attendees = [isEmail(lead.email) ? { email: lead.email, name: fullName(lead) } : { email: to }];
    const ics = buildIcs({
      method: kind === 'cancellation' ? 'CANCEL' : 'REQUEST',
      uid: appointmentUid(lead.id),
      sequence: seq,
      start: appointmentAt,
      durationMinutes: DURATION_MIN,
      stamp: now,
      summary: m.summary,
      description: lead.requestFor ?? undefined,
      location: d.address || undefined,
      organizer: { email: organizer, name: d.name || undefined },
      attendees,
    });
    // The address is part of the key: two addresses (the customer's e-mail changed between bookings) each get theirs.
    const addr = createHash('sha256').update(to.toLowerCase()).digest('hex').slice(0, 10);
    await outbox.enqueue(
      tx,
      {
        dedupeKey: `appt:${lead.id}:${seq}:${kind}:${who}:${addr}`,
        leadId: lead.id,
        kind: KIND[kind],
        to,
        language: lang,
        subject: m.subject,
        text: m.text,
        html: m.html,
        ics,
        dueAt,
        expiresAt,
        reason,
      },
      now,
    );
  }

  /**
   * METHOD:CANCEL of the appointment at `appointmentAt` to each target, under one new SEQUENCE (higher than every
   * invitation's: it wins in the calendar whatever the order of arrival) unless `seq` is given — nothing when that
   * appointment is over (nothing to withdraw from calendars).
   */
  async function withdraw(
    tx: TxRepos,
    lead: Lead,
    targets: { who: Audience; a: string }[],
    appointmentAt: number,
    now: number,
    opts: { seq?: number; reason?: OutboxReason } = {},
  ) {
    if (appointmentAt <= now || targets.length === 0) return;
    const seq = opts.seq ?? (await tx.leads.nextSeq(`ics:${lead.id}`)) - 1;
    for (const x of targets)
      await enqueue(tx, 'cancellation', x.who, x.a, lead, appointmentAt, seq, now, now, null, opts.reason);
  }

  leads.onEffect('appointmentBooked', async (tx, e, lead) => {
    if (e.kind !== 'appointmentBooked') return;
    const now = clock.now();
    const seq = (await tx.leads.nextSeq(`ics:${lead.id}`)) - 1;
    // The previous time's mails not sent yet are superseded; its reminder is cancelled.
    await outbox.cancelQueued(
      tx,
      lead.id,
      [KIND.confirmation, KIND.reminder],
      now,
      e.previousAppointmentAt !== null ? 'reason:rescheduled' : 'reason:superseded',
    );
    const to: { who: Audience; address: string }[] = [];
    if (e.sendToCustomer && isEmail(lead.email)) to.push({ who: 'customer', address: lead.email });
    else if (e.previousAppointmentAt !== null) {
      // Invited before, not any more: withdraw the customer's calendar entry (unless that appointment is over).
      const targets = (await invited(tx, lead.id, 'customer')).map((a) => ({ who: 'customer' as const, a }));
      await withdraw(tx, lead, targets, e.previousAppointmentAt, now, { seq });
    }
    const mailbox = smtp.dealerMailbox();
    if (mailbox) to.push({ who: 'dealer', address: mailbox });
    const remindAt = reminderAt(e.appointmentAt, settings.rules());
    for (const r of to) {
      await enqueue(tx, 'confirmation', r.who, r.address, lead, e.appointmentAt, seq, now, now, e.appointmentAt);
      // A reminder only when its time is still ahead (booked the evening before: the confirmation is enough).
      if (remindAt > now)
        await enqueue(tx, 'reminder', r.who, r.address, lead, e.appointmentAt, seq, remindAt, now, e.appointmentAt);
    }
  });

  leads.onEffect('appointmentCancelled', async (tx, e, lead) => {
    if (e.kind !== 'appointmentCancelled') return;
    const now = clock.now();
    // Why: Contact Again (closed as contact_again) has its own reason; another close names the lead's status.
    await outbox.cancelQueued(
      tx,
      lead.id,
      [KIND.confirmation, KIND.reminder],
      now,
      lead.closeReason === 'contact_again' ? 'reason:contactAgain' : `status:${lead.status}`,
    );
    if (e.appointmentAt <= now) return; // the appointment is over: nothing to withdraw from calendars
    const targets = [
      ...(await invited(tx, lead.id, 'customer')).map((a) => ({ who: 'customer' as const, a })),
      ...(await invited(tx, lead.id, 'dealer')).map((a) => ({ who: 'dealer' as const, a })),
    ];
    await withdraw(tx, lead, targets, e.appointmentAt, now);
  });

  // An invitation the server accepted although a reschedule or a close had cancelled it while it was being sent: the
  // cancellation withdrew nothing for it (it looked never received). Now recorded sent, it is withdrawn as the close
  // or the reschedule would have done, in the same transaction — unless something newer replaces it at that address
  // (the new booking's invitation, with a higher SEQUENCE, or a CANCEL already on its way).
  outbox.onSentOverCancel(async (tx, row, now) => {
    const key = parseAppointmentKey(row.dedupe_key);
    if (!key || row.lead_id !== key.leadId || !isEmail(row.to_address) || !row.ics) return;
    const appointmentAt = icsStart(row.ics);
    if (appointmentAt === null) return;
    if (!strandedInvitation(await mails(tx, key.leadId), { k: row.dedupe_key, kind: row.kind, a: row.to_address }))
      return;
    const lead = await tx.leads.get(key.leadId);
    if (!lead) return;
    const targets = [{ who: key.who, a: row.to_address }];
    await withdraw(tx, lead, targets, appointmentAt, now, { reason: 'reason:sentAfterCancel' });
  });
}
