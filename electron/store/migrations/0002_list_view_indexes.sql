-- One partial index per list view (domain.md §5), in the view's default order: customer-driven first,
-- then oldest first for the open views and newest first for the closed ones. Paging and counting a
-- view read only that view's entries. The WHERE clauses match VIEW_WHERE in electron/core/listService.ts.
CREATE INDEX `leads_v_assigned` ON `leads` (`type_rank`, `assigned_at`, `id`) WHERE status = 'assigned';
--> statement-breakpoint
CREATE INDEX `leads_v_not_managed` ON `leads` (`type_rank`, `assigned_at`, `id`) WHERE status = 'assigned' AND contact_attempts = 0;
--> statement-breakpoint
CREATE INDEX `leads_v_in_progress` ON `leads` (`type_rank`, `assigned_at`, `id`) WHERE ((status = 'assigned' AND contact_attempts > 0) OR (status = 'appointment' AND frozen = 0));
--> statement-breakpoint
CREATE INDEX `leads_v_closed_sale` ON `leads` (`type_rank`, `assigned_at` DESC, `id` DESC) WHERE status IN ('closed_sale', 'appointment');
--> statement-breakpoint
CREATE INDEX `leads_v_closed_no_sale` ON `leads` (`type_rank`, `assigned_at` DESC, `id` DESC) WHERE close_reason IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `leads_v_lost` ON `leads` (`type_rank`, `assigned_at` DESC, `id` DESC) WHERE status = 'lost';
