-- Leads assigned per UTC day and status, kept exact by triggers in the same transaction as every write
-- to `leads` (SLA 3 and the trend sum days instead of counting up to 200,000 leads; see
-- electron/core/kpi/assignedCounts.ts). Rows whose n fell to 0 are kept; they count nothing.
CREATE TABLE `lead_day_counts` (
	`day` integer NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`day`, `status`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `lead_day_counts` (`day`, `status`, `n`) SELECT CAST(`assigned_at` AS INTEGER) / 86400000, `status`, count(*) FROM `leads` GROUP BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER `lead_day_counts_insert` AFTER INSERT ON `leads` BEGIN
  INSERT INTO lead_day_counts (day, status, n) VALUES (CAST(new.assigned_at AS INTEGER) / 86400000, new.status, 1)
    ON CONFLICT (day, status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `lead_day_counts_update` AFTER UPDATE OF status, assigned_at ON `leads`
WHEN new.status IS NOT old.status OR new.assigned_at IS NOT old.assigned_at BEGIN
  UPDATE lead_day_counts SET n = n - 1 WHERE day = CAST(old.assigned_at AS INTEGER) / 86400000 AND status = old.status;
  INSERT INTO lead_day_counts (day, status, n) VALUES (CAST(new.assigned_at AS INTEGER) / 86400000, new.status, 1)
    ON CONFLICT (day, status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `lead_day_counts_delete` AFTER DELETE ON `leads` BEGIN
  UPDATE lead_day_counts SET n = n - 1 WHERE day = CAST(old.assigned_at AS INTEGER) / 86400000 AND status = old.status;
END;
