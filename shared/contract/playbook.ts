// Channels of the contact playbook: the next step of each open lead, "My day", the contact templates
// and "Send e-mail" from the lead page.
import { z } from 'zod';
import { LANGUAGES, LEAD_TYPES, SOURCES, STATUSES } from '../domain/vocabulary';
import { SLOTS, STEP_KINDS, STEP_REASONS } from '../rules/nextStep';
import { TEMPLATE_KINDS } from '../templates/render';
import { leadDetailSchema } from './models';

export const nextStepSchema = z.object({
  kind: z.enum(STEP_KINDS),
  dueAt: z.number().nullable(),
  suggestedAt: z.number().nullable(),
  slot: z.enum(SLOTS).nullable(),
  reason: z.enum(STEP_REASONS),
  deadline: z.number().nullable(),
  failedCalls: z.number(),
});

export const playbookItemSchema = z.object({
  leadId: z.number(),
  /** The lead's site (docs/rules.md §11.8): present only when the installation has more than one site. */
  siteId: z.number().optional(),
  number: z.string(),
  version: z.number(),
  name: z.string(),
  leadType: z.enum(LEAD_TYPES),
  status: z.enum(STATUSES),
  source: z.enum(SOURCES),
  campaign: z.string(),
  assigneeId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  assignedAt: z.number(),
  contactAttempts: z.number(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  language: z.enum(LANGUAGES),
  step: nextStepSchema,
  due: z.boolean(),
});
export type PlaybookItem = z.infer<typeof playbookItemSchema>;

/** `missing`: the dealership's values the text uses that are not set yet (the desk is warned). */
const templateText = z.object({ subject: z.string(), body: z.string(), missing: z.array(z.string()).optional() });
export const templateRowSchema = z.object({
  kind: z.enum(TEMPLATE_KINDS),
  language: z.enum(LANGUAGES),
  subject: z.string(),
  body: z.string(),
  custom: z.boolean(),
  updatedAt: z.number().nullable(),
});

export const playbookSettingsSchema = z.object({
  attemptsBeforeEmail: z.number().int().min(1).max(10),
  emailWindowWorkingHours: z.number().int().min(1).max(400),
  closeAfterEmailWorkingHours: z.number().int().min(1).max(400),
});

const page = {
  page: z.number().int().min(0).max(1_000_000).default(0),
  pageSize: z.number().int().min(1).max(500).default(50),
};

export const playbookChannels = {
  'playbook.step': {
    input: z.object({ id: z.number().int().positive() }),
    output: z.object({
      leadId: z.number(),
      version: z.number(),
      email: z.string().nullable(),
      name: z.string(),
      step: nextStepSchema,
      due: z.boolean(),
      phoneValid: z.boolean().nullable(),
      language: z.enum(LANGUAGES),
      /** Whether the customer's e-mail consent is recorded as refused (the e-mail is not offered). */
      emailRefused: z.boolean().optional(),
      /** `email_no_answer`: the playbook e-mail of this lead (the variant without phone when it has no usable phone). */
      scripts: z.object({ phone_script: templateText, voicemail: templateText, email_no_answer: templateText }),
      at: z.number(),
    }),
  },
  /** The next step of the given leads (a list column): one query for the page, not one per row. */
  'playbook.steps': {
    input: z.object({ ids: z.array(z.number().int().positive()).max(500) }),
    output: z.object({
      steps: z.array(z.object({ leadId: z.number(), step: nextStepSchema, due: z.boolean() })),
      at: z.number(),
    }),
  },
  'playbook.myDay': {
    input: z
      .object({ dueOnly: z.boolean().default(false), ...page })
      .default({ dueOnly: false, page: 0, pageSize: 50 }),
    output: z.object({
      rows: z.array(playbookItemSchema),
      total: z.number(),
      open: z.number(),
      due: z.number(),
      page: z.number(),
      pageSize: z.number(),
      at: z.number(),
    }),
  },
  'playbook.list': {
    input: z
      .object({
        due: z.boolean().default(false),
        assigneeId: z.number().int().positive().nullish(),
        kind: z.enum(STEP_KINDS).nullish(),
        ...page,
      })
      .default({ due: false, page: 0, pageSize: 50 }),
    output: z.object({
      rows: z.array(playbookItemSchema),
      total: z.number(),
      open: z.number(),
      due: z.number(),
      page: z.number(),
      pageSize: z.number(),
      at: z.number(),
    }),
  },
  'playbook.sendEmail': {
    input: z.object({
      id: z.number().int().positive(),
      version: z.number().int().positive(),
      subject: z.string().trim().min(1).max(300).nullish(),
      body: z.string().trim().min(1).max(20_000).nullish(),
    }),
    output: z.object({ detail: leadDetailSchema, outboxId: z.number(), subject: z.string() }),
  },
  'playbook.settings.get': { input: z.object({}).default({}), output: playbookSettingsSchema },
  'playbook.settings.set': { input: playbookSettingsSchema, output: playbookSettingsSchema },
  'templates.list': { input: z.object({}).default({}), output: z.array(templateRowSchema) },
  'templates.save': {
    input: z.object({
      kind: z.enum(TEMPLATE_KINDS),
      language: z.enum(LANGUAGES),
      subject: z.string().trim().max(300).default(''),
      body: z.string().trim().min(1).max(20_000),
    }),
    output: templateRowSchema,
  },
  'templates.reset': {
    input: z.object({ kind: z.enum(TEMPLATE_KINDS), language: z.enum(LANGUAGES) }),
    output: templateRowSchema,
  },
};
