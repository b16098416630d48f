// Leads assigned in [from, to) per status on PostgreSQL (electron/store/repos/assignedCounts.ts): the whole UTC days
// from lead_day_counts (kept by the triggers of migration 0002), the partial days at both ends counted on the
// (status, assigned_at) index leads_view.
import { splitDays, type AssignedCounts } from '../../repos/assignedCounts';
import type { Async } from '../../repos/index';
import type { Queryable } from '../tx';
import { all, num } from './sql';

const ALL_STATUSES = "status IN ('assigned', 'appointment', 'closed_sale', 'closed_no_sale', 'lost')";
const SQL = `SELECT status, sum(n) AS n FROM (
    SELECT status, n FROM lead_day_counts WHERE day >= @dlo AND day < @dhi
    UNION ALL SELECT status, count(*) AS n FROM leads
      WHERE ${ALL_STATUSES} AND assigned_at >= @from AND assigned_at < @mid1 GROUP BY status
    UNION ALL SELECT status, count(*) AS n FROM leads
      WHERE ${ALL_STATUSES} AND assigned_at >= @mid2 AND assigned_at < @to GROUP BY status) d
  GROUP BY status`;

export type AsyncAssignedCounts = Async<{ f: AssignedCounts }>['f'];

export function assignedCountsPg(db: Queryable): AsyncAssignedCounts {
  return async (from, to) => {
    if (to <= from) return new Map();
    const rows = await all<{ status: string; n: number }>(db, SQL, { from, to, ...splitDays(from, to) });
    return new Map(rows.filter((r) => num(r.n) !== 0).map((r) => [r.status, num(r.n)]));
  };
}
