// The Edit form's state: built from the lead, and turned back into the changed fields only.
import type { EditInput } from '../../../../../shared/contract/inputs';
import type { Lead } from '../../../../../shared/domain/lead';
import type { Language } from '../../../../../shared/domain/vocabulary';

export const TEXT_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'otherPhone',
  'country',
  'state',
  'city',
  'zip',
  'requestFor',
  'requestDetails',
  'additionalServices',
  'customerNotes',
  'campaignNotes',
  'managementNotes',
  'vin',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export const LONG: TextField[] = [
  'requestDetails',
  'customerNotes',
  'campaignNotes',
  'managementNotes',
  'additionalServices',
];
export const TIME_FIELDS = ['preferredAt1', 'preferredAt2', 'preferredAt3'] as const;
export type Form = Record<TextField, string> &
  Record<(typeof TIME_FIELDS)[number], number | null> & { language: Language };

export const fromLead = (l: Lead): Form => ({
  ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, l[f] ?? ''])) as Record<TextField, string>),
  preferredAt1: l.preferredAt1,
  preferredAt2: l.preferredAt2,
  preferredAt3: l.preferredAt3,
  language: l.language,
});

/** The changed fields only, in the contract's shape. */
export function changes(l: Lead, f: Form): EditInput {
  const out: Record<string, unknown> = {};
  for (const k of TEXT_FIELDS) {
    const v = f[k].trim();
    if (v !== (l[k] ?? '')) out[k] = k === 'firstName' || k === 'lastName' ? v : v || null;
  }
  for (const k of TIME_FIELDS) if (f[k] !== l[k]) out[k] = f[k];
  if (f.language !== l.language) out.language = f.language;
  return out as EditInput;
}
