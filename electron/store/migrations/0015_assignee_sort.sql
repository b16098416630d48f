-- A list sorted by assignee walks an index in order and stops at the page instead of sorting the whole view by the
-- users' names: a closed list's page (100,000 leads each at 250,000) took 0.17–0.32 s. The name is kept on the lead by
-- triggers (a new lead, a change of assignee, a person renamed); the leads without an assignee come last either way,
-- hence one index per direction (electron/core/listService.ts SORT_SQL.assignee).
ALTER TABLE `leads` ADD `assignee_name` text;
--> statement-breakpoint
UPDATE `leads` SET `assignee_name` = (SELECT `name` FROM `users` WHERE `users`.`id` = `leads`.`assignee_id`) WHERE `assignee_id` IS NOT NULL;
--> statement-breakpoint
CREATE TRIGGER `leads_assignee_name_insert` AFTER INSERT ON `leads` WHEN new.assignee_id IS NOT NULL BEGIN
  UPDATE leads SET assignee_name = (SELECT name FROM users WHERE id = new.assignee_id) WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_assignee_name_update` AFTER UPDATE OF assignee_id ON `leads`
WHEN new.assignee_id IS NOT old.assignee_id BEGIN
  UPDATE leads SET assignee_name = (SELECT name FROM users WHERE id = new.assignee_id) WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `users_name_on_leads` AFTER UPDATE OF name ON `users` WHEN new.name IS NOT old.name BEGIN
  UPDATE leads SET assignee_name = new.name WHERE assignee_id = new.id;
END;
--> statement-breakpoint
CREATE INDEX `leads_sort_assignee` ON `leads` (coalesce(`assignee_name`, char(1114111)) COLLATE NOCASE, `id`);
--> statement-breakpoint
CREATE INDEX `leads_sort_assignee_desc` ON `leads` (coalesce(`assignee_name`, '') COLLATE NOCASE, `id`);
