// What happens to a lead: contacts, the append-only history, queued e-mails and notifications (PostgreSQL; the
// SQLite definitions and their comments are in electron/store/schema/core.ts).
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { leads } from './leads';
import { users } from './people';
import { jsonText, ms } from './types';

export const contacts = pgTable(
  'contacts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    at: ms('at').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    direction: text('direction').notNull(),
    channel: text('channel').notNull(),
    outcome: text('outcome').notNull(),
    verbatim: text('verbatim'),
    answer: text('answer'),
  },
  (t) => [
    index('contacts_lead').on(t.leadId, t.at),
    index('contacts_at').on(t.at),
    index('contacts_kpi').on(t.leadId, t.at, t.channel, t.outcome),
  ],
);

export const history = pgTable(
  'history',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    leadId: integer('lead_id').references(() => leads.id),
    customerId: integer('customer_id'),
    at: ms('at').notNull(),
    userId: integer('user_id'),
    userName: text('user_name').notNull(),
    field: text('field').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
  },
  (t) => [
    index('history_lead').on(t.leadId, t.id),
    index('history_customer')
      .on(t.customerId)
      .where(sql`customer_id IS NOT NULL`),
  ],
);

export const outbox = pgTable(
  'outbox',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    dedupeKey: text('dedupe_key').notNull(),
    leadId: integer('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    language: text('language').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    ics: text('ics'),
    dueAt: ms('due_at').notNull(),
    state: text('state').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ms('next_attempt_at').notNull(),
    lastError: text('last_error'),
    messageId: text('message_id'),
    sentAt: ms('sent_at'),
    expiresAt: ms('expires_at'),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('outbox_dedupe').on(t.dedupeKey),
    index('outbox_due').on(t.state, t.nextAttemptAt),
    index('outbox_lead').on(t.leadId),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    dedupeKey: text('dedupe_key').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    leadId: integer('lead_id').references(() => leads.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    params: jsonText('params'),
    createdAt: ms('created_at').notNull(),
    readAt: ms('read_at'),
    shownAt: ms('shown_at'),
  },
  (t) => [uniqueIndex('notifications_dedupe').on(t.dedupeKey), index('notifications_user').on(t.userId, t.readAt)],
);
