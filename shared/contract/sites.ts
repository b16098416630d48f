// Sites (issue 15, docs/rules.md §11): a dealer group's dealerships. Each lead, assignment rule and person belongs to
// a site (a person may be group-wide: a group manager); a desk sees its site's leads; a group-wide person chooses
// "All sites" or one site in the header (remembered per person). A single-site installation never sees any of it:
// the replies of the other channels carry no site field until a second site exists.
import { z } from 'zod';
import { dealerSchema, ruleSettingsSchema } from './app';

const id = z.number().int().positive();

export const siteSchema = z.object({
  id: z.number(),
  /** A short code, unique (shown where space is short). */
  code: z.string(),
  name: z.string(),
});
export type Site = z.infer<typeof siteSchema>;

export const siteInputSchema = z.object({
  /** Absent: a new site. */
  id: id.nullish(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(12)
    .regex(/^[\p{L}\p{N}_-]+$/u),
  name: z.string().trim().min(1).max(100),
});
export type SiteInput = z.input<typeof siteInputSchema>;

/**
 * What the acting person sees: `siteId` null = every site (only a group-wide person); `fixed` = the person works at
 * one site and cannot choose.
 */
export const siteScopeSchema = z.object({
  siteId: z.number().nullable(),
  fixed: z.boolean(),
});
export type SiteScope = z.infer<typeof siteScopeSchema>;

/** The settings a site may override (a dealership's own); absent = the group-wide value. */
export const SITE_SETTING_KEYS = ['dealer', 'rules', 'workshop.capacity'] as const;
export type SiteSettingKey = (typeof SITE_SETTING_KEYS)[number];
export const siteSettingsSchema = z.object({
  dealer: dealerSchema.nullable(),
  rules: ruleSettingsSchema.nullable(),
  capacity: z.number().int().min(0).max(500).nullable(),
});
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/** A site's own settings beside the group's values (what the site uses where it has none of its own). */
export const siteSettingsViewSchema = siteSettingsSchema.extend({
  group: z.object({ dealer: dealerSchema, rules: ruleSettingsSchema, capacity: z.number().int() }),
});
export type SiteSettingsView = z.infer<typeof siteSettingsViewSchema>;

export const sitesInfoSchema = z.object({
  sites: z.array(siteSchema),
  /** More than one site: the screens show the site choice, column and fields. */
  multi: z.boolean(),
  scope: siteScopeSchema,
});
export type SitesInfo = z.infer<typeof sitesInfoSchema>;

export const siteChannels = {
  /** The sites and what the acting person sees. */
  'sites.list': { input: z.object({}).default({}), output: sitesInfoSchema },
  /** Add or rename a site (managers). */
  'sites.save': { input: siteInputSchema, output: sitesInfoSchema },
  /** A group-wide person's choice: null = all sites (remembered per person). */
  'sites.choose': { input: z.object({ siteId: id.nullable() }), output: sitesInfoSchema },
  /**
   * A site's own settings (null = the group-wide value) and the group's values it inherits (`group`). A person of one
   * site reads only their site's (GROUP_MANAGER_ONLY, docs/rules.md §11.8).
   */
  'sites.settings.get': { input: z.object({ siteId: id }), output: siteSettingsViewSchema },
  /** Set or clear (null) a site's own settings (a group manager, or that site's manager). */
  'sites.settings.save': {
    input: z.object({
      siteId: id,
      dealer: dealerSchema.nullable().optional(),
      rules: ruleSettingsSchema.nullable().optional(),
      capacity: z.number().int().min(0).max(500).nullable().optional(),
    }),
    output: siteSettingsSchema,
  },
} as const;
