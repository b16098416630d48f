// Settings, counters, rules, presets, templates and the bookkeeping tables (PostgreSQL; the SQLite definitions and
// their comments are in electron/store/schema/core.ts).
import { integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sites, users } from './people';
import { bool, int64, jsonText, ms } from './types';

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonText('value').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

export const siteSettings = pgTable(
  'site_settings',
  {
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: jsonText('value').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.key] })],
);

export const counters = pgTable('counters', {
  name: text('name').primaryKey(),
  value: int64('value').notNull(),
});

export const assignmentRules = pgTable('assignment_rules', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  siteId: integer('site_id')
    .notNull()
    .default(1)
    .references(() => sites.id),
  position: integer('position').notNull(),
  campaign: text('campaign'),
  source: text('source'),
  leadType: text('lead_type'),
  requestFor: text('request_for'),
  targetUserId: integer('target_user_id').references(() => users.id, { onDelete: 'cascade' }),
  targetRole: text('target_role'),
  rrCursor: integer('rr_cursor').notNull().default(0),
  active: bool('active').notNull().default(true),
});

export const importPresets = pgTable(
  'import_presets',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    source: text('source'),
    mapping: jsonText('mapping').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [uniqueIndex('import_presets_name').on(t.name)],
);

export const sweepRuns = pgTable('sweep_runs', {
  name: text('name').primaryKey(),
  lastRunAt: ms('last_run_at').notNull(),
  lastError: text('last_error'),
});

export const templates = pgTable(
  'templates',
  {
    kind: text('kind').notNull(),
    language: text('language').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.language] })],
);

/** Present only inside a privacy-erasure transaction: the one case where history values may be rewritten. */
export const erasureGuard = pgTable('erasure_guard', {
  customerId: integer('customer_id').primaryKey(),
});
