// Leads assigned in a time range, per status, without counting every lead: the whole UTC days inside the
// range are summed from lead_day_counts (kept exact by triggers, migration 0007), the partial days at both
// ends are counted through the (status, assigned_at) index. SLA 3's 60-day window and the trend's weeks.
import type { Statement } from 'better-sqlite3';
import { andSite } from './kpiPredicates';

export const DAY_MS = 86_400_000;
const ALL_STATUSES = "status IN ('assigned', 'appointment', 'closed_sale', 'closed_no_sale', 'lost')";
// One site's (docs/rules.md §11): its rows of lead_day_counts, its partial days on leads_site (site, status, assigned_at).
const SQL = (site?: number | null) => {
  const leads = site === null || site === undefined ? 'leads l INDEXED BY leads_view' : 'leads l INDEXED BY leads_site';
  return `SELECT status, sum(n) AS n FROM (
    SELECT status, n FROM lead_day_counts l WHERE day >= @dlo AND day < @dhi${andSite(site)}
    UNION ALL SELECT status, count(*) AS n FROM ${leads}
      WHERE ${ALL_STATUSES} AND assigned_at >= @from AND assigned_at < @mid1${andSite(site)} GROUP BY status
    UNION ALL SELECT status, count(*) AS n FROM ${leads}
      WHERE ${ALL_STATUSES} AND assigned_at >= @mid2 AND assigned_at < @to${andSite(site)} GROUP BY status)
  GROUP BY status`;
};

/** The bounds of a range [from, to): whole days [dlo, dhi), partial ends [from, mid1) and [mid2, to). */
export function splitDays(from: number, to: number): { dlo: number; dhi: number; mid1: number; mid2: number } {
  const dlo = Math.ceil(from / DAY_MS);
  const dhi = Math.floor(to / DAY_MS);
  if (dlo >= dhi) return { dlo: 0, dhi: 0, mid1: to, mid2: to }; // no whole day: the range itself
  return { dlo, dhi, mid1: dlo * DAY_MS, mid2: dhi * DAY_MS };
}

/** Leads assigned in [from, to) per status: of one site (`site`), or every site's (null or absent). */
export type AssignedCounts = (from: number, to: number, site?: number | null) => Map<string, number>;

export function createAssignedCounts(prep: (sql: string) => Statement): AssignedCounts {
  return (from, to, site) => {
    if (to <= from) return new Map();
    const rows = prep(SQL(site)).all({ from, to, ...splitDays(from, to) }) as { status: string; n: number }[];
    return new Map(rows.filter((r) => r.n !== 0).map((r) => [r.status, r.n]));
  };
}

export const sumCounts = (m: Map<string, number>): number => [...m.values()].reduce((a, n) => a + n, 0);
