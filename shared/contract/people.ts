// Channels of people and assignment, customers (privacy), the vehicle registry and the workshop load (issue 5).
import { z } from 'zod';
import { LANGUAGES, LEAD_TYPES, ROLES, SOURCES, STATUSES } from '../domain/vocabulary';
import { consentsSchema, historyRowSchema, leadDetailSchema, vehicleSchema } from './models';
import { importFileSchema } from './import';
import { calendarDay } from './time';

const id = z.number().int().positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** An absence as typed: real days within the desk's years, the first not after the last. */
const inputDay = calendarDay;
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const absenceSchema = z
  .object({ from: inputDay, to: inputDay })
  .refine((a) => a.from <= a.to, { message: 'DATE_INVALID', path: ['to'] });

export const userSchema = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  language: z.enum(LANGUAGES),
  active: z.boolean(),
  roles: z.array(z.enum(ROLES)),
  absences: z.array(z.object({ from: day, to: day })),
  hasPin: z.boolean(),
  /** Has a password to sign in with (host mode, docs/rules.md §12). */
  hasPassword: z.boolean(),
  /** Locked after failed sign-ins, until then (null = not locked now). */
  lockedUntil: z.number().nullable(),
  /** Absent today (the dealer's date). */
  absentNow: z.boolean(),
  /** The person's site, null = group-wide (docs/rules.md §11): present only with more than one site. */
  siteId: z.number().nullable().optional(),
});
export type UserRow = z.infer<typeof userSchema>;

export const userInputSchema = z.object({
  id: id.nullish(),
  name: z.string().trim().min(1).max(100),
  email: optText(254),
  language: z.enum(LANGUAGES).default('en'),
  active: z.boolean().default(true),
  roles: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
  absences: z.array(absenceSchema).max(200).default([]),
  /** A new PIN (4–12 digits); null removes it; absent keeps it. */
  pin: z
    .string()
    .regex(/^\d{4,12}$/)
    .nullish(),
  /** The person's site; null = group-wide (managers only); absent keeps it (a new person: the manager's site, or 1). */
  siteId: id.nullable().optional(),
});

export const currentUserSchema = z.object({
  user: userSchema.nullable(),
  /** The manager, or the alternate while the manager is absent. */
  canManage: z.boolean(),
});

export const assignmentRuleInput = z
  .object({
    campaign: z
      .string()
      .trim()
      .max(48)
      .nullish()
      .transform((v) => v || null),
    source: z
      .enum(SOURCES)
      .nullish()
      .transform((v) => v ?? null),
    leadType: z
      .enum(LEAD_TYPES)
      .nullish()
      .transform((v) => v ?? null),
    requestFor: optText(200),
    targetUserId: id.nullish().transform((v) => v ?? null),
    targetRole: z
      .enum(ROLES)
      .nullish()
      .transform((v) => v ?? null),
    active: z.boolean().default(true),
    /** The rule's site (docs/rules.md §11); absent = the site in view (or 1). */
    siteId: id.optional(),
  })
  .refine((r) => (r.targetUserId === null) !== (r.targetRole === null), {
    message: 'one target',
    path: ['targetUserId'],
  });
export const assignmentRuleSchema = z.object({
  id: z.number(),
  position: z.number(),
  campaign: z.string().nullable(),
  source: z.enum(SOURCES).nullable(),
  leadType: z.enum(LEAD_TYPES).nullable(),
  requestFor: z.string().nullable(),
  targetUserId: z.number().nullable(),
  targetRole: z.enum(ROLES).nullable(),
  active: z.boolean(),
  /** Present only with more than one site. */
  siteId: z.number().optional(),
});

