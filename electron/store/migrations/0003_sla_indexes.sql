DROP INDEX `leads_view_attempts`;--> statement-breakpoint
DROP INDEX `leads_reason`;--> statement-breakpoint
DROP INDEX `leads_view`;--> statement-breakpoint
DROP INDEX `leads_assigned_at`;--> statement-breakpoint
CREATE INDEX `leads_sla1` ON `leads` (`sla1_met`,`assigned_at`,`sla1_due_at`);--> statement-breakpoint
CREATE INDEX `leads_sla2` ON `leads` (`sla2_met`,`assigned_at`,`sla2_due_at`);--> statement-breakpoint
CREATE INDEX `leads_view` ON `leads` (`status`,`assigned_at`);--> statement-breakpoint
CREATE INDEX `leads_assigned_at` ON `leads` (`assigned_at`,`sla1_met`,`first_contact_at`,`sla1_due_at`,`sla2_met`,`qualified_at`,`sla2_due_at`,`status`,`closed_at`);