-- The KPI report's period (leads assigned in [from, to)) as one index range: PostgreSQL has no skip scan, so SQLite's
-- leads_kpi_dims (dimensions first, then assigned_at) is read whole here (0.3–0.5 s at 1,000,000 leads for a week).
-- This index leads with assigned_at and carries every column the report's figures, groups and contacts' join read,
-- so a week is an index-only range scan.
CREATE INDEX "leads_kpi_window" ON "leads" ("assigned_at") INCLUDE ("assignee_id", "campaign", "source", "lead_type",
  "status", "first_contact_at", "qualified_at", "closed_at", "sla1_due_at", "sla2_due_at", "business_due_at",
  "appointment_at", "close_reason", "id");
--> statement-breakpoint
-- Status and contact attempts together (ANALYZE keeps their common pairs): taken as independent, the planner expects
-- ~2,000 Not Managed leads (assigned, no attempt) where there are 36,000 at 1,000,000 leads (attempts are nearly
-- always ≥ 1 on the closed ones), and sorts them all instead of walking an order's index.
CREATE STATISTICS "leads_status_attempts" (mcv, dependencies) ON "status", "contact_attempts" FROM "leads";
