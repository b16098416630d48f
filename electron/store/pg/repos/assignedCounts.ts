// Leads assigned in [from, to) per status on PostgreSQL (electron/store/repos/assignedCounts.ts): the whole UTC days
// from lead_day_counts (kept by the triggers of migration 0002), the partial days at both ends counted on the
// (status, assigned_at) index leads_view.
import { splitDays, type AssignedCounts } from '../../repos/assignedCounts';
import type { Async } from '../../repos/index';
import type { Queryable } from '../tx';
import { all, num } from './sql';
import { andSite } from '../../repos/kpiPredicates';

const ALL_STATUSES = "status IN ('assigned', 'appointment', 'closed_sale', 'closed_no_sale', 'lost')";
// One site's: its rows of lead_day_counts (0009), its partial days on leads_site (site, status, assigned_at).
const SQL = (site?: number | null) => `SELECT status, sum(n) AS n FROM (
    SELECT status, n FROM lead_day_counts l WHERE day >= @dlo AND day < @dhi${andSite(site)}
    UNION ALL SELECT status, count(*) AS n FROM leads l
      WHERE ${ALL_STATUSES} AND assigned_at >= @from AND assigned_at < @mid1${andSite(site)} GROUP BY status
    UNION ALL SELECT status, count(*) AS n FROM leads l
      WHERE ${ALL_STATUSES} AND assigned_at >= @mid2 AND assigned_at < @to${andSite(site)} GROUP BY status) d
  GROUP BY status`;

export type AsyncAssignedCounts = Async<{ f: AssignedCounts }>['f'];

export function assignedCountsPg(db: Queryable): AsyncAssignedCounts {
  return async (from, to, site) => {
    if (to <= from) return new Map();
    const rows = await all<{ status: string; n: number }>(db, SQL(site), { from, to, ...splitDays(from, to) });
    return new Map(rows.filter((r) => num(r.n) !== 0).map((r) => [r.status, num(r.n)]));
  };
}
