// The SQLite schema (drizzle). Times are INTEGER epoch milliseconds (UTC). Booleans are 0/1.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

const ms = (name: string) => integer(name);
const bool = (name: string) => integer(name, { mode: 'boolean' });

/**
 * The dealer group's sites (dealerships; docs/rules.md §11): site 1 holds the data of before (migration 0020).
 * Sites are added and renamed, never deleted (leads.site_id and assignment_rules.site_id refer to them without a
 * REFERENCES clause: SQLite cannot add one with a non-NULL default to an existing table; PostgreSQL's has it).
 */
export const sites = sqliteTable(
  'sites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** A short code shown where space is short (lists, exports); unique. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [uniqueIndex('sites_code').on(t.code)],
);

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The site the person works at; NULL = group-wide (a group manager: every site). */
  siteId: integer('site_id').references(() => sites.id),
  name: text('name').notNull(),
  email: text('email'),
  language: text('language').notNull().default('en'),
  active: bool('active').notNull().default(true),
  pinHash: text('pin_hash'),
  createdAt: ms('created_at').notNull(),
  /** Sign-in (docs/rules.md §12): `scrypt$N$r$p$salt$hash`, null = no password yet. */
  passwordHash: text('password_hash'),
  /** A temporary password (set by the manager, demo data, first start): changed at the next sign-in. */
  passwordMustChange: bool('password_must_change').notNull().default(false),
  /** Consecutive failed sign-ins (reset by a successful one or a password reset). */
  failedSignIns: integer('failed_sign_ins').notNull().default(0),
  lockedUntil: ms('locked_until'),
});

/** Sign-in sessions (host mode): only the SHA-256 of the token is kept. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ms('created_at').notNull(),
    expiresAt: ms('expires_at').notNull(),
    lastSeenAt: ms('last_seen_at').notNull(),
    endedAt: ms('ended_at'),
    /** The paired desk it was opened from (host mode), if known. */
    deskId: integer('desk_id'),
  },
  (t) => [uniqueIndex('sessions_token').on(t.tokenHash), index('sessions_user').on(t.userId, t.endedAt)],
);

export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

export const absences = sqliteTable(
  'absences',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fromAt: ms('from_at').notNull(),
    toAt: ms('to_at').notNull(),
  },
  (t) => [index('absences_user').on(t.userId, t.fromAt)],
);

export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dmsId: text('dms_id'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    phoneE164: text('phone_e164'),
    phoneValid: bool('phone_valid'),
    otherPhone: text('other_phone'),
    language: text('language').notNull().default('en'),
    country: text('country'),
    state: text('state'),
    city: text('city'),
    zip: text('zip'),
    consentDirectMarketing: bool('consent_direct_marketing').notNull().default(false),
    consentProfiling: bool('consent_profiling').notNull().default(false),
    consentEmail: bool('consent_email').notNull().default(false),
    consentPhone: bool('consent_phone').notNull().default(false),
    consentPost: bool('consent_post').notNull().default(false),
    consentSms: bool('consent_sms').notNull().default(false),
    consentFax: bool('consent_fax').notNull().default(false),
    consentSocial: bool('consent_social').notNull().default(false),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    anonymizedAt: ms('anonymized_at'),
  },
  (t) => [
    uniqueIndex('customers_dms').on(t.dmsId),
    index('customers_email').on(t.email),
    index('customers_phone').on(t.phoneE164),
  ],
);

export const vehicles = sqliteTable(
  'vehicles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    vin: text('vin').notNull(),
    model: text('model'),
    warrantyStart: ms('warranty_start'),
    warrantyEnd: ms('warranty_end'),
    currentWarranty: text('current_warranty'),
    currentWarrantyStart: ms('current_warranty_start'),
    currentWarrantyEnd: ms('current_warranty_end'),
    averageKm: integer('average_km'),
    mileage: integer('mileage'),
    endOfOwnership: ms('end_of_ownership'),
    ownerCustomerId: integer('owner_customer_id').references(() => customers.id, { onDelete: 'set null' }),
    ownerName: text('owner_name'),
    serviceContract: text('service_contract'),
    serviceContractExpiry: ms('service_contract_expiry'),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [uniqueIndex('vehicles_vin').on(t.vin), index('vehicles_owner').on(t.ownerCustomerId)],
);

