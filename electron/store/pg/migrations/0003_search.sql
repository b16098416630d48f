-- Full-text search over name, e-mail, phone digits, VIN and lead number: the same documents and the same matches as
-- SQLite's FTS5 table leads_fts (migrations 0001 and 0010 there), with a tsvector per lead in leads_search.
-- * Documents: the views leads_phone_digits and leads_search_doc compute, column for column, what SQLite's views of the
--   same names compute (phone digits, their 1-3 digit shortened forms, the reversed last 20 digits behind an `r`).
-- * Tokens as FTS5's unicode61 tokenizer with remove_diacritics: letters and digits separated by anything else,
--   Latin diacritics removed, lower case (aslm_search_fold). The text search parser is not used: it would keep
--   an e-mail address or a hyphenated number as one word. lower() folds non-ASCII letters only under a UTF-8 LC_CTYPE
--   (initdb --locale=C.UTF-8, as the test cluster); in a C-locale database, non-Latin capitals stay as they are.
-- * Columns: a query may be limited to the phone (C) or the number (B) column, as FTS5's `phone : …`, `number : …`;
--   name is A, e-mail and VIN D. electron/store/pg/search.ts writes the tsquery from ftsQuery's FTS5 query.
-- A prefix query ('ab':*) on the GIN index walks the lexemes with that prefix, as FTS5's prefix index does: no
-- trigram index is needed (pg_trgm would match inside words, which FTS5 does not).
-- Folding as unicode61's: lower case, final sigma as sigma, and the diacritics of Latin letters only (Greek or
-- Cyrillic marks stay: FTS5 keeps them too), by decomposition; letters without one (ø, ł, æ) stay as FTS5 keeps them.
CREATE FUNCTION "aslm_search_fold"(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN translate(lower(normalize(regexp_replace(normalize(t, NFD), '([A-Za-z])[\u0300-\u036f]+', '\1', 'g'), NFC)), 'ς', 'σ');
--> statement-breakpoint
-- One column's tokens with its weight. Separators: ASCII other than letters and digits, Latin-1 punctuation and
-- symbols, general punctuation, currency and other symbols, CJK punctuation. A token is cut at 500 characters (a
-- lexeme holds at most 2 KB); positions are capped at 16383, as tsvector's.
CREATE FUNCTION "aslm_search_tokens"(t text, w "char") RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (SELECT coalesce(setweight(string_agg('''' || left(tok, 500) || ''':' || least(n, 16383), ' ')::tsvector, w), ''::tsvector)
    FROM unnest(regexp_split_to_array(aslm_search_fold(coalesce(t, '')),
      '[\u0001-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u2000-\u206f\u20a0-\u20cf\u2190-\u2bff\u3000-\u303f]+'))
      WITH ORDINALITY AS x(tok, n)
    WHERE tok <> '');
--> statement-breakpoint
CREATE FUNCTION "aslm_search_vector"(name text, email text, phone text, vin text, number text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN aslm_search_tokens(name, 'A') || aslm_search_tokens(email, 'D') || aslm_search_tokens(phone, 'C')
    || aslm_search_tokens(vin, 'D') || aslm_search_tokens(number, 'B');
--> statement-breakpoint
-- The tsquery of search.ts's text, folded as the documents are (its operators and weights are left as they mean).
CREATE FUNCTION "aslm_search_query"(q text) RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN aslm_search_fold(q)::tsquery;
--> statement-breakpoint
CREATE VIEW "leads_phone_digits" AS SELECT id,
  translate(coalesce(phone, ''), ' -.()/+', '') AS p1,
  translate(coalesce(other_phone, ''), ' -.()/+', '') AS p2
FROM leads;
--> statement-breakpoint
CREATE VIEW "leads_search_doc" AS SELECT l.id AS id,
  l.first_name || ' ' || l.last_name AS name,
  coalesce(l.email, '') AS email,
  trim(d.p1 || ' ' || substr(d.p1, 2) || ' ' || substr(d.p1, 3) || ' ' || substr(d.p1, 4) || ' ' ||
       d.p2 || ' ' || substr(d.p2, 2) || ' ' || substr(d.p2, 3) || ' ' || substr(d.p2, 4)) ||
  CASE WHEN d.p1 = '' THEN '' ELSE ' r' || reverse(right(d.p1, 20)) END ||
  CASE WHEN d.p2 = '' THEN '' ELSE ' r' || reverse(right(d.p2, 20)) END AS phone,
  coalesce(l.vin, '') AS vin,
  l.number AS number
FROM leads l JOIN leads_phone_digits d ON d.id = l.id;
--> statement-breakpoint
CREATE TABLE "leads_search" (
  "id" integer PRIMARY KEY NOT NULL REFERENCES "leads"("id") ON DELETE CASCADE,
  "doc" tsvector NOT NULL
);
--> statement-breakpoint
CREATE INDEX "leads_search_doc_gin" ON "leads_search" USING gin ("doc");
--> statement-breakpoint
CREATE FUNCTION "leads_search_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO leads_search AS s (id, doc)
    SELECT id, aslm_search_vector(name, email, phone, vin, number) FROM leads_search_doc WHERE id = NEW.id
    ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "leads_search_insert" AFTER INSERT ON "leads" FOR EACH ROW EXECUTE FUNCTION leads_search_keep();
--> statement-breakpoint
CREATE TRIGGER "leads_search_update" AFTER UPDATE OF first_name, last_name, email, phone, other_phone, vin, number
  ON "leads" FOR EACH ROW EXECUTE FUNCTION leads_search_keep();
--> statement-breakpoint
-- (A deleted lead's document goes with it: ON DELETE CASCADE.)
INSERT INTO "leads_search" (id, doc)
  SELECT id, aslm_search_vector(name, email, phone, vin, number) FROM leads_search_doc;
