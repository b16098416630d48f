import type { Lead } from '../../domain/lead';
import type { MakeAppointmentInput } from '../../contract/inputs';
import { fail, ok, type Result, type RuleError } from '../errors';
import { diff, type LeadChanges, type RuleContext } from '../context';
import { sla2DueAt } from '../sla';
import { firstError, hasContact, notFinal, openStatus } from './guards';

export function canMakeAppointment(lead: Lead): RuleError | null {
  return firstError(
    () => notFinal(lead),
    () => openStatus(lead),
    () => hasContact(lead),
  );
}

/** The management date is set the first time the lead reaches appointment / closed (docs/rules.md §3). */
export function qualification(
  lead: Lead,
  ctx: RuleContext,
): Pick<Lead, 'qualifiedAt' | 'sla2Met'> | Record<string, never> {
  if (lead.qualifiedAt !== null) return {};
  return { qualifiedAt: ctx.now, sla2Met: ctx.now <= sla2DueAt(lead.assignedAt, ctx.settings) };
}

/** Make an Appointment, or reschedule it when pressed again. */
export function makeAppointment(lead: Lead, input: MakeAppointmentInput, ctx: RuleContext): Result<LeadChanges> {
  const e = canMakeAppointment(lead);
  if (e) return fail(e.code);
  if (input.appointmentAt <= ctx.now) return fail('APPOINTMENT_IN_PAST', 'appointmentAt');
  const { patch, history } = diff(
    lead,
    {
      status: 'appointment',
      appointmentAt: input.appointmentAt,
      appointmentEmail: input.sendEmail,
      // A new appointment: whether the customer comes to it is not known yet (history keeps the earlier answer).
      ...(lead.appointmentAt !== input.appointmentAt ? { appointmentKept: null, appointmentKeptAt: null } : {}),
      ...qualification(lead, ctx),
      updatedAt: ctx.now,
    },
    ctx,
  );
  return ok({
    patch,
    history,
    effects: [
      {
        kind: 'appointmentBooked',
        appointmentAt: input.appointmentAt,
        previousAppointmentAt: lead.status === 'appointment' ? lead.appointmentAt : null,
        sendToCustomer: input.sendEmail,
      },
    ],
  });
}
