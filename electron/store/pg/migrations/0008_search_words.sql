-- The search's words: each lead's lexemes (of its leads_search document) grouped by their first three characters, in
-- a btree beside the lead's scope (view bits, status, assigned_at), so that a search of words typed as prefixes is
-- counted and ranked by index-only scans. On the GIN index of 0005 the count rechecked each match's heap row (~30,000
-- pages for "mar" in Closed No Sale, ~15,600 for "rossi" in the header: 60–200 ms at 1,000,000 leads).
-- * Which lexemes: all but those starting with a digit or with `r` and a digit (phone digits, their reversed forms,
--   lead numbers: ~6 of ~14 lexemes a lead). A query word can only match those if it starts with a digit, with `r` and
--   a digit, or is `r` alone: such queries (and the column-limited ones, `phone : …`, `number : …`) keep the GIN path
--   (electron/store/pg/search.ts searchWords decides).
-- * One row per (lead, `pre`: a lexeme's first three characters, or the whole lexeme when shorter), `words` the
--   lead's lexemes with that start, each after a space. `'w':*` matches a document iff one of its lexemes starts
--   with w: here `pre ^@ left(w, 3) AND strpos(words, ' ' || w) > 0` — for a word of three characters or more, one
--   row per lead at most (counted without DISTINCT); shorter, a range of `pre` (DISTINCT). Several words ANDed: the
--   INTERSECT of their leads.
-- * Kept by a row trigger on leads_search (its documents and scope are kept by 0003's and 0005's triggers; a deleted
--   lead's document goes by cascade, its words by this trigger): only the rows that change are written. Compared with
--   leads_search in test/integration/pgSearchWords.test.ts.
CREATE TABLE "leads_search_words" (
  "id" integer NOT NULL,
  "pre" text COLLATE "C" NOT NULL,
  "words" text COLLATE "C" NOT NULL,
  "views" smallint NOT NULL,
  "status" text NOT NULL,
  "assigned_at" bigint NOT NULL,
  CONSTRAINT "leads_search_words_pkey" PRIMARY KEY ("id", "pre")
);
--> statement-breakpoint
-- Whether a lexeme is kept here (the others: digits, reversed phone digits).
CREATE FUNCTION "aslm_search_word_kept"(w text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN w !~ '^r?[0-9]';
--> statement-breakpoint
-- A document's rows (tsvector_to_array gives the lexemes sorted).
CREATE FUNCTION "aslm_search_word_rows"(doc tsvector) RETURNS TABLE (pre text, words text) LANGUAGE sql IMMUTABLE
  PARALLEL SAFE AS $$
  SELECT left(w, 3), ' ' || string_agg(w, ' ' ORDER BY w COLLATE "C") FROM unnest(tsvector_to_array(doc)) w
  WHERE aslm_search_word_kept(w) GROUP BY 1
$$;
--> statement-breakpoint
INSERT INTO "leads_search_words" (id, pre, words, views, status, assigned_at)
  SELECT s.id, w.pre, w.words, s.views, s.status, s.assigned_at FROM leads_search s, aslm_search_word_rows(s.doc) w;
--> statement-breakpoint
-- The header's search: the words' leads by status, each status's newest assignments first (its first few read in
-- order), index-only.
CREATE INDEX "leads_search_words_word" ON "leads_search_words" ("pre", "status", "assigned_at" DESC, "id" DESC)
  INCLUDE ("words");
--> statement-breakpoint
-- A view's search: that view's words only (as 0005's partial GIN indexes).
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
CREATE FUNCTION "leads_search_words_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND NEW.id <> OLD.id) THEN
    DELETE FROM leads_search_words WHERE id = OLD.id;
    IF TG_OP = 'DELETE' THEN RETURN NULL; END IF;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.doc = OLD.doc THEN
    -- The scope alone: each of the lead's rows.
    UPDATE leads_search_words SET views = NEW.views, status = NEW.status, assigned_at = NEW.assigned_at
      WHERE id = NEW.id;
    RETURN NULL;
  END IF;
  -- A new or changed document: the rows whose start is gone, then those new or changed.
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM leads_search_words x WHERE x.id = NEW.id
      AND NOT EXISTS (SELECT FROM aslm_search_word_rows(NEW.doc) r WHERE r.pre = x.pre);
  END IF;
  INSERT INTO leads_search_words AS x (id, pre, words, views, status, assigned_at)
    SELECT NEW.id, r.pre, r.words, NEW.views, NEW.status, NEW.assigned_at FROM aslm_search_word_rows(NEW.doc) r
    ON CONFLICT (id, pre) DO UPDATE SET words = EXCLUDED.words, views = EXCLUDED.views, status = EXCLUDED.status,
      assigned_at = EXCLUDED.assigned_at
    WHERE (x.words, x.views, x.status, x.assigned_at)
      IS DISTINCT FROM (EXCLUDED.words, EXCLUDED.views, EXCLUDED.status, EXCLUDED.assigned_at);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "leads_search_words_insert" AFTER INSERT ON "leads_search" FOR EACH ROW
  EXECUTE FUNCTION leads_search_words_keep();
--> statement-breakpoint
CREATE TRIGGER "leads_search_words_update" AFTER UPDATE ON "leads_search" FOR EACH ROW
  WHEN (NEW.id IS DISTINCT FROM OLD.id OR NEW.doc IS DISTINCT FROM OLD.doc OR NEW.views IS DISTINCT FROM OLD.views
    OR NEW.status IS DISTINCT FROM OLD.status OR NEW.assigned_at IS DISTINCT FROM OLD.assigned_at)
  EXECUTE FUNCTION leads_search_words_keep();
--> statement-breakpoint
CREATE TRIGGER "leads_search_words_delete" AFTER DELETE ON "leads_search" FOR EACH ROW
  EXECUTE FUNCTION leads_search_words_keep();
--> statement-breakpoint
ANALYZE "leads_search_words";
