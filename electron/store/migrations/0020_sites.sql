-- Sites (issue 15, docs/rules.md §11): a dealer group's dealerships. Site 1 holds every row of before, named after
-- the dealer's name when it is a simple one (non-empty, at most 80 characters), else "Main site". Leads and
-- assignment rules belong to a site (site_id NOT NULL DEFAULT 1: no REFERENCES clause, which SQLite cannot add to an
-- existing table with a non-NULL default without rebuilding `leads`; sites are never deleted and the core checks the
-- id it writes; PostgreSQL's column has the foreign key). A person's site_id NULL = group-wide (a group manager).
-- A dealership's settings (dealer identity, rule figures with the opening hours and holidays, workshop capacity) may
-- be overridden per site in site_settings; the `settings` row stays the group-wide default.
CREATE TABLE `sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_code` ON `sites` (`code`);
--> statement-breakpoint
INSERT INTO `sites` (`id`, `code`, `name`, `created_at`) VALUES (1, 'S1', coalesce((SELECT trim(json_extract(value, '$.name'))
  FROM settings WHERE key = 'dealer' AND json_valid(value) AND json_type(value, '$.name') = 'text'
    AND length(trim(json_extract(value, '$.name'))) BETWEEN 1 AND 80), 'Main site'), CAST(strftime('%s', 'now') AS INTEGER) * 1000);
--> statement-breakpoint
CREATE TABLE `site_settings` (
	`site_id` integer NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `key`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `assignment_rules` ADD `site_id` integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
ALTER TABLE `leads` ADD `site_id` integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
ALTER TABLE `users` ADD `site_id` integer REFERENCES sites(id);
--> statement-breakpoint
-- The people of before work at site 1, except the managers, who stay group-wide (they add the other sites).
UPDATE `users` SET `site_id` = 1 WHERE id NOT IN (SELECT user_id FROM user_roles WHERE role = 'manager');
--> statement-breakpoint
-- Lists of one site: its leads in a view, by assigned time (the counts of the status views per site come from
-- lead_day_counts below).
CREATE INDEX `leads_site` ON `leads` (`site_id`, `status`, `assigned_at`);
--> statement-breakpoint
-- The trigger-kept counts (0007, 0017) per site: site_id last in the key, so that the group-wide reads (a range of
-- days, a view) stay on the key's prefix and sum one row per site. Rebuilt from the leads (all at site 1 here).
DROP TRIGGER `lead_day_counts_insert`;
--> statement-breakpoint
DROP TRIGGER `lead_day_counts_update`;
--> statement-breakpoint
DROP TRIGGER `lead_day_counts_delete`;
--> statement-breakpoint
DROP TRIGGER `lead_view_counts_insert`;
--> statement-breakpoint
DROP TRIGGER `lead_view_counts_update`;
--> statement-breakpoint
DROP TRIGGER `lead_view_counts_delete`;
--> statement-breakpoint
DROP TABLE `lead_day_counts`;
--> statement-breakpoint
CREATE TABLE `lead_day_counts` (
	`day` integer NOT NULL,
	`status` text NOT NULL,
	`site_id` integer DEFAULT 1 NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`day`, `status`, `site_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `lead_day_counts` (`day`, `status`, `site_id`, `n`)
  SELECT CAST(`assigned_at` AS INTEGER) / 86400000, `status`, `site_id`, count(*) FROM `leads` GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER `lead_day_counts_insert` AFTER INSERT ON `leads` BEGIN
  INSERT INTO lead_day_counts (day, status, site_id, n) VALUES (CAST(new.assigned_at AS INTEGER) / 86400000, new.status, new.site_id, 1)
    ON CONFLICT (day, status, site_id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `lead_day_counts_update` AFTER UPDATE OF status, assigned_at, site_id ON `leads`
WHEN new.status IS NOT old.status OR new.assigned_at IS NOT old.assigned_at OR new.site_id IS NOT old.site_id BEGIN
  UPDATE lead_day_counts SET n = n - 1
    WHERE day = CAST(old.assigned_at AS INTEGER) / 86400000 AND status = old.status AND site_id = old.site_id;
  INSERT INTO lead_day_counts (day, status, site_id, n) VALUES (CAST(new.assigned_at AS INTEGER) / 86400000, new.status, new.site_id, 1)
    ON CONFLICT (day, status, site_id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `lead_day_counts_delete` AFTER DELETE ON `leads` BEGIN
  UPDATE lead_day_counts SET n = n - 1
    WHERE day = CAST(old.assigned_at AS INTEGER) / 86400000 AND status = old.status AND site_id = old.site_id;
END;
--> statement-breakpoint
DROP TABLE `lead_view_counts`;
--> statement-breakpoint
CREATE TABLE `lead_view_counts` (
	`view` text NOT NULL,
	`site_id` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`view`, `site_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Every site has its three rows from its creation.
CREATE TRIGGER `sites_view_counts` AFTER INSERT ON `sites` BEGIN
  INSERT INTO lead_view_counts (view, site_id, n) VALUES ('not_managed', new.id, 0), ('in_progress', new.id, 0),
    ('closed_no_sale', new.id, 0);
END;
--> statement-breakpoint
INSERT INTO `lead_view_counts` (`view`, `site_id`, `n`) SELECT v.view, s.id, (SELECT count(*) FROM leads WHERE site_id = s.id AND CASE v.view
    WHEN 'not_managed' THEN status = 'assigned' AND contact_attempts = 0
    WHEN 'in_progress' THEN (status = 'assigned' AND contact_attempts > 0) OR (status = 'appointment' AND frozen = 0)
    ELSE close_reason IS NOT NULL END)
  FROM sites s, (SELECT 'not_managed' AS view UNION ALL SELECT 'in_progress' UNION ALL SELECT 'closed_no_sale') v;
--> statement-breakpoint
CREATE TRIGGER `lead_view_counts_insert` AFTER INSERT ON `leads` BEGIN
  UPDATE lead_view_counts SET n = n + CASE view
    WHEN 'not_managed' THEN coalesce(new.status = 'assigned' AND new.contact_attempts = 0, 0)
    WHEN 'in_progress' THEN coalesce((new.status = 'assigned' AND new.contact_attempts > 0) OR (new.status = 'appointment' AND new.frozen = 0), 0)
    ELSE new.close_reason IS NOT NULL END
  WHERE site_id = new.site_id;
END;
--> statement-breakpoint
CREATE TRIGGER `lead_view_counts_update` AFTER UPDATE OF status, contact_attempts, frozen, close_reason, site_id ON `leads`
WHEN new.status IS NOT old.status OR new.contact_attempts IS NOT old.contact_attempts OR new.frozen IS NOT old.frozen
  OR new.close_reason IS NOT old.close_reason OR new.site_id IS NOT old.site_id BEGIN
  UPDATE lead_view_counts SET n = n - CASE view
    WHEN 'not_managed' THEN coalesce(old.status = 'assigned' AND old.contact_attempts = 0, 0)
    WHEN 'in_progress' THEN coalesce((old.status = 'assigned' AND old.contact_attempts > 0) OR (old.status = 'appointment' AND old.frozen = 0), 0)
    ELSE old.close_reason IS NOT NULL END
  WHERE site_id = old.site_id;
  UPDATE lead_view_counts SET n = n + CASE view
    WHEN 'not_managed' THEN coalesce(new.status = 'assigned' AND new.contact_attempts = 0, 0)
    WHEN 'in_progress' THEN coalesce((new.status = 'assigned' AND new.contact_attempts > 0) OR (new.status = 'appointment' AND new.frozen = 0), 0)
    ELSE new.close_reason IS NOT NULL END
  WHERE site_id = new.site_id;
END;
--> statement-breakpoint
CREATE TRIGGER `lead_view_counts_delete` AFTER DELETE ON `leads` BEGIN
  UPDATE lead_view_counts SET n = n - CASE view
    WHEN 'not_managed' THEN coalesce(old.status = 'assigned' AND old.contact_attempts = 0, 0)
    WHEN 'in_progress' THEN coalesce((old.status = 'assigned' AND old.contact_attempts > 0) OR (old.status = 'appointment' AND old.frozen = 0), 0)
    ELSE old.close_reason IS NOT NULL END
  WHERE site_id = old.site_id;
END;
