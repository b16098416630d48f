import type { Lead } from '../../domain/lead';
import type { RecordContactInput } from '../../contract/inputs';
import { fail, ok, type Result, type RuleError } from '../errors';
import { diff, type LeadChanges, type RuleContext } from '../context';
import { sla1DueAt } from '../sla';
import { notFinal } from './guards';

export function canRecordContact(lead: Lead): RuleError | null {
  return notFinal(lead);
}

/**
 * Record contact: the time is the save time (ctx.now), never typed. The first contact sets the
 * first contact attempt date and the SLA first contact flag.
 */
export function recordContact(lead: Lead, input: RecordContactInput, ctx: RuleContext): Result<LeadChanges> {
  const e = canRecordContact(lead);
  if (e) return fail(e.code);
  const first = lead.contactAttempts === 0;
  const { patch, history } = diff(
    lead,
    {
      contactAttempts: lead.contactAttempts + 1,
      lastContactAt: ctx.now,
      lastOutcome: input.outcome,
      ...(first ? { firstContactAt: ctx.now, sla1Met: ctx.now <= sla1DueAt(lead.assignedAt, ctx.settings) } : {}),
      updatedAt: ctx.now,
    },
    ctx,
  );
  history.unshift({
    at: ctx.now,
    userId: ctx.user.id,
    field: 'contact',
    oldValue: null,
    newValue: `#${lead.contactAttempts + 1} ${input.direction}/${input.channel}/${input.outcome}`,
  });
  return ok({
    patch,
    history,
    effects: [],
    contact: { at: ctx.now, userId: ctx.user.id, ...input },
  });
}
