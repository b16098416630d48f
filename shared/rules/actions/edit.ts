import type { Lead } from '../../domain/lead';
import type { EditInput } from '../../contract/inputs';
import { fail, ok, type Result, type RuleError } from '../errors';
import { diff, type LeadChanges, type LeadPatch, type RuleContext } from '../context';
import { isValidVin, normalizeVin } from '../vin';
import { notFinal } from './guards';
import { isValidEmail, nameProblem, phoneProblem } from '../contact';

export function canEdit(lead: Lead): RuleError | null {
  return notFinal(lead);
}

/** Edit: request details, VIN, notes, customer notes. Not allowed in a final status. */
export function edit(lead: Lead, input: EditInput, ctx: RuleContext): Result<LeadChanges> {
  const e = canEdit(lead);
  if (e) return fail(e.code);
  const p: LeadPatch = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined) (p as Record<string, unknown>)[k] = v;
  if (p.vin) {
    if (!isValidVin(p.vin)) return fail('VIN_INVALID', 'vin');
    p.vin = normalizeVin(p.vin);
  }
  if (p.email && !isValidEmail(p.email)) return fail('EMAIL_INVALID', 'email');
  for (const f of ['phone', 'otherPhone'] as const) if (phoneProblem(p[f])) return fail('PHONE_INVALID', f);
  for (const f of ['firstName', 'lastName'] as const)
    if (p[f] !== undefined && nameProblem(p[f]!)) return fail('NAME_INVALID', f);
  const { patch, history } = diff(lead, p, ctx);
  if (history.length > 0) patch.updatedAt = ctx.now;
  return ok({ patch, history, effects: [] });
}
