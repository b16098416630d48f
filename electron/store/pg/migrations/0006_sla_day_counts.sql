-- The SLA figures of the last 60 days (kpi.ts slaNow: SLA 1 / SLA 2 met and missed of the leads assigned in a window)
-- from per-day counts kept by triggers, as lead_day_counts (0002) keeps the leads per status: counting ~650,000 index
-- entries four times took 80–95 ms at 1,000,000 leads. Per UTC day of assignment, how many leads have each pair of
-- sla1_met / sla2_met (1 true, 0 false, 2 not yet decided: NULL). The partial days at the window's ends are counted on
-- the leads; "missed" (not met and due before the window's end) is the not-met count less the not-met leads still due
-- at the end (few: a deadline after `to`), counted on the partial indexes below. Compared with the leads in
-- test/integration/pgSlaDayCounts.test.ts, and slaNow with SQLite's in pgReposKpiRead.test.ts.
CREATE TABLE "lead_sla_day_counts" (
  "day" bigint NOT NULL,
  "sla1" smallint NOT NULL,
  "sla2" smallint NOT NULL,
  "n" integer NOT NULL,
  PRIMARY KEY ("day", "sla1", "sla2")
);
--> statement-breakpoint
CREATE FUNCTION "aslm_sla_state"(met boolean) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (CASE WHEN met THEN 1 WHEN NOT met THEN 0 ELSE 2 END)::smallint;
--> statement-breakpoint
INSERT INTO "lead_sla_day_counts" (day, sla1, sla2, n)
  SELECT assigned_at / 86400000, aslm_sla_state(sla1_met), aslm_sla_state(sla2_met), count(*) FROM leads GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE FUNCTION "lead_sla_day_counts_keep"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE lead_sla_day_counts SET n = n - 1
    WHERE day = OLD.assigned_at / 86400000 AND sla1 = aslm_sla_state(OLD.sla1_met) AND sla2 = aslm_sla_state(OLD.sla2_met);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO lead_sla_day_counts AS c (day, sla1, sla2, n)
      VALUES (NEW.assigned_at / 86400000, aslm_sla_state(NEW.sla1_met), aslm_sla_state(NEW.sla2_met), 1)
      ON CONFLICT (day, sla1, sla2) DO UPDATE SET n = c.n + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "lead_sla_day_counts_insert" AFTER INSERT ON "leads" FOR EACH ROW EXECUTE FUNCTION lead_sla_day_counts_keep();
--> statement-breakpoint
CREATE TRIGGER "lead_sla_day_counts_update" AFTER UPDATE OF assigned_at, sla1_met, sla2_met ON "leads" FOR EACH ROW
  WHEN (NEW.assigned_at IS DISTINCT FROM OLD.assigned_at OR NEW.sla1_met IS DISTINCT FROM OLD.sla1_met
    OR NEW.sla2_met IS DISTINCT FROM OLD.sla2_met)
  EXECUTE FUNCTION lead_sla_day_counts_keep();
--> statement-breakpoint
CREATE TRIGGER "lead_sla_day_counts_delete" AFTER DELETE ON "leads" FOR EACH ROW EXECUTE FUNCTION lead_sla_day_counts_keep();
--> statement-breakpoint
-- The not-met leads by deadline: those still due at a window's end.
CREATE INDEX "leads_sla1_unmet_due" ON "leads" ("sla1_due_at", "assigned_at") WHERE sla1_met IS NOT TRUE;
--> statement-breakpoint
CREATE INDEX "leads_sla2_unmet_due" ON "leads" ("sla2_due_at", "assigned_at") WHERE sla2_met IS NOT TRUE;
