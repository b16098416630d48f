// The KPI figures' reads on PostgreSQL (electron/store/repos/kpi.ts): SLA 1/2/3 counts, the business-day deadline,
// the digest's managers and notification, the contact tracking table. sla1_met / sla2_met are booleans here
// (SQLite: 0/1/NULL), so `IS NOT 1` is `IS NOT TRUE`.
import type { Async } from '../../repos/index';
import type { FastSlaCounts, KpiRepo, SlaCounts, TrackingRow } from '../../repos/kpi';
import type { Queryable } from '../tx';
import { splitDays } from '../../repos/assignedCounts';
import { assignedCountsPg } from './assignedCounts';
import { all, num, one } from './sql';
import { andSite } from '../../repos/kpiPredicates';

const GENERAL = `SELECT
  count(*) AS total,
  count(*) FILTER (WHERE sla1_met AND first_contact_at <= @to) AS s1met,
  count(*) FILTER (WHERE sla1_met IS NOT TRUE AND sla1_due_at < @to) AS s1missed,
  count(*) FILTER (WHERE sla2_met AND qualified_at <= @to) AS s2met,
  count(*) FILTER (WHERE sla2_met IS NOT TRUE AND sla2_due_at < @to) AS s2missed,
  count(*) FILTER (WHERE status IN ('closed_sale', 'closed_no_sale') AND closed_at <= @to) AS s3met
FROM leads WHERE assigned_at > @from AND assigned_at <= @to`;

const WINDOW = 'assigned_at > @from AND assigned_at <= @to';
// The window (from, to] as [lo, hi): its whole UTC days from lead_sla_day_counts (kept by the triggers of migration
// 0006), the partial days at both ends on leads_assigned_at (index only). Missed = not met (false or not yet decided)
// and due before `to`: the not-met count less the not-met leads due at `to` or later (leads_sla1/2_unmet_due).
const EDGE = (
  range: string,
) => `SELECT count(*) FILTER (WHERE sla1_met) AS m1, count(*) FILTER (WHERE sla1_met IS NOT TRUE) AS u1,
    count(*) FILTER (WHERE sla2_met) AS m2, count(*) FILTER (WHERE sla2_met IS NOT TRUE) AS u2
  FROM leads WHERE ${range}`;
const STILL_DUE = (sla: 1 | 2) =>
  `(SELECT count(*) FROM leads WHERE sla${sla}_met IS NOT TRUE AND sla${sla}_due_at >= @to AND ${WINDOW})`;
const FAST = `WITH d AS (SELECT coalesce(sum(n) FILTER (WHERE sla1 = 1), 0) AS m1, coalesce(sum(n) FILTER (WHERE sla1 <> 1), 0) AS u1,
    coalesce(sum(n) FILTER (WHERE sla2 = 1), 0) AS m2, coalesce(sum(n) FILTER (WHERE sla2 <> 1), 0) AS u2
  FROM lead_sla_day_counts WHERE day >= @dlo AND day < @dhi),
e AS (SELECT sum(m1) AS m1, sum(u1) AS u1, sum(m2) AS m2, sum(u2) AS u2 FROM (
    ${EDGE('assigned_at >= @lo AND assigned_at < @mid1')}
    UNION ALL ${EDGE('assigned_at >= @mid2 AND assigned_at < @hi')}) x)
SELECT d.m1 + e.m1 AS s1met, d.u1 + e.u1 - ${STILL_DUE(1)} AS s1missed,
  d.m2 + e.m2 AS s2met, d.u2 + e.u2 - ${STILL_DUE(2)} AS s2missed
FROM d, e`;

const TRACKING = (
  site?: number | null,
) => `SELECT c.at, l.number, l.first_name || ' ' || l.last_name AS customer, u.name AS staff,
    c.direction, c.channel, c.outcome, c.verbatim, c.answer
  FROM contacts c JOIN leads l ON l.id = c.lead_id LEFT JOIN users u ON u.id = c.user_id
  WHERE c.at >= @from AND c.at < @to${andSite(site)} ORDER BY c.at, c.id`;

const numbers = <T extends Record<string, unknown>>(row: T): { [K in keyof T]: number } =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, num(v)])) as { [K in keyof T]: number };

export function kpiRepoPg(db: Queryable): Async<KpiRepo> {
  return {
    slaAsOf: async (w) => numbers(await one<SlaCounts>(db, GENERAL, w)),
    slaNow: async (w) =>
      numbers(
        await one<FastSlaCounts>(db, FAST, { ...w, lo: w.from + 1, hi: w.to + 1, ...splitDays(w.from + 1, w.to + 1) }),
      ),
    assignedCounts: assignedCountsPg(db),
    assignedAts: (missingOnly) =>
      all<{ id: number; a: number }>(
        db,
        `SELECT id, assigned_at AS a FROM leads${missingOnly ? ' WHERE business_due_at IS NULL' : ''}`,
      ),
    setBusinessDue: async (id, at) =>
      void (await db.query('UPDATE leads SET business_due_at = $1 WHERE id = $2', [at, id])),
    activeManagers: () =>
      all(
        db,
        `SELECT u.id, u.email, u.language FROM users u JOIN user_roles r ON r.user_id = u.id
        WHERE r.role = 'manager' AND u.active ORDER BY u.id`,
      ),
    insertDigestNotification: async (key, userId, params, now) =>
      void (await db.query(
        `INSERT INTO notifications (dedupe_key, user_id, lead_id, kind, params, created_at)
        VALUES ($1, $2, NULL, 'kpi.digest', $3, $4) ON CONFLICT DO NOTHING`,
        [key, userId, params, now],
      )),
    trackingRows: (from, to, site) => all<TrackingRow>(db, TRACKING(site), { from, to }),
  };
}
