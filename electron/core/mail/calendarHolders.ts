// Who holds a lead's appointment in a calendar (docs/rules.md §3, README "E-mail delivery guarantee"): pure, from the
// lead's appointment e-mails (outbox rows, in the order written). One decision for every path that may withdraw an
// invitation with METHOD:CANCEL: a close or Contact Again, a reschedule without the customer's e-mail, and an
// invitation whose send the server accepted after a cancellation had caught it (recorded `sent` over the cancel).
import type { OutboxState } from '../../../shared/contract/mail';
import type { AppointmentMailRow } from '../../store/repos/outbox';

export type Audience = 'customer' | 'dealer';
/** The outbox kinds of the appointment e-mails (an invitation is a confirmation or a reminder: METHOD:REQUEST). */
export const APPOINTMENT_KIND = {
  confirmation: 'appointment_confirmation',
  reminder: 'appointment_reminder',
  cancellation: 'appointment_cancellation',
} as const;

/** An appointment e-mail's dedupe key: `appt:<lead>:<SEQUENCE>:<kind>:<audience>:<address hash>`. */
export function parseAppointmentKey(k: string): { leadId: number; seq: number; who: Audience } | null {
  const m = /^appt:(\d+):(\d+):(confirmation|reminder|cancellation):(customer|dealer):/i.exec(k);
  if (!m) return null;
  return { leadId: Number(m[1]), seq: Number(m[2]), who: m[4]!.toLowerCase() as Audience };
}

const isInvitation = (kind: string) => kind === APPOINTMENT_KIND.confirmation || kind === APPOINTMENT_KIND.reminder;
const RECEIVED: readonly OutboxState[] = ['sending', 'sent'];
const LIVE: readonly OutboxState[] = ['queued', 'sending', 'sent'];

/** The latest e-mail each address of `who` has or will have: an invitation (REQUEST) or a cancellation (CANCEL). */
export interface Latest {
  address: string;
  seq: number;
  invitation: boolean;
  /** Received or being received (an invitation queued is not in the calendar yet). */
  received: boolean;
}

/**
 * Per address (lower-cased) of `who`, its latest appointment e-mail not cancelled, failed or expired: invitations queued,
 * being sent or sent, cancellations likewise. Rows in the order written (SEQUENCE grows with it).
 */
export function latestPerAddress(rows: readonly AppointmentMailRow[], who: Audience): Map<string, Latest> {
  const latest = new Map<string, Latest>();
  for (const r of rows) {
    const key = parseAppointmentKey(r.k);
    if (!key || key.who !== who || !LIVE.includes(r.state)) continue;
    const invitation = isInvitation(r.kind);
    if (!invitation && r.kind !== APPOINTMENT_KIND.cancellation) continue;
    latest.set(r.a.toLowerCase(), { address: r.a, seq: key.seq, invitation, received: RECEIVED.includes(r.state) });
  }
  return latest;
}

/**
 * The addresses of `who` holding the appointment: their latest e-mail is an invitation received (or being received).
 * An address already sent a CANCEL (a reschedule without the e-mail flag) does not know the later dates: it gets no
 * second cancellation.
 */
export function holders(rows: readonly AppointmentMailRow[], who: Audience): string[] {
  return [...latestPerAddress(rows, who).values()].filter((l) => l.invitation && l.received).map((l) => l.address);
}

/**
 * An invitation (`row`, just recorded sent although a cancellation had caught it while it was being sent): whether
 * its address now holds an appointment nobody will withdraw — the invitation is still the latest e-mail to that
 * address (no newer invitation, which carries a higher SEQUENCE and so replaces it in the calendar whatever the
 * order of arrival, and no cancellation). The row was cancelled, so the appointment it shows is not current any more.
 */
export function strandedInvitation(
  rows: readonly AppointmentMailRow[],
  row: { k: string; kind: string; a: string },
): boolean {
  const key = parseAppointmentKey(row.k);
  if (!key || !isInvitation(row.kind)) return false;
  const latest = latestPerAddress(rows, key.who).get(row.a.toLowerCase());
  return latest !== undefined && latest.invitation && latest.received && latest.seq === key.seq;
}
