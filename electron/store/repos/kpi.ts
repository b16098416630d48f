// The KPI figures' reads that are not the report's (electron/core/kpiService.ts, kpi/businessDue.ts, kpi/digest.ts,
// kpi/reportData.ts): SLA 1/2/3 counts, the stored business-day deadline, the digest's managers and notifications,
// the contact tracking table.
import type { Statement } from 'better-sqlite3';
import type { Language } from '../../../shared/domain/vocabulary';
import { createAssignedCounts, type AssignedCounts } from './assignedCounts';
import { once, type Sqlite } from './prepared';
import { andSite } from './kpiPredicates';

const GENERAL = `SELECT
  count(*) AS total,
  coalesce(sum(sla1_met = 1 AND first_contact_at <= @to), 0) AS s1met,
  coalesce(sum(sla1_met IS NOT 1 AND sla1_due_at < @to), 0) AS s1missed,
  coalesce(sum(sla2_met = 1 AND qualified_at <= @to), 0) AS s2met,
  coalesce(sum(sla2_met IS NOT 1 AND sla2_due_at < @to), 0) AS s2missed,
  coalesce(sum(status IN ('closed_sale', 'closed_no_sale') AND closed_at <= @to), 0) AS s3met
FROM leads INDEXED BY leads_assigned_at WHERE assigned_at > @from AND assigned_at <= @to`;

const WINDOW = 'assigned_at > @from AND assigned_at <= @to';
// Total and SLA 3 (closed in sale / no sale) are per-status counts of the window: summed per day (assignedCounts).
const FAST = {
  s1met: `SELECT count(*) AS n FROM leads INDEXED BY leads_sla1 WHERE sla1_met = 1 AND ${WINDOW}`,
  s1missed: `SELECT (SELECT count(*) FROM leads INDEXED BY leads_sla1 WHERE sla1_met = 0 AND ${WINDOW} AND sla1_due_at < @to)
    + (SELECT count(*) FROM leads INDEXED BY leads_sla1 WHERE sla1_met IS NULL AND ${WINDOW} AND sla1_due_at < @to) AS n`,
  s2met: `SELECT count(*) AS n FROM leads INDEXED BY leads_sla2 WHERE sla2_met = 1 AND ${WINDOW}`,
  s2missed: `SELECT (SELECT count(*) FROM leads INDEXED BY leads_sla2 WHERE sla2_met = 0 AND ${WINDOW} AND sla2_due_at < @to)
    + (SELECT count(*) FROM leads INDEXED BY leads_sla2 WHERE sla2_met IS NULL AND ${WINDOW} AND sla2_due_at < @to) AS n`,
};
type Window = { from: number; to: number };
export type SlaCounts = {
  total: number;
  s1met: number;
  s1missed: number;
  s2met: number;
  s2missed: number;
  s3met: number;
};
export type FastSlaCounts = Record<keyof typeof FAST, number>;

/** A contact of the Customer Contact Tracking Table. */
export interface TrackingRow {
  at: number;
  number: string;
  customer: string;
  staff: string | null;
  direction: string;
  channel: string;
  outcome: string;
  verbatim: string | null;
  answer: string | null;
}

export interface KpiRepo {
  /** SLA counts of the leads assigned in (from, to], as of `to` (one covering-index scan). */
  slaAsOf(w: Window): SlaCounts;
  /** SLA 1/2 met and missed counts of the window as of now or later (one index range count each). */
  slaNow(w: Window): FastSlaCounts;
  /** Leads assigned in [from, to), per status. */
  assignedCounts: AssignedCounts;
  /** The leads, with their assignment time (a), whose business-day deadline is NULL (`missingOnly`) or all of them. */
  assignedAts(missingOnly: boolean): { id: number; a: number }[];
  setBusinessDue(id: number, at: number): void;
  /** The active managers, by id. */
  activeManagers(): { id: number; email: string | null; language: Language }[];
  /** The day's digest notification of a manager (once per dedupe key). */
  insertDigestNotification(key: string, userId: number, params: string, now: number): void;
  /** The contacts recorded in [from, to), by time (on one site's leads: `site`). */
  trackingRows(from: number, to: number, site?: number | null): TrackingRow[];
}

export function kpiRepo(sqlite: Sqlite): KpiRepo {
  const general = once(() => sqlite.prepare<[Window], SlaCounts>(GENERAL));
  const fast = once(
    () =>
      Object.entries(FAST).map(([k, sql]) => [k, sqlite.prepare<[Window], { n: number }>(sql)] as const) as [
        keyof typeof FAST,
        Statement<[Window], { n: number }>,
      ][],
  );
  const statements = new Map<string, Statement>();
  const assignedCounts = createAssignedCounts((sql) => {
    let st = statements.get(sql);
    if (!st) {
      st = sqlite.prepare(sql);
      statements.set(sql, st);
    }
    return st;
  });
  const missing = once(() =>
    sqlite.prepare<[], { id: number; a: number }>(
      'SELECT id, assigned_at AS a FROM leads WHERE business_due_at IS NULL',
    ),
  );
  const all = once(() => sqlite.prepare<[], { id: number; a: number }>('SELECT id, assigned_at AS a FROM leads'));
  const setDue = once(() => sqlite.prepare<[number, number]>('UPDATE leads SET business_due_at = ? WHERE id = ?'));
  const managers = once(() =>
    sqlite.prepare<[], { id: number; email: string | null; language: Language }>(
      `SELECT u.id, u.email, u.language FROM users u JOIN user_roles r ON r.user_id = u.id
    WHERE r.role = 'manager' AND u.active = 1 ORDER BY u.id`,
    ),
  );
  const digest = once(() =>
    sqlite.prepare<
      [string, number, string, number]
    >(`INSERT OR IGNORE INTO notifications (dedupe_key, user_id, lead_id, kind, params, created_at)
      VALUES (?, ?, NULL, 'kpi.digest', ?, ?)`),
  );
  const tracking = new Map<string, Statement<[number, number], TrackingRow>>();
  const trackingOf = (site?: number | null) => {
    const sql = `SELECT c.at, l.number, l.first_name || ' ' || l.last_name AS customer, u.name AS staff,
      c.direction, c.channel, c.outcome, c.verbatim, c.answer
    FROM contacts c JOIN leads l ON l.id = c.lead_id LEFT JOIN users u ON u.id = c.user_id
    WHERE c.at >= ? AND c.at < ?${andSite(site)} ORDER BY c.at, c.id`;
    let st = tracking.get(sql);
    if (!st) {
      st = sqlite.prepare<[number, number], TrackingRow>(sql);
      tracking.set(sql, st);
    }
    return st;
  };
  return {
    slaAsOf: (w) => general().get(w)!,
    slaNow: (w) => Object.fromEntries(fast().map(([k, stmt]) => [k, stmt.get(w)!.n])) as FastSlaCounts,
    assignedCounts,
    assignedAts: (missingOnly) => (missingOnly ? missing() : all()).all(),
    setBusinessDue: (id, at) => void setDue().run(at, id),
    activeManagers: () => managers().all(),
    insertDigestNotification: (key, userId, params, now) => void digest().run(key, userId, params, now),
    trackingRows: (from, to, site) => trackingOf(site).all(from, to),
  };
}
