-- The whole counts of the three views that are not a set of statuses (Not Managed, In Progress, Closed No Sale), kept
-- exact by triggers in the same transaction as every write to `leads`, as lead_day_counts keeps the others (0007):
-- the list screen asks for every view's count with each page, and counting Closed No Sale's ≈ 130,000 index entries
-- again after every desk's write took 8–15 ms. Each view's condition is electron/core/listService.ts VIEW_WHERE's.
CREATE TABLE `lead_view_counts` (
	`view` text PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `lead_view_counts` (`view`, `n`) VALUES
  ('not_managed', (SELECT count(*) FROM leads WHERE status = 'assigned' AND contact_attempts = 0)),
  ('in_progress', (SELECT count(*) FROM leads WHERE (status = 'assigned' AND contact_attempts > 0) OR (status = 'appointment' AND frozen = 0))),
  ('closed_no_sale', (SELECT count(*) FROM leads WHERE close_reason IS NOT NULL));
--> statement-breakpoint
CREATE TRIGGER `lead_view_counts_insert` AFTER INSERT ON `leads` BEGIN
  UPDATE lead_view_counts SET n = n + CASE view
    WHEN 'not_managed' THEN coalesce(new.status = 'assigned' AND new.contact_attempts = 0, 0)
    WHEN 'in_progress' THEN coalesce((new.status = 'assigned' AND new.contact_attempts > 0) OR (new.status = 'appointment' AND new.frozen = 0), 0)
    ELSE new.close_reason IS NOT NULL END;
END;
--> statement-breakpoint
CREATE TRIGGER `lead_view_counts_update` AFTER UPDATE OF status, contact_attempts, frozen, close_reason ON `leads`
WHEN new.status IS NOT old.status OR new.contact_attempts IS NOT old.contact_attempts OR new.frozen IS NOT old.frozen
  OR new.close_reason IS NOT old.close_reason BEGIN
  UPDATE lead_view_counts SET n = n + CASE view
    WHEN 'not_managed' THEN coalesce(new.status = 'assigned' AND new.contact_attempts = 0, 0)
      - coalesce(old.status = 'assigned' AND old.contact_attempts = 0, 0)
    WHEN 'in_progress' THEN coalesce((new.status = 'assigned' AND new.contact_attempts > 0) OR (new.status = 'appointment' AND new.frozen = 0), 0)
      - coalesce((old.status = 'assigned' AND old.contact_attempts > 0) OR (old.status = 'appointment' AND old.frozen = 0), 0)
    ELSE (new.close_reason IS NOT NULL) - (old.close_reason IS NOT NULL) END;
END;
--> statement-breakpoint
CREATE TRIGGER `lead_view_counts_delete` AFTER DELETE ON `leads` BEGIN
  UPDATE lead_view_counts SET n = n - CASE view
    WHEN 'not_managed' THEN coalesce(old.status = 'assigned' AND old.contact_attempts = 0, 0)
    WHEN 'in_progress' THEN coalesce((old.status = 'assigned' AND old.contact_attempts > 0) OR (old.status = 'appointment' AND old.frozen = 0), 0)
    ELSE old.close_reason IS NOT NULL END;
END;
