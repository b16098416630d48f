// The New lead form's state and its conversion to the contract's input.
import type { NewLeadInput } from '../../../../shared/contract/inputs';
import {
  CONSENTS,
  type ConsentKey,
  type Language,
  type LeadType,
  type Source,
} from '../../../../shared/domain/vocabulary';

export const TEXTS = [
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
  'customerNotes',
  'campaignNotes',
  'additionalServices',
  'vin',
] as const;
export type TextKey = (typeof TEXTS)[number];

export interface NewLeadForm {
  text: Record<TextKey, string>;
  language: Language;
  leadType: LeadType;
  source: Source;
  campaign: string;
  preferred: [number | null, number | null, number | null];
  consents: Record<ConsentKey, boolean>;
  /** The chosen assignee: undefined = the person at the desk (the default), null = not assigned. */
  assigneeId?: number | null;
}

export const emptyForm = (language: Language): NewLeadForm => ({
  text: Object.fromEntries(TEXTS.map((k) => [k, ''])) as Record<TextKey, string>,
  language,
  leadType: 'customer_driven',
  source: 'spontaneous',
  campaign: 'spontaneous_dealer',
  preferred: [null, null, null],
  consents: Object.fromEntries(CONSENTS.map((c) => [c, false])) as Record<ConsentKey, boolean>,
});

export function toInput(f: NewLeadForm, me: number | null = null): NewLeadInput {
  const v = (k: TextKey) => f.text[k].trim() || null;
  return {
    firstName: f.text.firstName.trim(),
    lastName: f.text.lastName.trim(),
    leadType: f.leadType,
    source: f.source,
    campaign: f.campaign,
    language: f.language,
    email: v('email'),
    phone: v('phone'),
    otherPhone: v('otherPhone'),
    vin: v('vin'),
    country: v('country'),
    state: v('state'),
    city: v('city'),
    zip: v('zip'),
    requestFor: v('requestFor'),
    requestDetails: v('requestDetails'),
    customerNotes: v('customerNotes'),
    campaignNotes: v('campaignNotes'),
    additionalServices: v('additionalServices'),
    preferredAt1: f.preferred[0],
    preferredAt2: f.preferred[1],
    preferredAt3: f.preferred[2],
    consents: { ...f.consents },
    assigneeId: f.assigneeId === undefined ? me : f.assigneeId,
  };
}
