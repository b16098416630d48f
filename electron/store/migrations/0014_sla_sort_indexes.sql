-- A list sorted by SLA deadline (electron/core/listService.ts SORT_SQL.sla: the leads without a deadline last, by id)
-- walks one of these in order and stops at the page instead of computing and sorting the deadline of the whole view:
-- a closed list's page (100,000 leads each at 250,000) took 0.2–1 s, 20–70 ms with them. One per direction, since
-- the leads without a deadline come last either way.
CREATE INDEX `leads_sort_sla` ON `leads` (coalesce(CASE WHEN first_contact_at IS NULL THEN sla1_due_at WHEN qualified_at IS NULL THEN sla2_due_at END, 9007199254740991), `id`);
--> statement-breakpoint
CREATE INDEX `leads_sort_sla_desc` ON `leads` (coalesce(CASE WHEN first_contact_at IS NULL THEN sla1_due_at WHEN qualified_at IS NULL THEN sla2_due_at END, -9007199254740991), `id`);
