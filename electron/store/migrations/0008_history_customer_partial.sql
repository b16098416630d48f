DROP INDEX `history_customer`;--> statement-breakpoint
CREATE INDEX `history_customer` ON `history` (`customer_id`) WHERE customer_id IS NOT NULL;