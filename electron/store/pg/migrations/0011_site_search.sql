-- A site desk's lists and searches (issue 15, docs/rules.md §11): as fast as the group's. Before, a site's list walked
-- its view's partial index over every site, reading each row for its site (In Progress, site 3, page 100: 433 ms at
-- 1,000,000 leads over 5 sites), and a site's search joined every match to leads (20–480 ms).
-- * Each view's partial index per site, both directions: (site_id, type_rank, assigned_at, id), the view's WHERE. The
--   group-wide indexes of 0001 stay: the group's and a one-site installation's plans do not change.
-- * leads_search and leads_search_words gain the lead's site_id beside its status, assigned_at and views (kept by the
--   same triggers, also when a lead moves to another site): a site's search filters the matches on it instead of
--   reading each lead. leads_search's column is added with the default 1 (no rewrite) and the leads of other sites
--   updated (~1 min at 800,000 of them); leads_search_words is filled anew (an UPDATE of its 6.4 rows a lead would
--   rewrite every index). Its index (site_id, pre, status, assigned_at DESC, id DESC) INCLUDE (words, views): a site's
--   header search (each status's count, then its newest) and a site's view search (the view's bit checked on the
--   entry) are index-only, as the group's are.
CREATE INDEX "leads_site_v_assigned" ON "leads" ("site_id", "type_rank", "assigned_at", "id") WHERE status = 'assigned';
--> statement-breakpoint
CREATE INDEX "leads_site_v_not_managed" ON "leads" ("site_id", "type_rank", "assigned_at", "id") WHERE status = 'assigned' AND contact_attempts = 0;
--> statement-breakpoint
CREATE INDEX "leads_site_v_in_progress" ON "leads" ("site_id", "type_rank", "assigned_at", "id") WHERE v_in_progress = 1;
--> statement-breakpoint
CREATE INDEX "leads_site_v_closed_sale" ON "leads" ("site_id", "type_rank", "assigned_at" DESC, "id" DESC) WHERE v_closed_sale = 1;
--> statement-breakpoint
CREATE INDEX "leads_site_v_closed_no_sale" ON "leads" ("site_id", "type_rank", "assigned_at" DESC, "id" DESC) WHERE close_reason IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "leads_site_v_lost" ON "leads" ("site_id", "type_rank", "assigned_at" DESC, "id" DESC) WHERE status = 'lost';
--> statement-breakpoint
CREATE INDEX "leads_site_v_assigned_flip" ON "leads" ("site_id", "type_rank", "assigned_at" DESC, "id" DESC) WHERE status = 'assigned';
--> statement-breakpoint
CREATE INDEX "leads_site_v_not_managed_flip" ON "leads" ("site_id", "type_rank", "assigned_at" DESC, "id" DESC) WHERE status = 'assigned' AND contact_attempts = 0;
--> statement-breakpoint
CREATE INDEX "leads_site_v_in_progress_flip" ON "leads" ("site_id", "type_rank", "assigned_at" DESC, "id" DESC) WHERE v_in_progress = 1;
--> statement-breakpoint
CREATE INDEX "leads_site_v_closed_sale_flip" ON "leads" ("site_id", "type_rank", "assigned_at", "id") WHERE v_closed_sale = 1;
--> statement-breakpoint
CREATE INDEX "leads_site_v_closed_no_sale_flip" ON "leads" ("site_id", "type_rank", "assigned_at", "id") WHERE close_reason IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "leads_site_v_lost_flip" ON "leads" ("site_id", "type_rank", "assigned_at", "id") WHERE status = 'lost';
--> statement-breakpoint
ALTER TABLE "leads_search" ADD COLUMN "site_id" integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
UPDATE "leads_search" s SET site_id = l.site_id FROM leads l WHERE l.id = s.id AND l.site_id <> s.site_id;
--> statement-breakpoint
ALTER TABLE "leads_search" ALTER COLUMN "site_id" DROP DEFAULT;
--> statement-breakpoint
CREATE TABLE "leads_search_words_sited" (
  "id" integer NOT NULL,
  "pre" text COLLATE "C" NOT NULL,
  "words" text COLLATE "C" NOT NULL,
  "views" smallint NOT NULL,
  "status" text NOT NULL,
  "assigned_at" bigint NOT NULL,
  "site_id" integer NOT NULL
);
--> statement-breakpoint
INSERT INTO "leads_search_words_sited" (id, pre, words, views, status, assigned_at, site_id)
  SELECT w.id, w.pre, w.words, w.views, w.status, w.assigned_at, s.site_id
  FROM leads_search_words w JOIN leads_search s ON s.id = w.id;
--> statement-breakpoint
DROP TABLE "leads_search_words";
--> statement-breakpoint
ALTER TABLE "leads_search_words_sited" RENAME TO "leads_search_words";
--> statement-breakpoint
ALTER TABLE "leads_search_words" ADD CONSTRAINT "leads_search_words_pkey" PRIMARY KEY ("id", "pre");
--> statement-breakpoint
CREATE INDEX "leads_search_words_word" ON "leads_search_words" ("pre", "status", "assigned_at" DESC, "id" DESC)
  INCLUDE ("words");
--> statement-breakpoint
CREATE INDEX "leads_search_words_assigned" ON "leads_search_words" ("pre", "id") INCLUDE ("words") WHERE (views & 1) <> 0;
--> statement-breakpoint
CREATE INDEX "leads_search_words_not_managed" ON "leads_search_words" ("pre", "id") INCLUDE ("words") WHERE (views & 2) <> 0;
--> statement-breakpoint
CREATE INDEX "leads_search_words_in_progress" ON "leads_search_words" ("pre", "id") INCLUDE ("words") WHERE (views & 4) <> 0;
--> statement-breakpoint
CREATE INDEX "leads_search_words_closed_sale" ON "leads_search_words" ("pre", "id") INCLUDE ("words") WHERE (views & 8) <> 0;
--> statement-breakpoint
CREATE INDEX "leads_search_words_closed_no_sale" ON "leads_search_words" ("pre", "id") INCLUDE ("words") WHERE (views & 16) <> 0;
--> statement-breakpoint
CREATE INDEX "leads_search_words_lost" ON "leads_search_words" ("pre", "id") INCLUDE ("words") WHERE (views & 32) <> 0;
--> statement-breakpoint
-- A site's searches: the header's (each status's count, its newest first) and a view's (its bit on the entry).
CREATE INDEX "leads_search_words_site" ON "leads_search_words" ("site_id", "pre", "status", "assigned_at" DESC, "id" DESC)
  INCLUDE ("words", "views");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "leads_search_words_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.id <> OLD.id) THEN
    DELETE FROM leads_search_words WHERE id = OLD.id;
    IF TG_OP = 'DELETE' THEN RETURN NULL; END IF;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.doc = OLD.doc THEN
    -- The scope alone: each of the lead's rows.
    UPDATE leads_search_words SET views = NEW.views, status = NEW.status, assigned_at = NEW.assigned_at,
      site_id = NEW.site_id
      WHERE id = NEW.id;
    RETURN NULL;
  END IF;
  -- A new or changed document: the rows whose start is gone, then those new or changed.
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM leads_search_words x WHERE x.id = NEW.id
      AND NOT EXISTS (SELECT FROM aslm_search_word_rows(NEW.doc) r WHERE r.pre = x.pre);
  END IF;
  INSERT INTO leads_search_words AS x (id, pre, words, views, status, assigned_at, site_id)
    SELECT NEW.id, r.pre, r.words, NEW.views, NEW.status, NEW.assigned_at, NEW.site_id
    FROM aslm_search_word_rows(NEW.doc) r
    ON CONFLICT (id, pre) DO UPDATE SET words = EXCLUDED.words, views = EXCLUDED.views, status = EXCLUDED.status,
      assigned_at = EXCLUDED.assigned_at, site_id = EXCLUDED.site_id
    WHERE (x.words, x.views, x.status, x.assigned_at, x.site_id)
      IS DISTINCT FROM (EXCLUDED.words, EXCLUDED.views, EXCLUDED.status, EXCLUDED.assigned_at, EXCLUDED.site_id);
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER "leads_search_words_update" ON "leads_search";
--> statement-breakpoint
CREATE TRIGGER "leads_search_words_update" AFTER UPDATE ON "leads_search" FOR EACH ROW
  WHEN (NEW.id IS DISTINCT FROM OLD.id OR NEW.doc IS DISTINCT FROM OLD.doc OR NEW.views IS DISTINCT FROM OLD.views
    OR NEW.status IS DISTINCT FROM OLD.status OR NEW.assigned_at IS DISTINCT FROM OLD.assigned_at
    OR NEW.site_id IS DISTINCT FROM OLD.site_id)
  EXECUTE FUNCTION leads_search_words_keep();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "leads_search_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO leads_search AS s (id, doc, status, assigned_at, views, site_id)
    SELECT id, aslm_search_vector(name, email, phone, vin, number), NEW.status, NEW.assigned_at,
      aslm_lead_views(NEW.status, NEW.contact_attempts, NEW.frozen, NEW.close_reason), NEW.site_id
    FROM leads_search_doc WHERE id = NEW.id
    ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc, status = EXCLUDED.status, assigned_at = EXCLUDED.assigned_at,
      views = EXCLUDED.views, site_id = EXCLUDED.site_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The scope, and the lead's site: a lead moved to another site takes its documents and words along.
CREATE OR REPLACE FUNCTION "leads_search_scope_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE leads_search SET status = NEW.status, assigned_at = NEW.assigned_at,
    views = aslm_lead_views(NEW.status, NEW.contact_attempts, NEW.frozen, NEW.close_reason), site_id = NEW.site_id
  WHERE id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER "leads_search_scope" ON "leads";
--> statement-breakpoint
CREATE TRIGGER "leads_search_scope" AFTER UPDATE OF status, contact_attempts, frozen, close_reason, assigned_at, site_id
  ON "leads" FOR EACH ROW
  WHEN (NEW.status IS DISTINCT FROM OLD.status OR NEW.contact_attempts IS DISTINCT FROM OLD.contact_attempts
    OR NEW.frozen IS DISTINCT FROM OLD.frozen OR NEW.close_reason IS DISTINCT FROM OLD.close_reason
    OR NEW.assigned_at IS DISTINCT FROM OLD.assigned_at OR NEW.site_id IS DISTINCT FROM OLD.site_id)
  EXECUTE FUNCTION leads_search_scope_keep();
--> statement-breakpoint
ANALYZE "leads_search_words";
--> statement-breakpoint
ANALYZE "leads_search";