export const leads = sqliteTable(
  'leads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The site (dealership) the lead belongs to (sites.id). */
    siteId: integer('site_id').notNull().default(1),
    number: text('number').notNull(),
    version: integer('version').notNull().default(1),
    status: text('status').notNull(),
    frozen: bool('frozen').notNull().default(false),
    leadType: text('lead_type').notNull(),
    /** 0 = customer-driven, 1 = HQ-driven: the default order puts customer-driven leads first. */
    typeRank: integer('type_rank').notNull(),
    source: text('source').notNull(),
    campaign: text('campaign').notNull(),
    campaignNotes: text('campaign_notes'),
    recontacted: bool('recontacted').notNull().default(false),
    masterLeadId: integer('master_lead_id'),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    assigneeId: integer('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    /** The assignee's name, kept by triggers (migration 0015) so that a list sorted by assignee walks an index. */
    assigneeName: text('assignee_name'),
    externalId: text('external_id'),
    createdAt: ms('created_at').notNull(),
    assignedAt: ms('assigned_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    consentDirectMarketing: bool('consent_direct_marketing').notNull().default(false),
    consentProfiling: bool('consent_profiling').notNull().default(false),
    consentEmail: bool('consent_email').notNull().default(false),
    consentPhone: bool('consent_phone').notNull().default(false),
    consentPost: bool('consent_post').notNull().default(false),
    consentSms: bool('consent_sms').notNull().default(false),
    consentFax: bool('consent_fax').notNull().default(false),
    consentSocial: bool('consent_social').notNull().default(false),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    otherPhone: text('other_phone'),
    language: text('language').notNull().default('en'),
    country: text('country'),
    state: text('state'),
    city: text('city'),
    zip: text('zip'),
    requestFor: text('request_for'),
    requestDetails: text('request_details'),
    preferredAt1: ms('preferred_at_1'),
    preferredAt2: ms('preferred_at_2'),
    preferredAt3: ms('preferred_at_3'),
    appointmentAt: ms('appointment_at'),
    appointmentEmail: bool('appointment_email').notNull().default(false),
    /** Whether the customer came to the appointment (1) or not (0); NULL = not recorded. */
    appointmentKept: bool('appointment_kept'),
    appointmentKeptAt: ms('appointment_kept_at'),
    recontactAt: ms('recontact_at'),
    customerNotes: text('customer_notes'),
    additionalServices: text('additional_services'),
    vin: text('vin'),
    endOfOwnership: ms('end_of_ownership'),
    contactAttempts: integer('contact_attempts').notNull().default(0),
    firstContactAt: ms('first_contact_at'),
    lastContactAt: ms('last_contact_at'),
    lastOutcome: text('last_outcome'),
    sla1Met: bool('sla1_met'),
    sla1DueAt: ms('sla1_due_at').notNull(),
    qualifiedAt: ms('qualified_at'),
    sla2Met: bool('sla2_met'),
    sla2DueAt: ms('sla2_due_at').notNull(),
    /** "Within 1 business day" deadline of the first contact (docs/rules.md §6), from the opening hours; NULL = to compute. */
    businessDueAt: ms('business_due_at'),
    closeReason: text('close_reason'),
    closeCategory: text('close_category'),
    managementNotes: text('management_notes'),
    closedAt: ms('closed_at'),
    followUpLeadId: integer('follow_up_lead_id'),
  },
  (t) => [
    uniqueIndex('leads_number').on(t.number),
    uniqueIndex('leads_external').on(t.externalId),
    // SLA figures: range counts per state (see electron/core/kpiService.ts), and one covering index for
    // the general "as of a past moment" query.
    index('leads_view').on(t.status, t.assignedAt),
    index('leads_site').on(t.siteId, t.status, t.assignedAt),
    index('leads_sla1').on(t.sla1Met, t.assignedAt, t.sla1DueAt),
    index('leads_sla2').on(t.sla2Met, t.assignedAt, t.sla2DueAt),
    index('leads_assigned_at').on(
      t.assignedAt,
      t.sla1Met,
      t.firstContactAt,
      t.sla1DueAt,
      t.sla2Met,
      t.qualifiedAt,
      t.sla2DueAt,
      t.status,
      t.closedAt,
    ),
    index('leads_assignee').on(t.assigneeId, t.status),
    index('leads_customer').on(t.customerId),
    index('leads_vin').on(t.vin),
    index('leads_recontact').on(t.closeReason, t.followUpLeadId, t.recontactAt),
    index('leads_appointment').on(t.status, t.appointmentAt),
    index('leads_business_due_todo')
      .on(t.id)
      .where(sql`business_due_at IS NULL`),
    // SLA & KPI (electron/core/kpi): a covering index for a period's figures, the open leads' deadlines, SLA 3's closures.
    // The breakdown dimensions lead, so a period's figures are grouped in index order (a skip-scan over the few
    // assignee/campaign/source/type values, then the assigned_at range) instead of sorting every lead of the period.
    index('leads_kpi_dims').on(
      t.assigneeId,
      t.campaign,
      t.source,
      t.leadType,
      t.assignedAt,
      t.status,
      t.firstContactAt,
      t.qualifiedAt,
      t.closedAt,
      t.sla1DueAt,
      t.sla2DueAt,
      t.businessDueAt,
      t.appointmentAt,
      t.closeReason,
    ),
    index('leads_kpi_open')
      .on(t.sla1DueAt, t.sla2DueAt, t.firstContactAt, t.qualifiedAt)
      .where(sql`status = 'assigned'`),
    index('leads_kpi_closed').on(t.status, t.closedAt, t.assignedAt),
    // "Was the appointment kept" (docs/rules.md §6): the few leads where it was recorded, with the breakdown dimensions.
    index('leads_kpi_kept')
      .on(t.assignedAt, t.assigneeId, t.campaign, t.source, t.leadType, t.appointmentKept, t.appointmentKeptAt)
      .where(sql`appointment_kept IS NOT NULL`),
  ],
);

/**
 * How many leads were assigned on each UTC day, per status — kept by triggers on `leads` (migration 0007)
 * so that SLA 3's 60-day window and the trend's weeks are summed from days instead of counting every lead.
 * Read by electron/store/repos/assignedCounts.ts; never written by the app itself.
 */
export const leadDayCounts = sqliteTable(
  'lead_day_counts',
  {
    day: integer('day').notNull(),
    status: text('status').notNull(),
    /** Per site (migration 0020), last in the key: a range of days is still the key's prefix. */
    siteId: integer('site_id').notNull().default(1),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.status, t.siteId] })],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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

