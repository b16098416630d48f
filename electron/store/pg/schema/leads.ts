// Customers, vehicles and leads, with the counts kept by triggers (PostgreSQL; the SQLite definitions and their
// comments are in electron/store/schema/core.ts and the migrations named below). The list views' partial indexes,
// the sort indexes and the search are custom SQL (electron/store/pg/migrations, see ../README.md).
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sites, users } from './people';
import { bool, ms } from './types';

const consents = {
  consentDirectMarketing: bool('consent_direct_marketing').notNull().default(false),
  consentProfiling: bool('consent_profiling').notNull().default(false),
  consentEmail: bool('consent_email').notNull().default(false),
  consentPhone: bool('consent_phone').notNull().default(false),
  consentPost: bool('consent_post').notNull().default(false),
  consentSms: bool('consent_sms').notNull().default(false),
  consentFax: bool('consent_fax').notNull().default(false),
  consentSocial: bool('consent_social').notNull().default(false),
};

export const customers = pgTable(
  'customers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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
    ...consents,
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

export const vehicles = pgTable(
  'vehicles',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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

export const leads = pgTable(
  'leads',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    siteId: integer('site_id')
      .notNull()
      .default(1)
      .references(() => sites.id),
    number: text('number').notNull(),
    version: integer('version').notNull().default(1),
    status: text('status').notNull(),
    frozen: bool('frozen').notNull().default(false),
    leadType: text('lead_type').notNull(),
    typeRank: integer('type_rank').notNull(),
    source: text('source').notNull(),
    campaign: text('campaign').notNull(),
    campaignNotes: text('campaign_notes'),
    recontacted: bool('recontacted').notNull().default(false),
    masterLeadId: integer('master_lead_id'),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    assigneeId: integer('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    /** Kept by triggers (custom migration assignee_name, as SQLite's 0015). */
    assigneeName: text('assignee_name'),
    externalId: text('external_id'),
    createdAt: ms('created_at').notNull(),
    assignedAt: ms('assigned_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    ...consents,
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
    businessDueAt: ms('business_due_at'),
    closeReason: text('close_reason'),
    closeCategory: text('close_category'),
    managementNotes: text('management_notes'),
    closedAt: ms('closed_at'),
    followUpLeadId: integer('follow_up_lead_id'),
    // The two list views whose rule has an OR (SQLite's virtual columns of migration 0002; stored here).
    vInProgress: integer('v_in_progress').generatedAlwaysAs(
      sql`CASE WHEN (status = 'assigned' AND contact_attempts > 0) OR (status = 'appointment' AND NOT frozen) THEN 1 END`,
    ),
    vClosedSale: integer('v_closed_sale').generatedAlwaysAs(
      sql`CASE WHEN status IN ('closed_sale', 'appointment') THEN 1 END`,
    ),
  },
  (t) => [
    uniqueIndex('leads_number').on(t.number),
    uniqueIndex('leads_external').on(t.externalId),
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
    index('leads_kpi_kept')
      .on(t.assignedAt, t.assigneeId, t.campaign, t.source, t.leadType, t.appointmentKept, t.appointmentKeptAt)
      .where(sql`appointment_kept IS NOT NULL`),
  ],
);

/** Leads assigned per UTC day and status, kept by triggers on `leads` (SQLite's migration 0007). */
export const leadDayCounts = pgTable(
  'lead_day_counts',
  {
    day: integer('day').notNull(),
    status: text('status').notNull(),
    siteId: integer('site_id').notNull().default(1),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.status, t.siteId] })],
);

/** The whole counts of the views that are not a set of statuses, kept by triggers (SQLite's migration 0017). */
export const leadViewCounts = pgTable(
  'lead_view_counts',
  {
    view: text('view').notNull(),
    siteId: integer('site_id').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.view, t.siteId] })],
);
