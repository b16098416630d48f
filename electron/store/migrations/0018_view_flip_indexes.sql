-- A list in its default order turned the other way (the column header clicked: a closed list oldest first, an open
-- one newest first) walks one of these and stops at the page, as the default order walks the view's own index (0002):
-- without them a closed list's 110,000 leads were sorted for every page (12–14 ms at 250,000 leads).
CREATE INDEX `leads_v_assigned_flip` ON `leads` (`type_rank`, `assigned_at` DESC, `id` DESC) WHERE status = 'assigned';
--> statement-breakpoint
CREATE INDEX `leads_v_not_managed_flip` ON `leads` (`type_rank`, `assigned_at` DESC, `id` DESC) WHERE status = 'assigned' AND contact_attempts = 0;
--> statement-breakpoint
CREATE INDEX `leads_v_in_progress_flip` ON `leads` (`type_rank`, `assigned_at` DESC, `id` DESC) WHERE v_in_progress = 1;
--> statement-breakpoint
CREATE INDEX `leads_v_closed_sale_flip` ON `leads` (`type_rank`, `assigned_at`, `id`) WHERE v_closed_sale = 1;
--> statement-breakpoint
CREATE INDEX `leads_v_closed_no_sale_flip` ON `leads` (`type_rank`, `assigned_at`, `id`) WHERE close_reason IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `leads_v_lost_flip` ON `leads` (`type_rank`, `assigned_at`, `id`) WHERE status = 'lost';
