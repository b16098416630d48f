-- The list screen's indexes, as SQLite's migrations 0002, 0011, 0014, 0015, 0016, 0018 and 0019 (same names; see
-- their comments for why each exists). PostgreSQL has no COLLATE NOCASE: a case-insensitive order is lower(…), so a
-- query sorted by name or assignee must say lower(…) for these to serve it. No INDEXED BY either: the planner picks.
-- One partial index per list view, in the view's default order (0002), and the same turned the other way (0018).
CREATE INDEX "leads_v_assigned" ON "leads" ("type_rank", "assigned_at", "id") WHERE status = 'assigned';
--> statement-breakpoint
CREATE INDEX "leads_v_not_managed" ON "leads" ("type_rank", "assigned_at", "id") WHERE status = 'assigned' AND contact_attempts = 0;
--> statement-breakpoint
CREATE INDEX "leads_v_in_progress" ON "leads" ("type_rank", "assigned_at", "id") WHERE v_in_progress = 1;
--> statement-breakpoint
CREATE INDEX "leads_v_closed_sale" ON "leads" ("type_rank", "assigned_at" DESC, "id" DESC) WHERE v_closed_sale = 1;
--> statement-breakpoint
CREATE INDEX "leads_v_closed_no_sale" ON "leads" ("type_rank", "assigned_at" DESC, "id" DESC) WHERE close_reason IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "leads_v_lost" ON "leads" ("type_rank", "assigned_at" DESC, "id" DESC) WHERE status = 'lost';
--> statement-breakpoint
CREATE INDEX "leads_v_assigned_flip" ON "leads" ("type_rank", "assigned_at" DESC, "id" DESC) WHERE status = 'assigned';
--> statement-breakpoint
CREATE INDEX "leads_v_not_managed_flip" ON "leads" ("type_rank", "assigned_at" DESC, "id" DESC) WHERE status = 'assigned' AND contact_attempts = 0;
--> statement-breakpoint
CREATE INDEX "leads_v_in_progress_flip" ON "leads" ("type_rank", "assigned_at" DESC, "id" DESC) WHERE v_in_progress = 1;
--> statement-breakpoint
CREATE INDEX "leads_v_closed_sale_flip" ON "leads" ("type_rank", "assigned_at", "id") WHERE v_closed_sale = 1;
--> statement-breakpoint
CREATE INDEX "leads_v_closed_no_sale_flip" ON "leads" ("type_rank", "assigned_at", "id") WHERE close_reason IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "leads_v_lost_flip" ON "leads" ("type_rank", "assigned_at", "id") WHERE status = 'lost';
--> statement-breakpoint
-- Whole-table sort orders (0011, 0014, 0015): the leads without an SLA deadline or an assignee last either way.
CREATE INDEX "leads_sort_name" ON "leads" (lower("last_name"), lower("first_name"), "id");
--> statement-breakpoint
CREATE INDEX "leads_sort_created" ON "leads" ("created_at", "id");
--> statement-breakpoint
CREATE INDEX "leads_sort_attempts" ON "leads" ("contact_attempts", "id");
--> statement-breakpoint
CREATE INDEX "leads_sort_sla" ON "leads" ((coalesce(CASE WHEN first_contact_at IS NULL THEN sla1_due_at WHEN qualified_at IS NULL THEN sla2_due_at END, 9007199254740991)), "id");
--> statement-breakpoint
CREATE INDEX "leads_sort_sla_desc" ON "leads" ((coalesce(CASE WHEN first_contact_at IS NULL THEN sla1_due_at WHEN qualified_at IS NULL THEN sla2_due_at END, -9007199254740991)), "id");
--> statement-breakpoint
CREATE INDEX "leads_sort_assignee" ON "leads" (lower(coalesce("assignee_name", chr(1114111))), "id");
--> statement-breakpoint
CREATE INDEX "leads_sort_assignee_desc" ON "leads" (lower(coalesce("assignee_name", '')), "id");
--> statement-breakpoint
-- My day (0016): a person's open leads with every column the next step needs (INCLUDE: carried, not ordered).
CREATE INDEX "leads_my_day" ON "leads" ("assignee_id", "id") INCLUDE ("number", "version", "first_name", "last_name",
  "lead_type", "status", "frozen", "source", "campaign", "assignee_name", "assigned_at", "contact_attempts", "phone",
  "other_phone", "email", "language", "country", "appointment_at", "preferred_at_1", "preferred_at_2", "preferred_at_3",
  "consent_email", "consent_direct_marketing", "consent_profiling", "consent_phone", "consent_post", "consent_sms",
  "consent_fax", "consent_social")
  WHERE status IN ('assigned', 'appointment') AND (status = 'assigned' OR NOT frozen);
--> statement-breakpoint
-- The open leads in another order than their view's (0019).
CREATE INDEX "leads_open_sort_name" ON "leads" (lower("last_name"), lower("first_name"), "id") INCLUDE ("status", "contact_attempts", "frozen") WHERE status IN ('assigned', 'appointment');
--> statement-breakpoint
CREATE INDEX "leads_open_sort_created" ON "leads" ("created_at", "id") INCLUDE ("status", "contact_attempts", "frozen") WHERE status IN ('assigned', 'appointment');
--> statement-breakpoint
CREATE INDEX "leads_open_sort_attempts" ON "leads" ("contact_attempts", "id") INCLUDE ("status", "frozen") WHERE status IN ('assigned', 'appointment');
--> statement-breakpoint
CREATE INDEX "leads_open_sort_assignee" ON "leads" (lower(coalesce("assignee_name", chr(1114111))), "id") INCLUDE ("status", "contact_attempts", "frozen") WHERE status IN ('assigned', 'appointment');
--> statement-breakpoint
CREATE INDEX "leads_open_sort_assignee_desc" ON "leads" (lower(coalesce("assignee_name", '')), "id") INCLUDE ("status", "contact_attempts", "frozen") WHERE status IN ('assigned', 'appointment');
--> statement-breakpoint
CREATE INDEX "leads_open_sort_sla" ON "leads" ((coalesce(CASE WHEN first_contact_at IS NULL THEN sla1_due_at WHEN qualified_at IS NULL THEN sla2_due_at END, 9007199254740991)), "id") INCLUDE ("status", "contact_attempts", "frozen") WHERE status IN ('assigned', 'appointment');
--> statement-breakpoint
CREATE INDEX "leads_open_sort_sla_desc" ON "leads" ((coalesce(CASE WHEN first_contact_at IS NULL THEN sla1_due_at WHEN qualified_at IS NULL THEN sla2_due_at END, -9007199254740991)), "id") INCLUDE ("status", "contact_attempts", "frozen") WHERE status IN ('assigned', 'appointment');
