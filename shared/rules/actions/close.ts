import type { Lead } from '../../domain/lead';
import type { ClosedInSaleInput, ClosedNoSaleInput } from '../../contract/inputs';
import { CLOSE_REASON_CATEGORY, PICKABLE_CLOSE_REASONS } from '../../domain/vocabulary';
import { fail, ok, type Result, type RuleError } from '../errors';
import { diff, type Effect, type LeadChanges, type RuleContext } from '../context';
import { isValidVin, normalizeVin } from '../vin';
import { blank, firstError, hasContact, notFinal, openStatus } from './guards';
import { qualification } from './appointment';

export function canClose(lead: Lead): RuleError | null {
  return firstError(
    () => notFinal(lead),
    () => openStatus(lead),
    () => hasContact(lead),
  );
}

const cancelAppointment = (lead: Lead): Effect[] =>
  lead.status === 'appointment' && lead.appointmentAt !== null
    ? [{ kind: 'appointmentCancelled', appointmentAt: lead.appointmentAt }]
    : [];

/** Closed In Sale: needs a valid VIN; without a previous appointment the management notes are mandatory. */
export function closedInSale(lead: Lead, input: ClosedInSaleInput, ctx: RuleContext): Result<LeadChanges> {
  const e = canClose(lead);
  if (e) return fail(e.code);
  const rawVin = input.vin ?? lead.vin;
  if (blank(rawVin)) return fail('VIN_REQUIRED', 'vin');
  if (!isValidVin(rawVin)) return fail('VIN_INVALID', 'vin');
  const notes = input.notes ?? lead.managementNotes;
  if (lead.appointmentAt === null && blank(notes)) return fail('NOTES_REQUIRED', 'notes');
  const { patch, history } = diff(
    lead,
    {
      status: 'closed_sale',
      vin: normalizeVin(rawVin!),
      managementNotes: notes,
      closedAt: ctx.now,
      ...qualification(lead, ctx),
      updatedAt: ctx.now,
    },
    ctx,
  );
  // A sale closed while an appointment is planned: the customer is still coming to the workshop (issue 4: only a
  // close-no-sale or Contact Again cancels it), so the invitation and its reminder stay.
  return ok({ patch, history, effects: [] });
}

/** Closed No Sale: a reason from the list; Other needs notes; Not current owner needs the end-of-ownership date. */
export function closedNoSale(lead: Lead, input: ClosedNoSaleInput, ctx: RuleContext): Result<LeadChanges> {
  const e = canClose(lead);
  if (e) return fail(e.code);
  if (!input.reason) return fail('REASON_REQUIRED', 'reason');
  if (!(PICKABLE_CLOSE_REASONS as string[]).includes(input.reason)) return fail('REASON_INVALID', 'reason');
  const notes = input.notes ?? lead.managementNotes;
  if (input.reason === 'other' && blank(notes)) return fail('NOTES_REQUIRED', 'notes');
  if (input.reason === 'not_current_owner' && input.endOfOwnership === null)
    return fail('END_OF_OWNERSHIP_REQUIRED', 'endOfOwnership');
  const effects: Effect[] = cancelAppointment(lead);
  const eoo = input.reason === 'not_current_owner' ? input.endOfOwnership : null;
  if (eoo !== null && lead.vin) effects.push({ kind: 'vehicleEndOfOwnership', vin: lead.vin, date: eoo });
  const { patch, history } = diff(
    lead,
    {
      status: 'closed_no_sale',
      closeReason: input.reason,
      closeCategory: CLOSE_REASON_CATEGORY[input.reason],
      managementNotes: notes,
      ...(eoo !== null ? { endOfOwnership: eoo } : {}),
      closedAt: ctx.now,
      ...qualification(lead, ctx),
      updatedAt: ctx.now,
    },
    ctx,
  );
  return ok({ patch, history, effects });
}
