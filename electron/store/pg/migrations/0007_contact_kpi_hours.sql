-- The KPI report's contacts (kpiReport.ts contacts: per group of assignee, campaign, source and lead type and per
-- "channel outcome", the contacts made by `at` of the leads assigned in a window, and their distinct leads) from
-- counts kept by triggers: reading the week's ~88,000 contacts took 140–200 ms at 1,000,000 leads (one index lookup
-- per lead). Per UTC hour of the lead's assignment (ah) and of the contact (bh), per group (assignee 0: none) and
-- contact type: n contacts, of which f are the first of their lead and type (by at, then id), so that the distinct
-- leads with a contact of a type made by `at` is the sum of f over the contacts made by `at`. A window's whole hours
-- are summed here; its partial hours (a window not on whole hours, contacts in the hour of `at`) are counted on the
-- leads and contacts. Compared with SQLite's count in test/integration/pgReposKpiRead.test.ts, the table with the
-- contacts in test/integration/pgContactKpiHours.test.ts.
CREATE TABLE "contact_kpi_hours" (
  "ah" bigint NOT NULL,
  "bh" bigint NOT NULL,
  "a" integer NOT NULL,
  "campaign" text NOT NULL,
  "source" text NOT NULL,
  "lead_type" text NOT NULL,
  "channel" text NOT NULL,
  "outcome" text NOT NULL,
  "n" integer NOT NULL,
  "f" integer NOT NULL,
  PRIMARY KEY ("ah", "bh", "a", "campaign", "source", "lead_type", "channel", "outcome") INCLUDE ("n", "f")
);
--> statement-breakpoint
-- Adds the counts of the given contacts (lead, id, at, channel, outcome; sign +1 or -1 each) under their lead's
-- current hour and group. `first` is decided within the rows of the same sign: the callers pass a lead's whole
-- contacts before and after a change, never part of them.
CREATE FUNCTION "aslm_contact_kpi_add"(p_rows jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO contact_kpi_hours AS k (ah, bh, a, campaign, source, lead_type, channel, outcome, n, f)
  SELECT l.assigned_at / 3600000, r.at / 3600000, coalesce(l.assignee_id, 0), l.campaign, l.source, l.lead_type,
    r.channel, r.outcome, sum(r.sign), coalesce(sum(r.sign) FILTER (WHERE r.rn = 1), 0)
  FROM (SELECT x.*, row_number() OVER (PARTITION BY x.sign, x.lead_id, x.channel, x.outcome ORDER BY x.at, x.id) AS rn
        FROM jsonb_to_recordset(p_rows) AS x(sign int, lead_id int, id int, at bigint, channel text, outcome text)) r
  JOIN leads l ON l.id = r.lead_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(r.sign) <> 0 OR coalesce(sum(r.sign) FILTER (WHERE r.rn = 1), 0) <> 0
  ON CONFLICT (ah, bh, a, campaign, source, lead_type, channel, outcome)
    DO UPDATE SET n = k.n + EXCLUDED.n, f = k.f + EXCLUDED.f;
$$;
--> statement-breakpoint
-- Contacts inserted, updated or deleted (one statement, transition tables): for each lead touched, its contacts now
-- (+1) and before the statement (-1: now less the rows added, plus the rows removed).
CREATE FUNCTION "contact_kpi_hours_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added int[] := '{}';
  removed jsonb := '[]';
  touched int[];
BEGIN
  IF TG_OP <> 'DELETE' THEN
    SELECT coalesce(array_agg(id), '{}') INTO added FROM new_rows;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT coalesce(jsonb_agg(jsonb_build_object('sign', -1, 'lead_id', lead_id, 'id', id, 'at', at, 'channel', channel,
      'outcome', outcome)), '[]') INTO removed FROM old_rows;
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT lead_id) INTO touched FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT lead_id) INTO touched FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT lead_id) INTO touched FROM (SELECT lead_id FROM new_rows UNION SELECT lead_id FROM old_rows) u;
  END IF;
  IF touched IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM aslm_contact_kpi_add(
    coalesce((SELECT jsonb_agg(jsonb_build_object('sign', s.sign, 'lead_id', c.lead_id, 'id', c.id, 'at', c.at,
        'channel', c.channel, 'outcome', c.outcome))
      FROM contacts c CROSS JOIN (VALUES (1), (-1)) s(sign)
      WHERE c.lead_id = ANY (touched) AND (s.sign = 1 OR c.id <> ALL (added))), '[]') || removed);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "contact_kpi_hours_insert" AFTER INSERT ON "contacts" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION contact_kpi_hours_keep();
