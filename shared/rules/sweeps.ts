// The automatic sweeps of docs/rules.md §4 as pure functions: given leads and `now`, what changes.
// Each change carries the instant it took effect (for catch-up after the PC was off).
import type { Lead } from '../domain/lead';
import { SYSTEM_ACTOR } from '../domain/lead';
import type { RuleSettings } from '../domain/settings';
import { diff, type LeadChanges } from './context';
import { appointmentExpiresAt, lostDueAt } from './sla';
import { addCalendarDays, fromWallTime, wallTime } from './time';
import type { NewLead } from '../contract/inputs';

export interface SweepChange {
  leadId: number;
  effectiveAt: number;
  changes: LeadChanges;
}

/** Lost Sale: a lead still Assigned to Dealer 60 days after assignment. */
export function lostSaleSweep(leads: Iterable<Lead>, now: number, settings: RuleSettings): SweepChange[] {
  const out: SweepChange[] = [];
  for (const l of leads) {
    if (l.status !== 'assigned') continue;
    const due = lostDueAt(l.assignedAt, settings);
    if (now < due) continue;
    const ctx = { now, user: SYSTEM_ACTOR, settings };
    const { patch, history } = diff(l, { status: 'lost', closedAt: due, updatedAt: now }, ctx, due);
    out.push({ leadId: l.id, effectiveAt: due, changes: { patch, history, effects: [] } });
  }
  return out;
}

/** Expired appointment: still Appointment Taken 60 days after the later of assignment and appointment. */
export function appointmentExpirySweep(leads: Iterable<Lead>, now: number, settings: RuleSettings): SweepChange[] {
  const out: SweepChange[] = [];
  for (const l of leads) {
    if (l.status !== 'appointment' || l.frozen) continue;
    const due = appointmentExpiresAt(l.assignedAt, l.appointmentAt, settings);
    if (now < due) continue;
    const ctx = { now, user: SYSTEM_ACTOR, settings };
    const { patch, history } = diff(l, { frozen: true, updatedAt: now }, ctx, due);
    out.push({ leadId: l.id, effectiveAt: due, changes: { patch, history, effects: [] } });
  }
  return out;
}

/** Contact Again leads whose date has come and whose follow-up does not exist yet. */
export function recontactDue(leads: Iterable<Lead>, now: number): Lead[] {
  const out: Lead[] = [];
  for (const l of leads) {
    if (
      l.status === 'closed_no_sale' &&
      l.closeReason === 'contact_again' &&
      l.followUpLeadId === null &&
      l.recontactAt !== null &&
      l.recontactAt <= now
    )
      out.push(l);
  }
  return out;
}

/**
 * The follow-up lead of a Contact Again lead: Assigned to Dealer, Recontacted, Master AS Lead = the
 * original, customer/request/vehicle data copied, same campaign, source Recontact, same assignee.
 * It reaches the dealer at the recontact date.
 */
export function followUpLead(master: Lead): NewLead & { masterLeadId: number; recontacted: true; assignedAt: number } {
  return {
    firstName: master.firstName,
    lastName: master.lastName,
    leadType: master.leadType,
    source: 'recontact',
    campaign: master.campaign,
    email: master.email,
    phone: master.phone,
    otherPhone: master.otherPhone,
    vin: master.vin,
    language: master.language,
    country: master.country,
    state: master.state,
    city: master.city,
    zip: master.zip,
    requestFor: master.requestFor,
    requestDetails: master.requestDetails,
    preferredAt1: null,
    preferredAt2: null,
    preferredAt3: null,
    customerNotes: master.customerNotes,
    campaignNotes: master.campaignNotes,
    additionalServices: master.additionalServices,
    assigneeId: master.assigneeId,
    customerId: master.customerId,
    consents: { ...master.consents },
    masterLeadId: master.id,
    recontacted: true,
    assignedAt: master.recontactAt ?? master.updatedAt,
  };
}

/** The day-before reminder time: the appointment's local day minus one, at the reminder hour. */
export function reminderAt(appointmentAt: number, settings: RuleSettings): number {
  return dayBeforeAt(appointmentAt, settings.reminderHour, settings.timeZone);
}

function dayBeforeAt(ms: number, hour: number, tz: string): number {
  const w = wallTime(addCalendarDays(ms, -1, tz), tz);
  return fromWallTime({ year: w.year, month: w.month, day: w.day, hour, minute: 0, second: 0 }, tz);
}
