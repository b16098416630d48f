-- Full-text search over name, e-mail, phone digits, VIN and lead number (contentless, rowid = lead id).
CREATE VIRTUAL TABLE `leads_fts` USING fts5(name, email, phone, vin, number, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 2", prefix='2 3');
--> statement-breakpoint
-- Phone numbers are indexed as their digits and the same digits without a 1-3 digit country code or
-- trunk prefix, so that "333 1234567", "+39 333 1234567" and "0039 333..." all find the lead.
CREATE VIEW `leads_phone_digits` AS SELECT id,
  replace(replace(replace(replace(replace(replace(replace(coalesce(phone, ''), ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '/', ''), '+', '') AS p1,
  replace(replace(replace(replace(replace(replace(replace(coalesce(other_phone, ''), ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '/', ''), '+', '') AS p2
FROM leads;
--> statement-breakpoint
CREATE VIEW `leads_search_doc` AS SELECT l.id AS id,
  l.first_name || ' ' || l.last_name AS name,
  coalesce(l.email, '') AS email,
  trim(d.p1 || ' ' || substr(d.p1, 2) || ' ' || substr(d.p1, 3) || ' ' || substr(d.p1, 4) || ' ' ||
       d.p2 || ' ' || substr(d.p2, 2) || ' ' || substr(d.p2, 3) || ' ' || substr(d.p2, 4)) AS phone,
  coalesce(l.vin, '') AS vin,
  l.number AS number
FROM leads l JOIN leads_phone_digits d ON d.id = l.id;
--> statement-breakpoint
CREATE TRIGGER `leads_fts_insert` AFTER INSERT ON `leads` BEGIN
  INSERT INTO leads_fts(rowid, name, email, phone, vin, number)
    SELECT id, name, email, phone, vin, number FROM leads_search_doc WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_fts_update` AFTER UPDATE OF first_name, last_name, email, phone, other_phone, vin, number ON `leads` BEGIN
  DELETE FROM leads_fts WHERE rowid = old.id;
  INSERT INTO leads_fts(rowid, name, email, phone, vin, number)
    SELECT id, name, email, phone, vin, number FROM leads_search_doc WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `leads_fts_delete` AFTER DELETE ON `leads` BEGIN
  DELETE FROM leads_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
-- History is append-only: no row may be deleted, and none updated except the values rewritten by a
-- privacy erasure (inside its transaction only, while erasure_guard names the customer).
CREATE TRIGGER `history_no_delete` BEFORE DELETE ON `history` BEGIN
  SELECT RAISE(ABORT, 'HISTORY_APPEND_ONLY');
END;
--> statement-breakpoint
CREATE TRIGGER `history_no_update` BEFORE UPDATE ON `history`
WHEN NOT EXISTS (SELECT 1 FROM erasure_guard)
  OR new.at IS NOT old.at OR new.field IS NOT old.field OR new.lead_id IS NOT old.lead_id
  OR new.user_id IS NOT old.user_id OR new.id IS NOT old.id
BEGIN
  SELECT RAISE(ABORT, 'HISTORY_APPEND_ONLY');
END;
