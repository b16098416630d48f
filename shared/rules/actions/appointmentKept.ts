// "Was the appointment kept" (docs/rules.md §6): the desk records whether the customer came to the
// appointment (arrived) or not (no-show). It is an indicator, not a step of the lead's process: it does
// not change the status, and it may be recorded on a lead whose appointment has since become final.
//
// Allowed once the appointment time has passed, on a lead whose appointment really took place in the
// calendar (was not cancelled before its time):
//  - Appointment Taken, frozen (expired) or not;
//  - Closed In Sale with an appointment date (a sale closed before the visit keeps the appointment);
//  - Closed No Sale / Contact Again closed at or after the appointment time (closing earlier cancelled it).
// Never on Assigned (no appointment) nor Lost (only Assigned leads become Lost).
// Recording it again changes it (a correction, with its history row); the same value again changes nothing.
import type { Lead } from '../../domain/lead';
import { fail, ok, type Result, type RuleError } from '../errors';
import { diff, type LeadChanges, type RuleContext } from '../context';

export interface AppointmentKeptInput {
  kept: boolean;
}

/** Whether the appointment of this lead was held in the calendar (not cancelled before its time). */
export function hadAppointment(l: Pick<Lead, 'status' | 'appointmentAt' | 'closedAt'>): boolean {
  if (l.appointmentAt === null) return false;
  if (l.status === 'appointment' || l.status === 'closed_sale') return true;
  return l.status === 'closed_no_sale' && l.closedAt !== null && l.closedAt >= l.appointmentAt;
}

/** Why "Arrived" / "No-show" cannot be recorded now, or null when it can. */
export function canRecordAppointmentKept(lead: Lead, now: number): RuleError | null {
  if (!hadAppointment(lead)) return { code: 'NO_APPOINTMENT' };
  if (now < lead.appointmentAt!) return { code: 'APPOINTMENT_NOT_YET' };
  return null;
}

export function setAppointmentKept(lead: Lead, input: AppointmentKeptInput, ctx: RuleContext): Result<LeadChanges> {
  const e = canRecordAppointmentKept(lead, ctx.now);
  if (e) return fail(e.code);
  if (lead.appointmentKept === input.kept) return ok({ patch: {}, history: [], effects: [] });
  const { patch, history } = diff(
    lead,
    { appointmentKept: input.kept, appointmentKeptAt: ctx.now, updatedAt: ctx.now },
    ctx,
  );
  return ok({ patch, history, effects: [] });
}
