ALTER TABLE `leads` ADD `business_due_at` integer;--> statement-breakpoint
CREATE INDEX `leads_business_due_todo` ON `leads` (`id`) WHERE business_due_at IS NULL;