-- The KPI figures per site (issue 15, docs/rules.md §11): the trigger-kept KPI counts of 0006 (lead_sla_day_counts)
-- and 0007 (contact_kpi_hours) gain the lead's site, last in their keys (a group-wide read sums one row per site, as
-- lead_day_counts in 0009); the report's index-only ranges (0004 leads_kpi_window, 0007 leads_kpi_close_reasons)
-- carry site_id, so that one site's week is the same index range filtered on the entries; the open leads' deadlines
-- (today's at risk / overdue) get a partial index by site. Every lead is at site 1 here (0009).
ALTER TABLE "lead_sla_day_counts" ADD COLUMN "site_id" integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
ALTER TABLE "lead_sla_day_counts" DROP CONSTRAINT "lead_sla_day_counts_pkey";
--> statement-breakpoint
ALTER TABLE "lead_sla_day_counts" ADD CONSTRAINT "lead_sla_day_counts_pkey" PRIMARY KEY ("day", "sla1", "sla2", "site_id");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "lead_sla_day_counts_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE lead_sla_day_counts SET n = n - 1
    WHERE day = OLD.assigned_at / 86400000 AND sla1 = aslm_sla_state(OLD.sla1_met) AND sla2 = aslm_sla_state(OLD.sla2_met)
      AND site_id = OLD.site_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO lead_sla_day_counts AS c (day, sla1, sla2, site_id, n)
      VALUES (NEW.assigned_at / 86400000, aslm_sla_state(NEW.sla1_met), aslm_sla_state(NEW.sla2_met), NEW.site_id, 1)
      ON CONFLICT (day, sla1, sla2, site_id) DO UPDATE SET n = c.n + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER "lead_sla_day_counts_update" ON "leads";
--> statement-breakpoint
CREATE TRIGGER "lead_sla_day_counts_update" AFTER UPDATE OF assigned_at, sla1_met, sla2_met, site_id ON "leads" FOR EACH ROW
  WHEN (NEW.assigned_at IS DISTINCT FROM OLD.assigned_at OR NEW.sla1_met IS DISTINCT FROM OLD.sla1_met
    OR NEW.sla2_met IS DISTINCT FROM OLD.sla2_met OR NEW.site_id IS DISTINCT FROM OLD.site_id)
  EXECUTE FUNCTION lead_sla_day_counts_keep();
--> statement-breakpoint
ALTER TABLE "contact_kpi_hours" ADD COLUMN "site_id" integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
ALTER TABLE "contact_kpi_hours" DROP CONSTRAINT "contact_kpi_hours_pkey";
--> statement-breakpoint
ALTER TABLE "contact_kpi_hours" ADD CONSTRAINT "contact_kpi_hours_pkey"
  PRIMARY KEY ("ah", "bh", "a", "campaign", "source", "lead_type", "channel", "outcome", "site_id") INCLUDE ("n", "f");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "aslm_contact_kpi_add"(p_rows jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO contact_kpi_hours AS k (ah, bh, a, campaign, source, lead_type, channel, outcome, site_id, n, f)
  SELECT l.assigned_at / 3600000, r.at / 3600000, coalesce(l.assignee_id, 0), l.campaign, l.source, l.lead_type,
    r.channel, r.outcome, l.site_id, sum(r.sign), coalesce(sum(r.sign) FILTER (WHERE r.rn = 1), 0)
  FROM (SELECT x.*, row_number() OVER (PARTITION BY x.sign, x.lead_id, x.channel, x.outcome ORDER BY x.at, x.id) AS rn
        FROM jsonb_to_recordset(p_rows) AS x(sign int, lead_id int, id int, at bigint, channel text, outcome text)) r
  JOIN leads l ON l.id = r.lead_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(r.sign) <> 0 OR coalesce(sum(r.sign) FILTER (WHERE r.rn = 1), 0) <> 0
  ON CONFLICT (ah, bh, a, campaign, source, lead_type, channel, outcome, site_id)
    DO UPDATE SET n = k.n + EXCLUDED.n, f = k.f + EXCLUDED.f;
$$;
--> statement-breakpoint
DROP TRIGGER "contact_kpi_hours_lead_update" ON "leads";
--> statement-breakpoint
DROP TRIGGER "contact_kpi_hours_lead_delete" ON "leads";
--> statement-breakpoint
DROP FUNCTION "contact_kpi_hours_lead"();
--> statement-breakpoint
DROP FUNCTION "aslm_contact_kpi_lead"(int, int, bigint, int, text, text, text);
--> statement-breakpoint
CREATE FUNCTION "aslm_contact_kpi_lead"(p_lead int, p_sign int, p_assigned bigint, p_assignee int, p_campaign text,
  p_source text, p_lead_type text, p_site int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO contact_kpi_hours AS k (ah, bh, a, campaign, source, lead_type, channel, outcome, site_id, n, f)
  SELECT p_assigned / 3600000, r.at / 3600000, coalesce(p_assignee, 0), p_campaign, p_source, p_lead_type, r.channel,
    r.outcome, p_site, p_sign * count(*), p_sign * count(*) FILTER (WHERE r.rn = 1)
  FROM (SELECT c.at, c.channel, c.outcome, row_number() OVER (PARTITION BY c.channel, c.outcome ORDER BY c.at, c.id) AS rn
        FROM contacts c WHERE c.lead_id = p_lead) r
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (ah, bh, a, campaign, source, lead_type, channel, outcome, site_id)
    DO UPDATE SET n = k.n + EXCLUDED.n, f = k.f + EXCLUDED.f;
$$;
--> statement-breakpoint
CREATE FUNCTION "contact_kpi_hours_lead"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM aslm_contact_kpi_lead(OLD.id, -1, OLD.assigned_at, OLD.assignee_id, OLD.campaign, OLD.source, OLD.lead_type,
    OLD.site_id);
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  PERFORM aslm_contact_kpi_lead(NEW.id, 1, NEW.assigned_at, NEW.assignee_id, NEW.campaign, NEW.source, NEW.lead_type,
    NEW.site_id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "contact_kpi_hours_lead_update" AFTER UPDATE OF assigned_at, assignee_id, campaign, source, lead_type,
  site_id ON "leads" FOR EACH ROW
  WHEN (NEW.assigned_at IS DISTINCT FROM OLD.assigned_at OR NEW.assignee_id IS DISTINCT FROM OLD.assignee_id
    OR NEW.campaign IS DISTINCT FROM OLD.campaign OR NEW.source IS DISTINCT FROM OLD.source
    OR NEW.lead_type IS DISTINCT FROM OLD.lead_type OR NEW.site_id IS DISTINCT FROM OLD.site_id)
  EXECUTE FUNCTION contact_kpi_hours_lead();
--> statement-breakpoint
CREATE TRIGGER "contact_kpi_hours_lead_delete" BEFORE DELETE ON "leads" FOR EACH ROW EXECUTE FUNCTION contact_kpi_hours_lead();
--> statement-breakpoint
DROP INDEX "leads_kpi_window";
--> statement-breakpoint
CREATE INDEX "leads_kpi_window" ON "leads" ("assigned_at") INCLUDE ("assignee_id", "campaign", "source", "lead_type",
  "status", "first_contact_at", "qualified_at", "closed_at", "sla1_due_at", "sla2_due_at", "business_due_at",
  "appointment_at", "close_reason", "id", "site_id");
--> statement-breakpoint
DROP INDEX "leads_kpi_close_reasons";
--> statement-breakpoint
CREATE INDEX "leads_kpi_close_reasons" ON "leads" ("assigned_at") INCLUDE ("close_reason", "closed_at", "site_id")
  WHERE status = 'closed_no_sale' AND close_reason IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "leads_kpi_open_site" ON "leads" ("site_id", "sla1_due_at", "sla2_due_at", "first_contact_at", "qualified_at")
  WHERE status = 'assigned';
--> statement-breakpoint
-- A site's SLA 3 "closed, but not by the report date" (leads_kpi_closed is every site's: the site read from each of
-- ~35,000 leads at 1,000,000 took 100–600 ms) and its "was the appointment kept" (as leads_kpi_kept), index-only.
CREATE INDEX "leads_kpi_closed_site" ON "leads" ("site_id", "status", "closed_at", "assigned_at")
  WHERE status IN ('closed_sale', 'closed_no_sale');
--> statement-breakpoint
CREATE INDEX "leads_kpi_kept_site" ON "leads" ("site_id", "assigned_at") INCLUDE ("assignee_id", "campaign", "source",
  "lead_type", "appointment_kept", "appointment_kept_at") WHERE appointment_kept IS NOT NULL;
