// Users, their roles, absences and sign-in sessions, and the desks paired with a host (PostgreSQL; the SQLite
// definitions and their comments are in electron/store/schema/core.ts).
import { index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { bool, ms } from './types';

/** The dealer group's sites (SQLite's comment: electron/store/schema/core.ts; migration 0009_sites). */
export const sites = pgTable(
  'sites',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [uniqueIndex('sites_code').on(t.code)],
);

export const users = pgTable('users', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  /** NULL = group-wide (a group manager). */
  siteId: integer('site_id').references(() => sites.id),
  name: text('name').notNull(),
  email: text('email'),
  language: text('language').notNull().default('en'),
  active: bool('active').notNull().default(true),
  pinHash: text('pin_hash'),
  createdAt: ms('created_at').notNull(),
  passwordHash: text('password_hash'),
  passwordMustChange: bool('password_must_change').notNull().default(false),
  failedSignIns: integer('failed_sign_ins').notNull().default(0),
  lockedUntil: ms('locked_until'),
});

export const sessions = pgTable(
  'sessions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    tokenHash: text('token_hash').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ms('created_at').notNull(),
    expiresAt: ms('expires_at').notNull(),
    lastSeenAt: ms('last_seen_at').notNull(),
    endedAt: ms('ended_at'),
    deskId: integer('desk_id'),
  },
  (t) => [uniqueIndex('sessions_token').on(t.tokenHash), index('sessions_user').on(t.userId, t.endedAt)],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

export const absences = pgTable(
  'absences',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fromAt: ms('from_at').notNull(),
    toAt: ms('to_at').notNull(),
  },
  (t) => [index('absences_user').on(t.userId, t.fromAt)],
);

export const desks = pgTable(
  'desks',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    pairedAt: ms('paired_at').notNull(),
    lastSeenAt: ms('last_seen_at'),
    revokedAt: ms('revoked_at'),
  },
  (t) => [uniqueIndex('desks_token_hash').on(t.tokenHash)],
);