export const customerSchema = z.object({
  id: z.number(),
  dmsId: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  phoneE164: z.string().nullable(),
  phoneValid: z.boolean().nullable(),
  otherPhone: z.string().nullable(),
  language: z.enum(LANGUAGES),
  country: z.string().nullable(),
  state: z.string().nullable(),
  city: z.string().nullable(),
  zip: z.string().nullable(),
  consents: consentsSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  anonymizedAt: z.number().nullable(),
});
export const customerLeadSchema = z.object({
  id: z.number(),
  number: z.string(),
  status: z.enum(STATUSES),
  campaign: z.string(),
  source: z.enum(SOURCES),
  assignedAt: z.number(),
  requestFor: z.string().nullable(),
  vin: z.string().nullable(),
  assigneeName: z.string().nullable(),
});
export const customerDetailSchema = z.object({
  customer: customerSchema,
  leads: z.array(customerLeadSchema),
  vehicles: z.array(vehicleSchema),
  history: z.array(historyRowSchema),
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;

export const vehicleImportReport = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  total: z.number(),
  inserted: z.number(),
  updated: z.number(),
  rejected: z.array(
    z.object({ line: z.number(), code: z.string(), field: z.string().optional(), value: z.string().optional() }),
  ),
});
export type VehicleImportReport = z.infer<typeof vehicleImportReport>;

export const workshopDaySchema = z.object({
  date: day,
  appointments: z.number(),
  capacity: z.number(),
  open: z.boolean(),
});

const file = z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), bytes: z.number() });

export const peopleChannels = {
  /**
   * The people; with several sites, a person of one site gets their site's and the group-wide ones (§11.8) — except
   * `forSwitch` without sign-in: everyone, whom "who is at the desk" may switch to.
   */
  'people.list': {
    input: z.object({ forSwitch: z.boolean().optional() }).default({}),
    output: z.object({ users: z.array(userSchema) }),
  },
  'people.save': { input: userInputSchema, output: userSchema },
  'people.current': { input: z.object({}).default({}), output: currentUserSchema },
  /** Who is at the desk: anyone may switch; a user with a PIN needs it. */
  'people.switch': { input: z.object({ userId: id, pin: z.string().max(12).nullish() }), output: currentUserSchema },
  'assignment.rules.get': {
    input: z.object({}).default({}),
    output: z.object({ rules: z.array(assignmentRuleSchema) }),
  },
  /** The rules as an A4 PDF to hand to the staff (in order, with the people/pools they route to), in a language. */
  'assignment.rules.print': {
    input: z.object({ language: z.enum(LANGUAGES).optional() }).default({}),
    output: z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), bytes: z.number() }),
  },
  /** Replaces the ordered list (the array order is the rule order). */
  'assignment.rules.set': {
    input: z.object({ rules: z.array(assignmentRuleInput).max(200) }),
    output: z.object({ rules: z.array(assignmentRuleSchema) }),
  },
  'leads.reassign': {
    input: z.object({ id, version: z.number().int().positive().nullish(), assigneeId: id.nullable() }),
    output: leadDetailSchema,
  },
  /** The open leads of `fromUserId` (e.g. absent) to a person, or through the assignment rules when `toUserId` is null. */
  'leads.bulkReassign': {
    input: z.object({ fromUserId: id, toUserId: id.nullable(), byRules: z.boolean().default(false) }),
    output: z.object({ moved: z.number(), leadIds: z.array(z.number()) }),
  },
  'customers.get': { input: z.object({ id }), output: customerDetailSchema },
  'customers.setConsents': {
    input: z.object({ id, leadId: id.nullish(), consents: consentsSchema.partial() }),
    output: customerDetailSchema,
  },
  'customers.export': {
    input: z.object({ id, format: z.enum(['json', 'xlsx', 'pdf']), language: z.enum(LANGUAGES).optional() }),
    output: file,
  },
  /** Erase/anonymize on the customer's request: personal data scrubbed everywhere, lead statistics kept. */
  'customers.erase': {
    input: z.object({ id, confirm: z.literal(true) }),
    output: z.object({ customerId: z.number(), leads: z.number(), at: z.number() }),
  },
  'vehicles.import': { input: importFileSchema, output: vehicleImportReport },
  'workshop.load': {
    input: z
      .object({
        days: z.number().int().min(1).max(60).default(14),
        /** Several sites: one site's load (docs/rules.md §11.8); absent = the site in view (a desk's: its own). */
        siteId: z.number().int().positive().nullish(),
      })
      .default({ days: 14 }),
    output: z.object({ capacity: z.number(), days: z.array(workshopDaySchema), at: z.number() }),
  },
  'workshop.setCapacity': {
    input: z.object({ capacity: z.number().int().min(0).max(500) }),
    output: z.object({ capacity: z.number() }),
  },
};
