// Mapping between the leads table and the rules' Lead.
import type { Lead } from '../../shared/domain/lead';
import type { LeadPatch } from '../../shared/rules/context';
import { CONSENTS, type ConsentKey } from '../../shared/domain/vocabulary';

const consentColumn = (k: ConsentKey) => `consent_${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Lead field → column (the few irregular ones spelled out). */
const COLUMN: Record<string, string> = {
  preferredAt1: 'preferred_at_1',
  preferredAt2: 'preferred_at_2',
  preferredAt3: 'preferred_at_3',
};
export const column = (field: string): string => COLUMN[field] ?? snake(field);

const BOOL_FIELDS = new Set(['frozen', 'recontacted', 'appointmentEmail']);
const NULLABLE_BOOL = new Set(['sla1Met', 'sla2Met', 'appointmentKept']);

export const LEAD_FIELDS: (keyof Lead)[] = [
  'id',
  'number',
  'version',
  'status',
  'frozen',
  'leadType',
  'source',
  'campaign',
  'campaignNotes',
  'recontacted',
  'masterLeadId',
  'customerId',
  'assigneeId',
  'createdAt',
  'assignedAt',
  'updatedAt',
  'firstName',
  'lastName',
  'email',
  'phone',
  'otherPhone',
  'language',
  'country',
  'state',
  'city',
  'zip',
  'requestFor',
  'requestDetails',
  'preferredAt1',
  'preferredAt2',
  'preferredAt3',
  'appointmentAt',
  'recontactAt',
  'customerNotes',
  'additionalServices',
  'vin',
  'endOfOwnership',
  'contactAttempts',
  'firstContactAt',
  'lastContactAt',
  'lastOutcome',
  'sla1Met',
  'qualifiedAt',
  'sla2Met',
  'closeReason',
  'closeCategory',
  'managementNotes',
  'closedAt',
  'followUpLeadId',
  'appointmentEmail',
  'appointmentKept',
  'appointmentKeptAt',
];

/** SELECT list that yields a raw row convertible by rowToLead. */
export const LEAD_SELECT = [
  ...LEAD_FIELDS.map((f) => `${column(f)} AS "${f}"`),
  ...CONSENTS.map((k) => `${consentColumn(k)} AS "consent.${k}"`),
].join(', ');

export function rowToLead(r: Record<string, unknown>): Lead {
  const out: Record<string, unknown> = {};
  for (const f of LEAD_FIELDS) {
    const v = r[f];
    if (BOOL_FIELDS.has(f)) out[f] = v === 1 || v === true;
    else if (NULLABLE_BOOL.has(f)) out[f] = v === null || v === undefined ? null : v === 1 || v === true;
    else out[f] = v ?? null;
  }
  out.consents = Object.fromEntries(CONSENTS.map((k) => [k, r[`consent.${k}`] === 1]));
  return out as unknown as Lead;
}

/** Column/value pairs for an UPDATE or INSERT from lead fields (consents expanded). */
export function toColumns(patch: LeadPatch | Omit<Lead, 'id'>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'consents' && v) {
      for (const c of CONSENTS) out[consentColumn(c)] = (v as Record<string, boolean>)[c] ? 1 : 0;
    } else if (typeof v === 'boolean') out[column(k)] = v ? 1 : 0;
    else out[column(k)] = v ?? null;
  }
  return out;
}
