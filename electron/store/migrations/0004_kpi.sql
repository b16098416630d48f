ALTER TABLE `leads` ADD `business_due_at` integer;--> statement-breakpoint
CREATE INDEX `leads_business_due_todo` ON `leads` (`id`) WHERE business_due_at IS NULL;--> statement-breakpoint
CREATE INDEX `leads_kpi_window` ON `leads` (`assigned_at`,`assignee_id`,`campaign`,`source`,`lead_type`,`status`,`first_contact_at`,`qualified_at`,`closed_at`,`sla1_due_at`,`sla2_due_at`,`business_due_at`,`appointment_at`,`close_reason`);--> statement-breakpoint
CREATE INDEX `leads_kpi_open` ON `leads` (`sla1_due_at`,`sla2_due_at`,`first_contact_at`,`qualified_at`) WHERE status = 'assigned';--> statement-breakpoint
CREATE INDEX `leads_kpi_closed` ON `leads` (`status`,`closed_at`,`assigned_at`);--> statement-breakpoint
CREATE INDEX `contacts_kpi` ON `contacts` (`lead_id`,`at`,`channel`,`outcome`);