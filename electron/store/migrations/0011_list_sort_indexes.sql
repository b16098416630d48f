-- A list sorted by name, creation date (or days since) or contact attempts walks one of these in order and stops at
-- the page, instead of sorting the whole view: on the closed lists (100,000 leads each at 250,000) a sorted page took
-- 0.3–1.1 s, ≈ 1 ms with them (test/bench/desks.ts). The planner keeps the view's own index
-- where the view is small.
CREATE INDEX `leads_sort_name` ON `leads` (`last_name` COLLATE NOCASE, `first_name` COLLATE NOCASE, `id`);
--> statement-breakpoint
CREATE INDEX `leads_sort_created` ON `leads` (`created_at`, `id`);
--> statement-breakpoint
CREATE INDEX `leads_sort_attempts` ON `leads` (`contact_attempts`, `id`);
