-- Phone numbers also as their last (up to 20) characters reversed, behind an `r`: "r" || reverse(p). A search for the
-- end of a number ("730826", or the national format "01521730826" without its trunk zero) is then an FTS5 prefix
-- query on the reversed digits, whatever country code or trunk prefix the stored number carries.
-- The JS mirror is electron/core/import/searchDoc.ts (test/integration/searchDoc.test.ts compares them byte for byte).
DROP VIEW `leads_search_doc`;
--> statement-breakpoint
CREATE VIEW `leads_search_doc` AS SELECT l.id AS id,
  l.first_name || ' ' || l.last_name AS name,
  coalesce(l.email, '') AS email,
  trim(d.p1 || ' ' || substr(d.p1, 2) || ' ' || substr(d.p1, 3) || ' ' || substr(d.p1, 4) || ' ' ||
       d.p2 || ' ' || substr(d.p2, 2) || ' ' || substr(d.p2, 3) || ' ' || substr(d.p2, 4)) ||
  CASE WHEN d.p1 = '' THEN '' ELSE ' r' || substr(d.p1, -1, 1) || substr(d.p1, -2, 1) || substr(d.p1, -3, 1) || substr(d.p1, -4, 1) || substr(d.p1, -5, 1) || substr(d.p1, -6, 1) || substr(d.p1, -7, 1) || substr(d.p1, -8, 1) || substr(d.p1, -9, 1) || substr(d.p1, -10, 1) || substr(d.p1, -11, 1) || substr(d.p1, -12, 1) || substr(d.p1, -13, 1) || substr(d.p1, -14, 1) || substr(d.p1, -15, 1) || substr(d.p1, -16, 1) || substr(d.p1, -17, 1) || substr(d.p1, -18, 1) || substr(d.p1, -19, 1) || substr(d.p1, -20, 1) END ||
  CASE WHEN d.p2 = '' THEN '' ELSE ' r' || substr(d.p2, -1, 1) || substr(d.p2, -2, 1) || substr(d.p2, -3, 1) || substr(d.p2, -4, 1) || substr(d.p2, -5, 1) || substr(d.p2, -6, 1) || substr(d.p2, -7, 1) || substr(d.p2, -8, 1) || substr(d.p2, -9, 1) || substr(d.p2, -10, 1) || substr(d.p2, -11, 1) || substr(d.p2, -12, 1) || substr(d.p2, -13, 1) || substr(d.p2, -14, 1) || substr(d.p2, -15, 1) || substr(d.p2, -16, 1) || substr(d.p2, -17, 1) || substr(d.p2, -18, 1) || substr(d.p2, -19, 1) || substr(d.p2, -20, 1) END AS phone,
  coalesce(l.vin, '') AS vin,
  l.number AS number
FROM leads l JOIN leads_phone_digits d ON d.id = l.id;
--> statement-breakpoint
-- Every lead's document again (the triggers read the view: nothing else changes).
INSERT INTO leads_fts(leads_fts) VALUES ('delete-all');
--> statement-breakpoint
INSERT INTO leads_fts(rowid, name, email, phone, vin, number) SELECT id, name, email, phone, vin, number FROM leads_search_doc;
