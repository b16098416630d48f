// SLA evaluation (docs/rules.md §6): per lead met / missed / pending, and the aggregates SLA 1/2/3.
import type { Lead } from '../domain/lead';
import type { RuleSettings } from '../domain/settings';
import { HOUR, addCalendarDays } from './time';

export type SlaState = 'met' | 'missed' | 'pending';

/** SLA 1 deadline: 24 elapsed hours after assignment (a DST change does not add or remove an hour of work). */
export const sla1DueAt = (assignedAt: number, s: RuleSettings): number => assignedAt + s.sla1Hours * HOUR;
/** SLA 2 deadline: same wall-clock time 10 calendar days later, in the dealer's zone. */
export const sla2DueAt = (assignedAt: number, s: RuleSettings): number =>
  addCalendarDays(assignedAt, s.sla2Days, s.timeZone);
/** When a lead still Assigned to Dealer becomes Lost Sale. */
export const lostDueAt = (assignedAt: number, s: RuleSettings): number =>
  addCalendarDays(assignedAt, s.lostAfterDays, s.timeZone);
/** When an Appointment Taken lead becomes final: 60 days after the later of assignment and appointment. */
export const appointmentExpiresAt = (assignedAt: number, appointmentAt: number | null, s: RuleSettings): number =>
  addCalendarDays(Math.max(assignedAt, appointmentAt ?? assignedAt), s.appointmentExpiryDays, s.timeZone);

function state(doneAt: number | null, dueAt: number, at: number): SlaState {
  if (doneAt !== null && doneAt <= at) return doneAt <= dueAt ? 'met' : 'missed';
  return at > dueAt ? 'missed' : 'pending';
}

/** SLA 1 as of `at`: first contact within 24 hours of assignment. */
export function sla1State(l: Pick<Lead, 'assignedAt' | 'firstContactAt'>, at: number, s: RuleSettings): SlaState {
  return state(l.firstContactAt, sla1DueAt(l.assignedAt, s), at);
}

/** SLA 2 as of `at`: qualification/management date within 10 calendar days of assignment. */
export function sla2State(l: Pick<Lead, 'assignedAt' | 'qualifiedAt'>, at: number, s: RuleSettings): SlaState {
  return state(l.qualifiedAt, sla2DueAt(l.assignedAt, s), at);
}

/** SLA 3 as of `at`: the lead is fully managed (Closed In Sale or Closed No Sale by then). */
export function sla3Managed(l: Pick<Lead, 'status' | 'closedAt'>, at: number): boolean {
  return (l.status === 'closed_sale' || l.status === 'closed_no_sale') && l.closedAt !== null && l.closedAt <= at;
}

export interface SlaFigure {
  met: number;
  missed: number;
  pending: number;
  rate: number | null;
  target: number;
}
export interface SlaReport {
  at: number;
  from: number;
  to: number;
  sla1: SlaFigure;
  sla2: SlaFigure;
  sla3: SlaFigure;
}

/** Start of the SLA 3 window: the leads assigned in the 60 days before `at`. */
export const slaWindowStart = (at: number, s: RuleSettings): number =>
  addCalendarDays(at, -s.sla3WindowDays, s.timeZone);

const figure = (met: number, missed: number, pending: number, target: number): SlaFigure => ({
  met,
  missed,
  pending,
  rate: met + missed === 0 ? null : met / (met + missed),
  target,
});

export type SlaLead = Pick<Lead, 'assignedAt' | 'firstContactAt' | 'qualifiedAt' | 'status' | 'closedAt'>;

/**
 * SLA 1/2/3 over the leads assigned in (from, to], evaluated as of `to`.
 * By default the window is the 60 days before `at` (docs/rules.md §6).
 */
export function aggregateSla(
  leads: Iterable<SlaLead>,
  at: number,
  s: RuleSettings,
  from = slaWindowStart(at, s),
  to = at,
): SlaReport {
  const c = { s1: [0, 0, 0], s2: [0, 0, 0], s3: [0, 0] } as { s1: number[]; s2: number[]; s3: number[] };
  const idx: Record<SlaState, number> = { met: 0, missed: 1, pending: 2 };
  for (const l of leads) {
    if (l.assignedAt <= from || l.assignedAt > to) continue;
    c.s1[idx[sla1State(l, to, s)]]! += 1;
    c.s2[idx[sla2State(l, to, s)]]! += 1;
    c.s3[sla3Managed(l, to) ? 0 : 1]! += 1;
  }
  return {
    at,
    from,
    to,
    sla1: figure(c.s1[0]!, c.s1[1]!, c.s1[2]!, s.sla1Target),
    sla2: figure(c.s2[0]!, c.s2[1]!, c.s2[2]!, s.sla2Target),
    sla3: figure(c.s3[0]!, c.s3[1]!, 0, s.sla3Target),
  };
}
