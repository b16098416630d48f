-- What triggers keep in the same transaction as every write, as on SQLite (same trigger names; the reasons are in the
-- comments of SQLite's migrations 0001, 0007, 0015 and 0017): the history append-only, the assignee's name on the
-- lead, the leads assigned per day and status, and the counts of the three views that are not a set of statuses.
-- History is append-only: no row deleted, none updated except the values a privacy erasure rewrites (inside its
-- transaction only, while erasure_guard names the customer).
CREATE FUNCTION "history_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NOT EXISTS (SELECT 1 FROM erasure_guard)
    OR NEW.at IS DISTINCT FROM OLD.at OR NEW.field IS DISTINCT FROM OLD.field OR NEW.lead_id IS DISTINCT FROM OLD.lead_id
    OR NEW.user_id IS DISTINCT FROM OLD.user_id OR NEW.id IS DISTINCT FROM OLD.id THEN
    RAISE EXCEPTION 'HISTORY_APPEND_ONLY';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "history_no_delete" BEFORE DELETE ON "history" FOR EACH ROW EXECUTE FUNCTION history_append_only();
--> statement-breakpoint
CREATE TRIGGER "history_no_update" BEFORE UPDATE ON "history" FOR EACH ROW EXECUTE FUNCTION history_append_only();
--> statement-breakpoint
-- The assignee's name on the lead (0015): set before the row is written (a new lead, a change of assignee — also the
-- one a deleted person's ON DELETE SET NULL makes), and on every lead of a person renamed.
CREATE FUNCTION "leads_assignee_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.assignee_name := (SELECT name FROM users WHERE id = NEW.assignee_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "leads_assignee_name_insert" BEFORE INSERT ON "leads" FOR EACH ROW
  WHEN (NEW.assignee_id IS NOT NULL) EXECUTE FUNCTION leads_assignee_name();
--> statement-breakpoint
CREATE TRIGGER "leads_assignee_name_update" BEFORE UPDATE OF assignee_id ON "leads" FOR EACH ROW
  WHEN (NEW.assignee_id IS DISTINCT FROM OLD.assignee_id) EXECUTE FUNCTION leads_assignee_name();
--> statement-breakpoint
CREATE FUNCTION "users_name_on_leads"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE leads SET assignee_name = NEW.name WHERE assignee_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "users_name_on_leads" AFTER UPDATE OF name ON "users" FOR EACH ROW
  WHEN (NEW.name IS DISTINCT FROM OLD.name) EXECUTE FUNCTION users_name_on_leads();
--> statement-breakpoint
-- Leads assigned per UTC day and status (0007). Rows whose n fell to 0 are kept; they count nothing.
CREATE FUNCTION "lead_day_counts_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE lead_day_counts SET n = n - 1 WHERE day = OLD.assigned_at / 86400000 AND status = OLD.status;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO lead_day_counts AS c (day, status, n) VALUES (NEW.assigned_at / 86400000, NEW.status, 1)
      ON CONFLICT (day, status) DO UPDATE SET n = c.n + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "lead_day_counts_insert" AFTER INSERT ON "leads" FOR EACH ROW EXECUTE FUNCTION lead_day_counts_keep();
--> statement-breakpoint
CREATE TRIGGER "lead_day_counts_update" AFTER UPDATE OF status, assigned_at ON "leads" FOR EACH ROW
  WHEN (NEW.status IS DISTINCT FROM OLD.status OR NEW.assigned_at IS DISTINCT FROM OLD.assigned_at)
  EXECUTE FUNCTION lead_day_counts_keep();
--> statement-breakpoint
CREATE TRIGGER "lead_day_counts_delete" AFTER DELETE ON "leads" FOR EACH ROW EXECUTE FUNCTION lead_day_counts_keep();
--> statement-breakpoint
-- The whole counts of Not Managed, In Progress and Closed No Sale (0017; the conditions are VIEW_WHERE's in
-- electron/core/listService.ts). Only the counts that change are written, so writes to leads that do not move a lead
-- between these views do not queue on the three rows.
INSERT INTO "lead_view_counts" ("view", "n") VALUES
  ('not_managed', (SELECT count(*) FROM leads WHERE status = 'assigned' AND contact_attempts = 0)),
  ('in_progress', (SELECT count(*) FROM leads WHERE (status = 'assigned' AND contact_attempts > 0) OR (status = 'appointment' AND NOT frozen))),
  ('closed_no_sale', (SELECT count(*) FROM leads WHERE close_reason IS NOT NULL));
--> statement-breakpoint
CREATE FUNCTION "lead_view_counts_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  nm integer := 0;
  ip integer := 0;
  cns integer := 0;
BEGIN
  IF TG_OP <> 'DELETE' THEN
    nm := nm + (NEW.status = 'assigned' AND NEW.contact_attempts = 0)::integer;
    ip := ip + ((NEW.status = 'assigned' AND NEW.contact_attempts > 0) OR (NEW.status = 'appointment' AND NOT NEW.frozen))::integer;
    cns := cns + (NEW.close_reason IS NOT NULL)::integer;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    nm := nm - (OLD.status = 'assigned' AND OLD.contact_attempts = 0)::integer;
    ip := ip - ((OLD.status = 'assigned' AND OLD.contact_attempts > 0) OR (OLD.status = 'appointment' AND NOT OLD.frozen))::integer;
    cns := cns - (OLD.close_reason IS NOT NULL)::integer;
  END IF;
  IF nm <> 0 THEN UPDATE lead_view_counts SET n = n + nm WHERE view = 'not_managed'; END IF;
  IF ip <> 0 THEN UPDATE lead_view_counts SET n = n + ip WHERE view = 'in_progress'; END IF;
  IF cns <> 0 THEN UPDATE lead_view_counts SET n = n + cns WHERE view = 'closed_no_sale'; END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "lead_view_counts_insert" AFTER INSERT ON "leads" FOR EACH ROW EXECUTE FUNCTION lead_view_counts_keep();
--> statement-breakpoint
CREATE TRIGGER "lead_view_counts_update" AFTER UPDATE OF status, contact_attempts, frozen, close_reason ON "leads" FOR EACH ROW
  WHEN (NEW.status IS DISTINCT FROM OLD.status OR NEW.contact_attempts IS DISTINCT FROM OLD.contact_attempts
    OR NEW.frozen IS DISTINCT FROM OLD.frozen OR NEW.close_reason IS DISTINCT FROM OLD.close_reason)
  EXECUTE FUNCTION lead_view_counts_keep();
--> statement-breakpoint
CREATE TRIGGER "lead_view_counts_delete" AFTER DELETE ON "leads" FOR EACH ROW EXECUTE FUNCTION lead_view_counts_keep();
