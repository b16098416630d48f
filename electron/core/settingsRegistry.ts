// Every setting the core stores, in one place: key → zod schema + default. SettingsService's typed get/set derive
// from this table (no casts at the call sites); a value is validated when it is written and again when it is read
// (a stored value that no longer fits — hand-edited, written by another version — is replaced by the default, and
// logged). To add a setting: one entry here.
import { z } from 'zod';
import { defaultRuleSettings } from '../../shared/domain/settings';
import { CAMPAIGN_ID, LANGUAGES } from '../../shared/domain/vocabulary';
import { dealerSchema, ruleSettingsSchema } from '../../shared/contract/app';
import { digestSettingsSchema } from '../../shared/contract/kpi';
import { notifySettingsSchema } from '../../shared/contract/notifications';
import { playbookSettingsSchema } from '../../shared/contract/playbook';
import { watchFolderSchema } from '../../shared/contract/import';
import { listPrefsSchema } from '../../shared/contract/lists';
import { DEFAULT_NOTIFY_SETTINGS } from '../../shared/rules/notifications';
import { DEFAULT_PLAYBOOK } from '../../shared/rules/nextStep';

/** What a default may depend on: the core's options. */
export interface SettingsContext {
  defaultTimeZone: string;
}

interface Entry<S extends z.ZodType> {
  schema: S;
  default: (ctx: SettingsContext) => z.output<S>;
  /**
   * An object whose stored value may lack fields added since it was written: the stored object is spread over the
   * default before it is validated (a missing field takes its default; a wrong one still fails).
   */
  merge?: boolean;
}
const entry = <S extends z.ZodType>(
  schema: S,
  def: (ctx: SettingsContext) => z.output<S>,
  merge = false,
): Entry<S> => ({ schema, default: def, merge });

export const DEFAULT_DIGEST = { enabled: true, hour: 8 };
export const DEFAULT_CAPACITY = 8;
export const EMPTY_DEALER = { name: '', email: '', phone: '', address: '' };

/** The SMTP account as stored: the password only encrypted (see mail/secrets.ts), null = none. */
export const storedSmtpSchema = z.object({
  host: z.string(),
  port: z.number().int().min(1).max(65535),
  tls: z.enum(['none', 'starttls', 'tls']),
  user: z.string(),
  from: z.string(),
  dealerMailbox: z.string(),
  password: z.string().nullable(),
});
export const EMPTY_SMTP: z.output<typeof storedSmtpSchema> = {
  host: '',
  port: 587,
  tls: 'starttls',
  user: '',
  from: '',
  dealerMailbox: '',
  password: null,
};

export const SETTINGS = {
  /**
   * The desk's language (also each person's remembered language is restored into it). PostgreSQL: each PC's own (with
   * desk.currentUser: multiCore/localState.ts); the table's value is the group's (SettingsService.groupLanguage).
   */
  language: entry(z.enum(LANGUAGES), () => 'en' as const),
  /** The rule figures (docs/rules.md §4, §6): time zone, opening hours, holidays, SLA figures and targets, limits. */
  rules: entry(ruleSettingsSchema, (ctx) => defaultRuleSettings(ctx.defaultTimeZone)),
  /** The dealer's identity used in e-mails, templates and reports. */
  dealer: entry(dealerSchema, () => ({ ...EMPTY_DEALER }), true),
  /** The dealer's own campaign ids (beyond DEFAULT_CAMPAIGNS), in order. */
  campaigns: entry(z.array(z.string().regex(CAMPAIGN_ID)).max(200), () => []),
  /** Campaign id → the name as typed. */
  campaignLabels: entry(z.record(z.string(), z.string()), () => ({})),
  /** Who is at the desk (a person id), null = nobody chosen yet. PostgreSQL: each PC's own (localState.ts). */
  'desk.currentUser': entry(z.number().int().positive().nullable(), () => null),
  /** The SMTP account. */
  'mail.smtp': entry(storedSmtpSchema, () => ({ ...EMPTY_SMTP }), true),
  /** Notification settings. */
  notify: entry(notifySettingsSchema, () => ({ ...DEFAULT_NOTIFY_SETTINGS }), true),
  /** When the notification run last ran (epoch ms), null = never. */
  'notify.lastRun': entry(z.number().nonnegative().nullable(), () => null),
  /** The manager's daily digest. */
  'kpi.digest': entry(digestSettingsSchema, () => ({ ...DEFAULT_DIGEST }), true),
  /** The local day (YYYY-MM-DD) the digest was last made, null = never. */
  'kpi.digest.lastDay': entry(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    () => null,
  ),
  /** The contact playbook's figures (docs/rules.md §8). */
  playbook: entry(playbookSettingsSchema, () => ({ ...DEFAULT_PLAYBOOK }), true),
  /** The watched import folder. */
  'import.watchFolder': entry(watchFolderSchema, () => watchFolderSchema.parse({})),
  /** Appointments the workshop takes per day. */
  'workshop.capacity': entry(z.number().int().min(0).max(500), () => DEFAULT_CAPACITY),
  /** Each person's list layout (columns, widths, page size): person id (or 'desk' when nobody is chosen) → layout. */
  /** The first-run setup was finished or skipped (false on a new database: the setup wizard opens). */
  'setup.done': entry(z.boolean(), () => false),
  'desk.listPrefs': entry(z.record(z.string(), listPrefsSchema), () => ({})),
  /** A group-wide person's choice of site in the header: person id (or 'desk') → site id, null = all sites. */
  'sites.choice': entry(z.record(z.string(), z.number().int().positive().nullable()), () => ({})),
  /** Sign-in sessions (host mode, docs/rules.md §12): ended this long after sign-in, or after this long unused. */
  'auth.session': entry(
    z.object({
      lifetimeHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 7),
      idleMinutes: z
        .number()
        .int()
        .min(5)
        .max(24 * 60),
    }),
    () => ({ lifetimeHours: 12, idleMinutes: 120 }),
  ),
} as const;

export type SettingKey = keyof typeof SETTINGS;
/** The value get() answers (the schema's output). */
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]['schema']>;
/** What set() accepts (the schema's input: fields with a default may be left out). */
export type SettingInput<K extends SettingKey> = z.input<(typeof SETTINGS)[K]['schema']>;

export const isSettingKey = (key: string): key is SettingKey => Object.prototype.hasOwnProperty.call(SETTINGS, key);
