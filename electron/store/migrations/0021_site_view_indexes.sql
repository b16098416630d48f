-- A site desk's list (issue 15, docs/rules.md §11) in a view's default order, either way: the view's index per site
-- (site_id first), walked to the page as the whole view walks its own (0002, 0018); before, the view's index of every
-- site was walked and each lead read for its site. Same names and columns as PostgreSQL's 0011.
CREATE INDEX `leads_site_v_assigned` ON `leads` (`site_id`, `type_rank`, `assigned_at`, `id`) WHERE status = 'assigned';
--> statement-breakpoint
CREATE INDEX `leads_site_v_not_managed` ON `leads` (`site_id`, `type_rank`, `assigned_at`, `id`) WHERE status = 'assigned' AND contact_attempts = 0;
--> statement-breakpoint
CREATE INDEX `leads_site_v_in_progress` ON `leads` (`site_id`, `type_rank`, `assigned_at`, `id`) WHERE v_in_progress = 1;
--> statement-breakpoint
CREATE INDEX `leads_site_v_closed_sale` ON `leads` (`site_id`, `type_rank`, `assigned_at` DESC, `id` DESC) WHERE v_closed_sale = 1;
--> statement-breakpoint
CREATE INDEX `leads_site_v_closed_no_sale` ON `leads` (`site_id`, `type_rank`, `assigned_at` DESC, `id` DESC) WHERE close_reason IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `leads_site_v_lost` ON `leads` (`site_id`, `type_rank`, `assigned_at` DESC, `id` DESC) WHERE status = 'lost';
--> statement-breakpoint
CREATE INDEX `leads_site_v_assigned_flip` ON `leads` (`site_id`, `type_rank`, `assigned_at` DESC, `id` DESC) WHERE status = 'assigned';
--> statement-breakpoint
CREATE INDEX `leads_site_v_not_managed_flip` ON `leads` (`site_id`, `type_rank`, `assigned_at` DESC, `id` DESC) WHERE status = 'assigned' AND contact_attempts = 0;
--> statement-breakpoint
CREATE INDEX `leads_site_v_in_progress_flip` ON `leads` (`site_id`, `type_rank`, `assigned_at` DESC, `id` DESC) WHERE v_in_progress = 1;
--> statement-breakpoint
CREATE INDEX `leads_site_v_closed_sale_flip` ON `leads` (`site_id`, `type_rank`, `assigned_at`, `id`) WHERE v_closed_sale = 1;
--> statement-breakpoint
CREATE INDEX `leads_site_v_closed_no_sale_flip` ON `leads` (`site_id`, `type_rank`, `assigned_at`, `id`) WHERE close_reason IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `leads_site_v_lost_flip` ON `leads` (`site_id`, `type_rank`, `assigned_at`, `id`) WHERE status = 'lost';
