CREATE TABLE `absences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`from_at` integer NOT NULL,
	`to_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `absences_user` ON `absences` (`user_id`,`from_at`);--> statement-breakpoint
CREATE TABLE `assignment_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`position` integer NOT NULL,
	`campaign` text,
	`source` text,
	`lead_type` text,
	`request_for` text,
	`target_user_id` integer,
	`target_role` text,
	`rr_cursor` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`target_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer,
	`direction` text NOT NULL,
	`channel` text NOT NULL,
	`outcome` text NOT NULL,
	`verbatim` text,
	`answer` text,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `contacts_lead` ON `contacts` (`lead_id`,`at`);--> statement-breakpoint
CREATE INDEX `contacts_at` ON `contacts` (`at`);--> statement-breakpoint
CREATE TABLE `counters` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dms_id` text,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`email` text,
	`phone` text,
	`phone_e164` text,
	`phone_valid` integer,
	`other_phone` text,
	`language` text DEFAULT 'en' NOT NULL,
	`country` text,
	`state` text,
	`city` text,
	`zip` text,
	`consent_direct_marketing` integer DEFAULT false NOT NULL,
	`consent_profiling` integer DEFAULT false NOT NULL,
	`consent_email` integer DEFAULT false NOT NULL,
	`consent_phone` integer DEFAULT false NOT NULL,
	`consent_post` integer DEFAULT false NOT NULL,
	`consent_sms` integer DEFAULT false NOT NULL,
	`consent_fax` integer DEFAULT false NOT NULL,
	`consent_social` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`anonymized_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_dms` ON `customers` (`dms_id`);--> statement-breakpoint
CREATE INDEX `customers_email` ON `customers` (`email`);--> statement-breakpoint
CREATE INDEX `customers_phone` ON `customers` (`phone_e164`);--> statement-breakpoint
CREATE TABLE `erasure_guard` (
	`customer_id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer,
	`customer_id` integer,
	`at` integer NOT NULL,
	`user_id` integer,
	`user_name` text NOT NULL,
	`field` text NOT NULL,
	`old_value` text,
	`new_value` text,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `history_lead` ON `history` (`lead_id`,`id`);--> statement-breakpoint
CREATE INDEX `history_customer` ON `history` (`customer_id`);--> statement-breakpoint
CREATE TABLE `import_presets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`source` text,
	`mapping` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_presets_name` ON `import_presets` (`name`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`status` text NOT NULL,
	`frozen` integer DEFAULT false NOT NULL,
	`lead_type` text NOT NULL,
	`type_rank` integer NOT NULL,
	`source` text NOT NULL,
	`campaign` text NOT NULL,
	`campaign_notes` text,
	`recontacted` integer DEFAULT false NOT NULL,
	`master_lead_id` integer,
	`customer_id` integer,
	`assignee_id` integer,
	`external_id` text,
	`created_at` integer NOT NULL,
	`assigned_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`consent_direct_marketing` integer DEFAULT false NOT NULL,
	`consent_profiling` integer DEFAULT false NOT NULL,
	`consent_email` integer DEFAULT false NOT NULL,
	`consent_phone` integer DEFAULT false NOT NULL,
	`consent_post` integer DEFAULT false NOT NULL,
	`consent_sms` integer DEFAULT false NOT NULL,
	`consent_fax` integer DEFAULT false NOT NULL,
	`consent_social` integer DEFAULT false NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`email` text,
	`phone` text,
	`other_phone` text,
	`language` text DEFAULT 'en' NOT NULL,
	`country` text,
	`state` text,
	`city` text,
	`zip` text,
	`request_for` text,
	`request_details` text,
	`preferred_at_1` integer,
	`preferred_at_2` integer,
	`preferred_at_3` integer,
	`appointment_at` integer,
	`appointment_email` integer DEFAULT false NOT NULL,
	`recontact_at` integer,
	`customer_notes` text,
	`additional_services` text,
	`vin` text,
	`end_of_ownership` integer,
	`contact_attempts` integer DEFAULT 0 NOT NULL,
	`first_contact_at` integer,
	`last_contact_at` integer,
	`last_outcome` text,
	`sla1_met` integer,
	`sla1_due_at` integer NOT NULL,
	`qualified_at` integer,
	`sla2_met` integer,
	`sla2_due_at` integer NOT NULL,
	`close_reason` text,
	`close_category` text,
	`management_notes` text,
	`closed_at` integer,
	`follow_up_lead_id` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leads_number` ON `leads` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `leads_external` ON `leads` (`external_id`);--> statement-breakpoint
CREATE INDEX `leads_view` ON `leads` (`status`,`type_rank`,`assigned_at`);--> statement-breakpoint
CREATE INDEX `leads_view_attempts` ON `leads` (`status`,`contact_attempts`,`type_rank`,`assigned_at`);--> statement-breakpoint
CREATE INDEX `leads_reason` ON `leads` (`close_reason`,`type_rank`,`assigned_at`);--> statement-breakpoint
CREATE INDEX `leads_assigned_at` ON `leads` (`assigned_at`,`status`,`first_contact_at`,`qualified_at`,`closed_at`,`sla1_due_at`,`sla2_due_at`);--> statement-breakpoint
CREATE INDEX `leads_assignee` ON `leads` (`assignee_id`,`status`);--> statement-breakpoint
CREATE INDEX `leads_customer` ON `leads` (`customer_id`);--> statement-breakpoint
CREATE INDEX `leads_vin` ON `leads` (`vin`);--> statement-breakpoint
CREATE INDEX `leads_recontact` ON `leads` (`close_reason`,`follow_up_lead_id`,`recontact_at`);--> statement-breakpoint
CREATE INDEX `leads_appointment` ON `leads` (`status`,`appointment_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dedupe_key` text NOT NULL,
	`user_id` integer,
	`lead_id` integer,
	`kind` text NOT NULL,
	`params` text,
	`created_at` integer NOT NULL,
	`read_at` integer,
	`shown_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dedupe_key` text NOT NULL,
	`lead_id` integer,
	`kind` text NOT NULL,
	`to_address` text NOT NULL,
	`language` text NOT NULL,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`html_body` text,
	`ics` text,
	`due_at` integer NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`message_id` text,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe` ON `outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_lead` ON `outbox` (`lead_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sweep_runs` (
	`name` text PRIMARY KEY NOT NULL,
	`last_run_at` integer NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE TABLE `templates` (
	`kind` text NOT NULL,
	`language` text NOT NULL,
	`subject` text,
	`body` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`kind`, `language`)
);
--> statement-breakpoint
CREATE TABLE `user_roles` (
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`user_id`, `role`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`language` text DEFAULT 'en' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`pin_hash` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `vehicles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vin` text NOT NULL,
	`model` text,
	`warranty_start` integer,
	`warranty_end` integer,
	`current_warranty` text,
	`current_warranty_start` integer,
	`current_warranty_end` integer,
	`average_km` integer,
	`mileage` integer,
	`end_of_ownership` integer,
	`owner_customer_id` integer,
	`owner_name` text,
	`service_contract` text,
	`service_contract_expiry` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vehicles_vin` ON `vehicles` (`vin`);--> statement-breakpoint
CREATE INDEX `vehicles_owner` ON `vehicles` (`owner_customer_id`);