--> statement-breakpoint
CREATE TRIGGER "contact_kpi_hours_update" AFTER UPDATE ON "contacts" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION contact_kpi_hours_keep();
--> statement-breakpoint
CREATE TRIGGER "contact_kpi_hours_delete" AFTER DELETE ON "contacts" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION contact_kpi_hours_keep();
--> statement-breakpoint
-- A lead's contacts under the given hour of assignment and group (sign +1 or -1).
CREATE FUNCTION "aslm_contact_kpi_lead"(p_lead int, p_sign int, p_assigned bigint, p_assignee int, p_campaign text,
  p_source text, p_lead_type text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO contact_kpi_hours AS k (ah, bh, a, campaign, source, lead_type, channel, outcome, n, f)
  SELECT p_assigned / 3600000, r.at / 3600000, coalesce(p_assignee, 0), p_campaign, p_source, p_lead_type, r.channel,
    r.outcome, p_sign * count(*), p_sign * count(*) FILTER (WHERE r.rn = 1)
  FROM (SELECT c.at, c.channel, c.outcome, row_number() OVER (PARTITION BY c.channel, c.outcome ORDER BY c.at, c.id) AS rn
        FROM contacts c WHERE c.lead_id = p_lead) r
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (ah, bh, a, campaign, source, lead_type, channel, outcome)
    DO UPDATE SET n = k.n + EXCLUDED.n, f = k.f + EXCLUDED.f;
$$;
--> statement-breakpoint
-- A lead's hour or group changed: its contacts move (-1 under the old values, +1 under the new). A lead deleted: its
-- contacts are taken off before the delete (the cascade deletes them after the lead, when their rows no longer join a
-- lead and count nothing).
CREATE FUNCTION "contact_kpi_hours_lead"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM aslm_contact_kpi_lead(OLD.id, -1, OLD.assigned_at, OLD.assignee_id, OLD.campaign, OLD.source, OLD.lead_type);
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  PERFORM aslm_contact_kpi_lead(NEW.id, 1, NEW.assigned_at, NEW.assignee_id, NEW.campaign, NEW.source, NEW.lead_type);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "contact_kpi_hours_lead_update" AFTER UPDATE OF assigned_at, assignee_id, campaign, source, lead_type
  ON "leads" FOR EACH ROW
  WHEN (NEW.assigned_at IS DISTINCT FROM OLD.assigned_at OR NEW.assignee_id IS DISTINCT FROM OLD.assignee_id
    OR NEW.campaign IS DISTINCT FROM OLD.campaign OR NEW.source IS DISTINCT FROM OLD.source
    OR NEW.lead_type IS DISTINCT FROM OLD.lead_type)
  EXECUTE FUNCTION contact_kpi_hours_lead();
--> statement-breakpoint
CREATE TRIGGER "contact_kpi_hours_lead_delete" BEFORE DELETE ON "leads" FOR EACH ROW EXECUTE FUNCTION contact_kpi_hours_lead();
--> statement-breakpoint
INSERT INTO contact_kpi_hours (ah, bh, a, campaign, source, lead_type, channel, outcome, n, f)
  SELECT l.assigned_at / 3600000, c.at / 3600000, coalesce(l.assignee_id, 0), l.campaign, l.source, l.lead_type,
    c.channel, c.outcome, count(*), count(*) FILTER (WHERE c.rn = 1)
  FROM (SELECT lead_id, at, channel, outcome,
          row_number() OVER (PARTITION BY lead_id, channel, outcome ORDER BY at, id) AS rn FROM contacts) c
  JOIN leads l ON l.id = c.lead_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
--> statement-breakpoint
-- The report's close reasons (kpiReport.ts closeReasons): the window's leads closed without a sale, without reading
-- the others' index entries (a fifth of the window's leads at 1,000,000; 14–20 ms through leads_kpi_window).
CREATE INDEX "leads_kpi_close_reasons" ON "leads" ("assigned_at") INCLUDE ("close_reason", "closed_at")
  WHERE status = 'closed_no_sale' AND close_reason IS NOT NULL;
