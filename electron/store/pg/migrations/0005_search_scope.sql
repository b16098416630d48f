-- The search's scope kept beside each document: the lead's status, assigned_at and the list views it is in (a bit
-- each), so that a search in a view and the header's search read leads_search alone. Before, each joined the GIN
-- matches to leads (a hash join over a whole view's index, or one lookup per match): 60–270 ms for a three-letter
-- prefix at 1,000,000 leads. Kept by the triggers (the insert/update of 0003 and leads_search_scope below), compared
-- with leads in test/integration/pgSearchScope.test.ts.
-- The view bits, the views' definitions (electron/store/pg/repos/leadList.ts PG_VIEW_WHERE, SEARCH_VIEW_BIT):
-- assigned 1, not_managed 2, in_progress 4, closed_sale 8, closed_no_sale 16, lost 32.
CREATE FUNCTION "aslm_lead_views"(status text, contact_attempts integer, frozen boolean, close_reason text)
  RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (CASE WHEN status = 'assigned' THEN 1 ELSE 0 END
    + CASE WHEN status = 'assigned' AND contact_attempts = 0 THEN 2 ELSE 0 END
    + CASE WHEN (status = 'assigned' AND contact_attempts > 0) OR (status = 'appointment' AND NOT frozen) THEN 4 ELSE 0 END
    + CASE WHEN status IN ('closed_sale', 'appointment') THEN 8 ELSE 0 END
    + CASE WHEN close_reason IS NOT NULL THEN 16 ELSE 0 END
    + CASE WHEN status = 'lost' THEN 32 ELSE 0 END)::smallint;
--> statement-breakpoint
-- A new table filled from the old one (an UPDATE of every row would re-insert each document into the GIN index).
CREATE TABLE "leads_search_scoped" (
  "id" integer NOT NULL,
  "doc" tsvector NOT NULL,
  "status" text NOT NULL,
  "assigned_at" bigint NOT NULL,
  "views" smallint NOT NULL
);
--> statement-breakpoint
INSERT INTO "leads_search_scoped" (id, doc, status, assigned_at, views)
  SELECT s.id, s.doc, l.status, l.assigned_at, aslm_lead_views(l.status, l.contact_attempts, l.frozen, l.close_reason)
  FROM leads_search s JOIN leads l ON l.id = s.id;
--> statement-breakpoint
DROP TABLE "leads_search";
--> statement-breakpoint
ALTER TABLE "leads_search_scoped" RENAME TO "leads_search";
--> statement-breakpoint
ALTER TABLE "leads_search" ADD CONSTRAINT "leads_search_pkey" PRIMARY KEY ("id");
--> statement-breakpoint
ALTER TABLE "leads_search" ADD CONSTRAINT "leads_search_id_fkey" FOREIGN KEY ("id") REFERENCES "leads"("id") ON DELETE CASCADE;
--> statement-breakpoint
CREATE INDEX "leads_search_doc_gin" ON "leads_search" USING gin ("doc");
--> statement-breakpoint
-- Each view's own documents: a search there reads only its matches (with the whole index and a filter on the bit, a
-- closed view's search read every match's row, half of them discarded). The whole index serves the header's search.
CREATE INDEX "leads_search_assigned_gin" ON "leads_search" USING gin ("doc") WHERE (views & 1) <> 0;
--> statement-breakpoint
CREATE INDEX "leads_search_not_managed_gin" ON "leads_search" USING gin ("doc") WHERE (views & 2) <> 0;
--> statement-breakpoint
CREATE INDEX "leads_search_in_progress_gin" ON "leads_search" USING gin ("doc") WHERE (views & 4) <> 0;
--> statement-breakpoint
CREATE INDEX "leads_search_closed_sale_gin" ON "leads_search" USING gin ("doc") WHERE (views & 8) <> 0;
--> statement-breakpoint
CREATE INDEX "leads_search_closed_no_sale_gin" ON "leads_search" USING gin ("doc") WHERE (views & 16) <> 0;
--> statement-breakpoint
CREATE INDEX "leads_search_lost_gin" ON "leads_search" USING gin ("doc") WHERE (views & 32) <> 0;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "leads_search_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO leads_search AS s (id, doc, status, assigned_at, views)
    SELECT id, aslm_search_vector(name, email, phone, vin, number), NEW.status, NEW.assigned_at,
      aslm_lead_views(NEW.status, NEW.contact_attempts, NEW.frozen, NEW.close_reason)
    FROM leads_search_doc WHERE id = NEW.id
    ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc, status = EXCLUDED.status, assigned_at = EXCLUDED.assigned_at,
      views = EXCLUDED.views;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "leads_search_scope_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE leads_search SET status = NEW.status, assigned_at = NEW.assigned_at,
    views = aslm_lead_views(NEW.status, NEW.contact_attempts, NEW.frozen, NEW.close_reason)
  WHERE id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "leads_search_scope" AFTER UPDATE OF status, contact_attempts, frozen, close_reason, assigned_at
  ON "leads" FOR EACH ROW
  WHEN (NEW.status IS DISTINCT FROM OLD.status OR NEW.contact_attempts IS DISTINCT FROM OLD.contact_attempts
    OR NEW.frozen IS DISTINCT FROM OLD.frozen OR NEW.close_reason IS DISTINCT FROM OLD.close_reason
    OR NEW.assigned_at IS DISTINCT FROM OLD.assigned_at)
  EXECUTE FUNCTION leads_search_scope_keep();
--> statement-breakpoint
-- Lost by name: the lost leads are 0.5 % of all; walking leads_sort_name for them read ~10,000 entries a page.
CREATE INDEX "leads_lost_sort_name" ON "leads" (lower("last_name"), lower("first_name"), "id") WHERE status = 'lost';
--> statement-breakpoint
ANALYZE "leads_search";
