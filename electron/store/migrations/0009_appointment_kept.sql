ALTER TABLE `leads` ADD `appointment_kept` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `appointment_kept_at` integer;--> statement-breakpoint
CREATE INDEX `leads_kpi_kept` ON `leads` (`assigned_at`,`assignee_id`,`campaign`,`source`,`lead_type`,`appointment_kept`,`appointment_kept_at`) WHERE appointment_kept IS NOT NULL;