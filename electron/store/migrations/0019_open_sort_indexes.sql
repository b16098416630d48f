-- A page of an open list (Assigned to Dealer, Not Managed Yet, In Progress: ≈ 12,000 leads each at 250,000) in
-- another order than its own walks one of these — the open leads only, with the columns the views' conditions read —
-- and stops at the page, instead of sorting the whole view or walking a whole-table order index that reads each lead
-- from the table to learn its status (6–15 ms → ≈ 1 ms; electron/core/listService.ts OPEN_SORT_INDEX). Their WHERE is
-- the open views' first term, word for word.
CREATE INDEX `leads_open_sort_name` ON `leads` (last_name COLLATE NOCASE, first_name COLLATE NOCASE, id, status, contact_attempts, frozen) WHERE status IN ('assigned', 'appointment');
--> statement-breakpoint
CREATE INDEX `leads_open_sort_created` ON `leads` (created_at, id, status, contact_attempts, frozen) WHERE status IN ('assigned', 'appointment');
--> statement-breakpoint
CREATE INDEX `leads_open_sort_attempts` ON `leads` (contact_attempts, id, status, frozen) WHERE status IN ('assigned', 'appointment');
--> statement-breakpoint
CREATE INDEX `leads_open_sort_assignee` ON `leads` (coalesce(assignee_name, char(1114111)) COLLATE NOCASE, id, status, contact_attempts, frozen) WHERE status IN ('assigned', 'appointment');
--> statement-breakpoint
CREATE INDEX `leads_open_sort_assignee_desc` ON `leads` (coalesce(assignee_name, '') COLLATE NOCASE, id, status, contact_attempts, frozen) WHERE status IN ('assigned', 'appointment');
--> statement-breakpoint
CREATE INDEX `leads_open_sort_sla` ON `leads` (coalesce(CASE WHEN first_contact_at IS NULL THEN sla1_due_at WHEN qualified_at IS NULL THEN sla2_due_at END, 9007199254740991), id, status, contact_attempts, frozen) WHERE status IN ('assigned', 'appointment');
--> statement-breakpoint
CREATE INDEX `leads_open_sort_sla_desc` ON `leads` (coalesce(CASE WHEN first_contact_at IS NULL THEN sla1_due_at WHEN qualified_at IS NULL THEN sla2_due_at END, -9007199254740991), id, status, contact_attempts, frozen) WHERE status IN ('assigned', 'appointment');
