-- One partial index per list view (docs/rules.md §5), in the view's default order: customer-driven first,
-- then oldest first for the open views and newest first for the closed ones. Paging and counting a
-- view read only that view's entries. The two views whose rule has an OR get a virtual column so that
-- the query's WHERE matches the index's exactly. VIEW_WHERE in electron/core/listService.ts uses these.
ALTER TABLE `leads` ADD COLUMN `v_in_progress` INTEGER GENERATED ALWAYS AS (CASE WHEN (status = 'assigned' AND contact_attempts > 0) OR (status = 'appointment' AND frozen = 0) THEN 1 END) VIRTUAL;
--> statement-breakpoint
ALTER TABLE `leads` ADD COLUMN `v_closed_sale` INTEGER GENERATED ALWAYS AS (CASE WHEN status IN ('closed_sale', 'appointment') THEN 1 END) VIRTUAL;
--> statement-breakpoint
CREATE INDEX `leads_v_assigned` ON `leads` (`type_rank`, `assigned_at`, `id`) WHERE status = 'assigned';
--> statement-breakpoint
CREATE INDEX `leads_v_not_managed` ON `leads` (`type_rank`, `assigned_at`, `id`) WHERE status = 'assigned' AND contact_attempts = 0;
--> statement-breakpoint
CREATE INDEX `leads_v_in_progress` ON `leads` (`type_rank`, `assigned_at`, `id`) WHERE v_in_progress = 1;
--> statement-breakpoint
CREATE INDEX `leads_v_closed_sale` ON `leads` (`type_rank`, `assigned_at` DESC, `id` DESC) WHERE v_closed_sale = 1;
--> statement-breakpoint
CREATE INDEX `leads_v_closed_no_sale` ON `leads` (`type_rank`, `assigned_at` DESC, `id` DESC) WHERE close_reason IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `leads_v_lost` ON `leads` (`type_rank`, `assigned_at` DESC, `id` DESC) WHERE status = 'lost';
