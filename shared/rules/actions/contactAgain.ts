import type { Lead } from '../../domain/lead';
import type { ContactAgainInput } from '../../contract/inputs';
import { fail, ok, type Result, type RuleError } from '../errors';
import { diff, type Effect, type LeadChanges, type RuleContext } from '../context';
import { firstError, hasContact, notFinal, openStatus } from './guards';
import { qualification } from './appointment';

/** A Contact Again lead whose follow-up has not been created yet: its date may still change. */
export const isPendingRecontact = (l: Lead): boolean =>
  l.status === 'closed_no_sale' && l.closeReason === 'contact_again' && l.followUpLeadId === null;

export function canContactAgain(lead: Lead): RuleError | null {
  if (isPendingRecontact(lead)) return null;
  return firstError(
    () => notFinal(lead),
    () => openStatus(lead),
    () => hasContact(lead),
  );
}

/**
 * Contact Again: closes the lead as Not interested now → Contact again, and plans the follow-up lead.
 * On a Contact Again lead whose follow-up is not created yet, it changes the recontact date.
 */
export function contactAgain(lead: Lead, input: ContactAgainInput, ctx: RuleContext): Result<LeadChanges> {
  const e = canContactAgain(lead);
  if (e) return fail(e.code);
  if (input.recontactAt <= ctx.now) return fail('RECONTACT_IN_PAST', 'recontactAt');
  if (isPendingRecontact(lead)) {
    const { patch, history } = diff(lead, { recontactAt: input.recontactAt, updatedAt: ctx.now }, ctx);
    return ok({ patch, history, effects: [{ kind: 'followUpDue', at: input.recontactAt }] });
  }
  const effects: Effect[] =
    lead.status === 'appointment' && lead.appointmentAt !== null
      ? [{ kind: 'appointmentCancelled', appointmentAt: lead.appointmentAt }]
      : [];
  effects.push({ kind: 'followUpDue', at: input.recontactAt });
  const { patch, history } = diff(
    lead,
    {
      status: 'closed_no_sale',
      closeReason: 'contact_again',
      closeCategory: 'not_interested_now',
      recontactAt: input.recontactAt,
      closedAt: ctx.now,
      ...qualification(lead, ctx),
      updatedAt: ctx.now,
    },
    ctx,
  );
  return ok({ patch, history, effects });
}
