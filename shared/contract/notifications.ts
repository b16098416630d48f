// Channels of the notification centre (the header bell): the current user's notifications, unread
// count, mark as read, and the scheduler's settings.
import { z } from 'zod';

export const notificationSchema = z.object({
  id: z.number(),
  /** lead_assigned, customer_lead, sla1_at_risk, lost_day45, lost_day55, appointment_today, follow_up_created, kpi.digest */
  kind: z.string(),
  leadId: z.number().nullable(),
  leadNumber: z.string().nullable(),
  leadName: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Title and text in the asked language (the same the desktop notification shows). */
  title: z.string(),
  body: z.string(),
  createdAt: z.number(),
  readAt: z.number().nullable(),
});
export type NotificationItem = z.infer<typeof notificationSchema>;

export const notifySettingsSchema = z.object({
  sla1RiskHours: z.number().int().min(1).max(72),
  copyManagers: z.boolean(),
  copyAlternates: z.boolean().default(false),
  emailAssignee: z.boolean(),
});

export const notificationChannels = {
  'notifications.list': {
    input: z
      .object({
        unreadOnly: z.boolean().default(false),
        limit: z.number().int().min(1).max(200).default(30),
        language: z.enum(['en', 'fr', 'de', 'it']).optional(),
      })
      .default({ unreadOnly: false, limit: 30 }),
    output: z.object({ items: z.array(notificationSchema), unread: z.number() }),
  },
  'notifications.markRead': {
    input: z
      .object({ ids: z.array(z.number().int().positive()).max(500).optional(), all: z.boolean().optional() })
      .refine((v) => v.all === true || (v.ids?.length ?? 0) > 0, { message: 'ids or all', path: ['ids'] }),
    output: z.object({ unread: z.number() }),
  },
  'notifications.settings.get': { input: z.object({}).default({}), output: notifySettingsSchema },
  'notifications.settings.set': { input: notifySettingsSchema, output: notifySettingsSchema },
};
