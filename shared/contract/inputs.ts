// Inputs of the lead actions, as zod schemas. The rules take the parsed types; the contract reuses them.
import { z } from 'zod';
import {
  CHANNELS,
  CLOSE_REASONS,
  DIRECTIONS,
  LANGUAGES,
  LEAD_TYPES,
  OUTCOMES,
  SOURCES,
  CAMPAIGN_ID,
} from '../domain/vocabulary';
import { instant } from './time';
import { hasLoneSurrogate } from '../rules/contact';

/** Text as typed: a lone UTF-16 surrogate (it would be stored as U+FFFD) is refused once, here (TEXT_INVALID). */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !hasLoneSurrogate(s), { message: 'TEXT_INVALID' });
const optText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const recordContactInput = z.object({
  direction: z.enum(DIRECTIONS),
  channel: z.enum(CHANNELS),
  outcome: z.enum(OUTCOMES),
  verbatim: optText(4000),
  answer: optText(4000),
});
export type RecordContactInput = z.infer<typeof recordContactInput>;

export const makeAppointmentInput = z.object({
  appointmentAt: instant,
  sendEmail: z.boolean().default(false),
});
export type MakeAppointmentInput = z.infer<typeof makeAppointmentInput>;

export const closedInSaleInput = z.object({
  vin: optText(32),
  notes: optText(4000),
});
export type ClosedInSaleInput = z.infer<typeof closedInSaleInput>;

export const closedNoSaleInput = z.object({
  reason: z
    .enum(CLOSE_REASONS)
    .nullish()
    .transform((v) => v ?? null),
  notes: optText(4000),
  endOfOwnership: instant.nullish().transform((v) => v ?? null),
});
export type ClosedNoSaleInput = z.infer<typeof closedNoSaleInput>;

export const contactAgainInput = z.object({ recontactAt: instant });
export type ContactAgainInput = z.infer<typeof contactAgainInput>;

/** Edit: request details, VIN, notes, customer notes (docs/rules.md §3). Absent keys stay as they are. */
export const editInput = z.object({
  firstName: text(100).min(1).optional(),
  lastName: text(100).min(1).optional(),
  email: optText(254).optional(),
  phone: optText(40).optional(),
  otherPhone: optText(40).optional(),
  language: z.enum(LANGUAGES).optional(),
  country: optText(80).optional(),
  state: optText(80).optional(),
  city: optText(80).optional(),
  zip: optText(20).optional(),
  requestFor: optText(200).optional(),
  requestDetails: optText(4000).optional(),
  preferredAt1: instant.nullable().optional(),
  preferredAt2: instant.nullable().optional(),
  preferredAt3: instant.nullable().optional(),
  additionalServices: optText(1000).optional(),
  customerNotes: optText(4000).optional(),
  campaignNotes: optText(4000).optional(),
  managementNotes: optText(4000).optional(),
  vin: optText(32).optional(),
});
export type EditInput = z.infer<typeof editInput>;

/** A new lead (spontaneous request, import row, replay `create`). */
export const newLeadInput = z.object({
  /** The site (docs/rules.md §11): a group-wide person's choice; absent = the creator's site (or the one in view). */
  siteId: z.number().int().positive().optional(),
  firstName: text(100).min(1),
  lastName: text(100).min(1),
  leadType: z.enum(LEAD_TYPES),
  source: z.enum(SOURCES),
  campaign: z.string().regex(CAMPAIGN_ID),
  email: optText(254),
  phone: optText(40),
  otherPhone: optText(40),
  vin: optText(32),
  language: z.enum(LANGUAGES).default('en'),
  country: optText(80),
  state: optText(80),
  city: optText(80),
  zip: optText(20),
  requestFor: optText(200),
  requestDetails: optText(4000),
  preferredAt1: instant.nullish().transform((v) => v ?? null),
  preferredAt2: instant.nullish().transform((v) => v ?? null),
  preferredAt3: instant.nullish().transform((v) => v ?? null),
  customerNotes: optText(4000),
  campaignNotes: optText(4000),
  additionalServices: optText(1000),
  assigneeId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  customerId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  /** The customer's id in the dealer's DMS, when known: the first key to find an existing customer. */
  customerDmsId: z.string().trim().max(40).nullish(),
  consents: z
    .object({
      directMarketing: z.boolean(),
      profiling: z.boolean(),
      email: z.boolean(),
      phone: z.boolean(),
      post: z.boolean(),
      sms: z.boolean(),
      fax: z.boolean(),
      social: z.boolean(),
    })
    .partial()
    .optional(),
});
export type NewLeadInput = z.input<typeof newLeadInput>;
export type NewLead = z.infer<typeof newLeadInput>;