export const history = sqliteTable(
  'history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: ms('updated_at').notNull(),
});

/** A site's own value of a dealership's setting (SITE_SETTING_KEYS): the group-wide `settings` row is the default. */
export const siteSettings = sqliteTable(
  'site_settings',
  {
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: text('value', { mode: 'json' }).notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.key] })],
);

export const counters = sqliteTable('counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});

export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    /** Not worth sending after this instant (a reminder once its appointment has begun): state 'expired'. */
    expiresAt: ms('expires_at'),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('outbox_dedupe').on(t.dedupeKey),
    index('outbox_due').on(t.state, t.nextAttemptAt),
    index('outbox_lead').on(t.leadId),
  ],
);

export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dedupeKey: text('dedupe_key').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    leadId: integer('lead_id').references(() => leads.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    params: text('params', { mode: 'json' }),
    createdAt: ms('created_at').notNull(),
    readAt: ms('read_at'),
    shownAt: ms('shown_at'),
  },
  (t) => [uniqueIndex('notifications_dedupe').on(t.dedupeKey), index('notifications_user').on(t.userId, t.readAt)],
);

export const assignmentRules = sqliteTable('assignment_rules', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The site whose leads the rule assigns (sites.id): a lead is assigned only to people of its site. */
  siteId: integer('site_id').notNull().default(1),
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

export const importPresets = sqliteTable(
  'import_presets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    source: text('source'),
    mapping: text('mapping', { mode: 'json' }).notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [uniqueIndex('import_presets_name').on(t.name)],
);

export const sweepRuns = sqliteTable('sweep_runs', {
  name: text('name').primaryKey(),
  lastRunAt: ms('last_run_at').notNull(),
  lastError: text('last_error'),
});

export const templates = sqliteTable(
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
export const erasureGuard = sqliteTable('erasure_guard', {
  customerId: integer('customer_id').primaryKey(),
});

/**
 * Host mode (docs/rules.md §12): the desks paired with this host. Only the SHA-256 of a desk's token is kept;
 * a revoked desk keeps its row (who it was) but its token is refused.
 */
export const desks = sqliteTable(
  'desks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    pairedAt: ms('paired_at').notNull(),
    lastSeenAt: ms('last_seen_at'),
    revokedAt: ms('revoked_at'),
  },
  (t) => [uniqueIndex('desks_token_hash').on(t.tokenHash)],
);
