// Output models shared by several channels, as zod schemas (types derived from them).
import { z } from 'zod';
import {
  CHANNELS,
  CLOSE_CATEGORIES,
  CLOSE_REASONS,
  DIRECTIONS,
  LANGUAGES,
  LEAD_TYPES,
  OUTCOMES,
  SOURCES,
  STATUSES,
  ACTIONS,
} from '../domain/vocabulary';
import type { Lead } from '../domain/lead';

const n = z.number().nullable();
const s = z.string().nullable();

export const consentsSchema = z.object({
  directMarketing: z.boolean(),
  profiling: z.boolean(),
  email: z.boolean(),
  phone: z.boolean(),
  post: z.boolean(),
  sms: z.boolean(),
  fax: z.boolean(),
  social: z.boolean(),
});

export const leadSchema = z.object({
  id: z.number(),
  /** The lead's site (docs/rules.md §11): present only when the installation has more than one site. */
  siteId: z.number().optional(),
  number: z.string(),
  version: z.number(),
  status: z.enum(STATUSES),
  frozen: z.boolean(),
  leadType: z.enum(LEAD_TYPES),
  source: z.enum(SOURCES),
  campaign: z.string(),
  campaignNotes: s,
  recontacted: z.boolean(),
  masterLeadId: n,
  customerId: n,
  assigneeId: n,
  createdAt: z.number(),
  assignedAt: z.number(),
  updatedAt: z.number(),
  consents: consentsSchema,
  firstName: z.string(),
  lastName: z.string(),
  email: s,
  phone: s,
  otherPhone: s,
  language: z.enum(LANGUAGES),
  country: s,
  state: s,
  city: s,
  zip: s,
  requestFor: s,
  requestDetails: s,
  preferredAt1: n,
  preferredAt2: n,
  preferredAt3: n,
  appointmentAt: n,
  recontactAt: n,
  customerNotes: s,
  additionalServices: s,
  vin: s,
  endOfOwnership: n,
  contactAttempts: z.number(),
  firstContactAt: n,
  lastContactAt: n,
  lastOutcome: z.enum(OUTCOMES).nullable(),
  sla1Met: z.boolean().nullable(),
  qualifiedAt: n,
  sla2Met: z.boolean().nullable(),
  closeReason: z.enum(CLOSE_REASONS).nullable(),
  closeCategory: z.enum(CLOSE_CATEGORIES).nullable(),
  managementNotes: s,
  closedAt: n,
  followUpLeadId: n,
  appointmentEmail: z.boolean(),
  appointmentKept: z.boolean().nullable(),
  appointmentKeptAt: n,
});
// The schema and the rules' Lead must stay the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const leadShapeMatches: Same<z.infer<typeof leadSchema>, Lead> = true;
void leadShapeMatches;

export const contactSchema = z.object({
  id: z.number(),
  leadId: z.number(),
  at: z.number(),
  userId: n,
  userName: s,
  direction: z.enum(DIRECTIONS),
  channel: z.enum(CHANNELS),
  outcome: z.enum(OUTCOMES),
  verbatim: s,
  answer: s,
});

export const historyRowSchema = z.object({
  id: z.number(),
  at: z.number(),
  userId: n,
  userName: z.string(),
  field: z.string(),
  oldValue: s,
  newValue: s,
});

export const vehicleSchema = z.object({
  id: z.number(),
  vin: z.string(),
  model: s,
  warrantyStart: n,
  warrantyEnd: n,
  currentWarranty: s,
  currentWarrantyStart: n,
  currentWarrantyEnd: n,
  averageKm: n,
  mileage: n,
  endOfOwnership: n,
  ownerCustomerId: n,
  ownerName: s,
  serviceContract: s,
  serviceContractExpiry: n,
});

export const availabilitySchema = z.record(
  z.enum(ACTIONS),
  z.object({ enabled: z.boolean(), reason: z.string().nullable() }),
);

export const slaStateSchema = z.enum(['met', 'missed', 'pending']);

export const leadDetailSchema = z.object({
  lead: leadSchema,
  contacts: z.array(contactSchema),
  history: z.array(historyRowSchema),
  vehicle: vehicleSchema.nullable(),
  /** A valid VIN the registry does not know: accepted, with a visible warning. */
  vinUnknown: z.boolean(),
  assigneeName: s,
  masterLeadNumber: s,
  followUpLeadNumber: s,
  actions: availabilitySchema,
  sla: z.object({
    sla1: slaStateSchema,
    sla1DueAt: z.number(),
    sla2: slaStateSchema,
    sla2DueAt: z.number(),
    lostAt: z.number().nullable(),
  }),
  now: z.number(),
});
export type LeadDetail = z.infer<typeof leadDetailSchema>;
