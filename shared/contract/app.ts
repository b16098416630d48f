// Channels of the application frame: info, settings, demo data, SLA figures.
import { z } from 'zod';
import { LANGUAGES } from '../domain/vocabulary';
import { instant } from './time';
import { temporaryPasswordSchema } from './auth';

export const slaFigureSchema = z.object({
  met: z.number(),
  missed: z.number(),
  pending: z.number(),
  rate: z.number().nullable(),
  target: z.number(),
});
export const slaReportSchema = z.object({
  at: z.number(),
  from: z.number(),
  to: z.number(),
  sla1: slaFigureSchema,
  sla2: slaFigureSchema,
  sla3: slaFigureSchema,
});

const span = z
  .object({ open: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/), close: z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/) })
  .nullable();
export const ruleSettingsSchema = z.object({
  timeZone: z.string().min(1).max(64),
  lostAfterDays: z.number().int().min(1).max(365),
  appointmentExpiryDays: z.number().int().min(1).max(365),
  sla1Hours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  sla2Days: z.number().int().min(1).max(365),
  sla3WindowDays: z.number().int().min(1).max(365),
  sla1Target: z.number().min(0).max(1),
  sla2Target: z.number().min(0).max(1),
  sla3Target: z.number().min(0).max(1),
  openingHours: z.tuple([span, span, span, span, span, span, span]),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(400),
  reminderHour: z.number().int().min(0).max(23),
});

export const dealerSchema = z.object({
  name: z.string().trim().max(120),
  email: z.string().trim().max(254),
  phone: z.string().trim().max(40),
  address: z.string().trim().max(300),
});

export const appSettingsSchema = z.object({
  language: z.enum(LANGUAGES),
  rules: ruleSettingsSchema,
  dealer: dealerSchema,
  campaigns: z.array(z.string()),
  /** The dealership's own campaigns (beyond the defaults): id → name as typed, its label in every language. */
  campaignLabels: z.record(z.string(), z.string()),
  /** The first-run setup was finished or skipped (settings key `setup.done`); false on a new database. */
  setupDone: z.boolean(),
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

export const appChannels = {
  'app.info': {
    input: z.object({}).default({}),
    output: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser']),
      now: z.number(),
      timeZone: z.string(),
      /** Whether the database holds any lead (the list shows the empty state's import and demo otherwise). */
      hasLeads: z.boolean(),
      currentUser: z.object({ id: z.number(), name: z.string() }).nullable(),
    }),
  },
  'settings.get': { input: z.object({}).default({}), output: appSettingsSchema },
  'settings.setLanguage': { input: z.object({ language: z.enum(LANGUAGES) }), output: appSettingsSchema },
  'settings.setRules': { input: ruleSettingsSchema, output: appSettingsSchema },
  'settings.setDealer': { input: dealerSchema, output: appSettingsSchema },
  /** The extra campaigns by name, as typed (each keeps a stable id while its name stays); the defaults are always there. */
  /** Ends (or skips) the first-run setup: the guided setup no longer opens on its own. */
  'settings.setSetupDone': { input: z.object({ done: z.boolean() }), output: appSettingsSchema },
  'settings.setCampaigns': {
    input: z.object({ campaigns: z.array(z.string().max(200)).max(200) }),
    output: appSettingsSchema,
  },
  'demo.load': {
    input: z
      .object({ leads: z.number().int().min(1).max(300_000).default(2000), seed: z.number().int().optional() })
      .default({ leads: 2000 }),
    /** `passwords`: each manager's temporary password, shown once (docs/rules.md §12). */
    output: z.object({ leads: z.number(), passwords: z.array(temporaryPasswordSchema).default([]) }),
  },
  'kpi.sla': {
    input: z.object({ at: instant.optional(), from: instant.optional(), to: instant.optional() }).default({}),
    output: slaReportSchema,
  },
};
