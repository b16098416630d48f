// Channels of e-mail: the SMTP account (the password never comes back, only whether one is set),
// the "send test e-mail" button and the outbox (what waits, what was sent, what failed and why).
import { z } from 'zod';

export const TLS_MODES = ['none', 'starttls', 'tls'] as const;
export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'failed', 'cancelled', 'expired'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export const smtpSettingsSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  tls: z.enum(TLS_MODES),
  user: z.string(),
  from: z.string(),
  /** The dealership's mailbox: gets a copy of every appointment e-mail. Empty = the dealer's e-mail. */
  dealerMailbox: z.string(),
  passwordSet: z.boolean(),
  /** How the password is protected on this PC: Electron's safeStorage, or an AES key file beside the database. */
  secretStore: z.string(),
});
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;

export const smtpSettingsInput = z.object({
  host: z.string().trim().max(253),
  port: z.number().int().min(1).max(65535),
  tls: z.enum(TLS_MODES),
  user: z.string().trim().max(254),
  /** Absent = keep the stored password; '' = remove it. */
  password: z.string().max(1024).optional(),
  from: z.string().trim().max(254),
  dealerMailbox: z.string().trim().max(254),
});
export type SmtpSettingsInput = z.infer<typeof smtpSettingsInput>;

export const outboxItemSchema = z.object({
  id: z.number(),
  leadId: z.number().nullable(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  state: z.enum(OUTBOX_STATES),
  attempts: z.number(),
  dueAt: z.number(),
  nextAttemptAt: z.number(),
  lastError: z.string().nullable(),
  sentAt: z.number().nullable(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const mailChannels = {
  'mail.settings.get': { input: z.object({}).default({}), output: smtpSettingsSchema },
  'mail.settings.set': { input: smtpSettingsInput, output: smtpSettingsSchema },
  /** Sends a test e-mail now (not through the outbox) and returns the server's answer. */
  'mail.test': {
    /** `account`: the values on screen, saved or not (password: the typed one, or the stored one when absent or empty). */
    input: z.object({ to: z.string().trim().min(3).max(254), account: smtpSettingsInput.optional() }),
    output: z.object({ to: z.string(), messageId: z.string(), response: z.string() }),
  },
  'mail.outbox.list': {
    input: z
      .object({ leadId: z.number().int().positive().optional(), limit: z.number().int().min(1).max(500).default(50) })
      .default({ limit: 50 }),
    output: z.object({ items: z.array(outboxItemSchema), counts: z.record(z.string(), z.number()) }),
  },
  /** A failed e-mail is queued again (after the address or the account was fixed). */
  'mail.outbox.retry': { input: z.object({ id: z.number().int().positive() }), output: outboxItemSchema },
};
