// Creating a lead (spontaneous request, import, replay, follow-up): validation and initial values.
import type { Lead } from '../domain/lead';
import type { NewLead } from '../contract/inputs';
import type { RuleSettings } from '../domain/settings';
import { CONSENTS, type Consents } from '../domain/vocabulary';
import { fail, ok, type Result } from './errors';
import { isValidVin, normalizeVin } from './vin';
import { isValidEmail, nameProblem, phoneProblem } from './contact';

export type NewLeadRow = Omit<Lead, 'id' | 'number'>;

export function initialLead(
  input: NewLead & { masterLeadId?: number | null; recontacted?: boolean; assignedAt?: number },
  ctx: { now: number; settings: RuleSettings; campaigns: readonly string[] },
): Result<NewLeadRow> {
  if (!input.firstName.trim() && !input.lastName.trim()) return fail('NAME_REQUIRED', 'lastName');
  if (nameProblem(input.firstName.trim())) return fail('NAME_INVALID', 'firstName');
  if (nameProblem(input.lastName.trim())) return fail('NAME_INVALID', 'lastName');
  if (!ctx.campaigns.includes(input.campaign)) return fail('CAMPAIGN_UNKNOWN', 'campaign');
  if (input.email && !isValidEmail(input.email)) return fail('EMAIL_INVALID', 'email');
  if (phoneProblem(input.phone)) return fail('PHONE_INVALID', 'phone');
  if (phoneProblem(input.otherPhone)) return fail('PHONE_INVALID', 'otherPhone');
  if (input.vin && !isValidVin(input.vin)) return fail('VIN_INVALID', 'vin');
  // A plain loop (not Object.fromEntries): an import builds this 50,000 times.
  const consents = {} as Consents;
  for (const k of CONSENTS) consents[k] = input.consents?.[k] ?? false;
  const assignedAt = input.assignedAt ?? ctx.now;
  return ok({
    version: 1,
    status: 'assigned',
    frozen: false,
    leadType: input.leadType,
    source: input.source,
    campaign: input.campaign,
    campaignNotes: input.campaignNotes,
    recontacted: input.recontacted ?? false,
    masterLeadId: input.masterLeadId ?? null,
    customerId: input.customerId,
    assigneeId: input.assigneeId,
    createdAt: ctx.now,
    assignedAt,
    updatedAt: ctx.now,
    consents,
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    email: input.email?.toLowerCase() ?? null,
    phone: input.phone,
    otherPhone: input.otherPhone,
    language: input.language,
    country: input.country,
    state: input.state,
    city: input.city,
    zip: input.zip,
    requestFor: input.requestFor,
    requestDetails: input.requestDetails,
    preferredAt1: input.preferredAt1,
    preferredAt2: input.preferredAt2,
    preferredAt3: input.preferredAt3,
    appointmentAt: null,
    recontactAt: null,
    customerNotes: input.customerNotes,
    additionalServices: input.additionalServices,
    vin: input.vin ? normalizeVin(input.vin) : null,
    endOfOwnership: null,
    contactAttempts: 0,
    firstContactAt: null,
    lastContactAt: null,
    lastOutcome: null,
    sla1Met: null,
    qualifiedAt: null,
    sla2Met: null,
    closeReason: null,
    closeCategory: null,
    managementNotes: null,
    closedAt: null,
    followUpLeadId: null,
    appointmentEmail: false,
    appointmentKept: null,
    appointmentKeptAt: null,
  });
}

/** Lead numbers: ASL-<year>-<6 digits>. */
export const leadNumber = (year: number, seq: number): string => `ASL-${year}-${String(seq).padStart(6, '0')}`;
