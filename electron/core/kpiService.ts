// SLA 1/2/3 aggregated in SQL over the stored deadlines and flags; it mirrors shared/rules/sla.ts
// exactly (a test compares both on the same data).
//
// Per lead: met(to) = flag AND done_at <= to; missed(to) = NOT flag AND due < to; pending = the rest.
// As of now (or later) every recorded event is <= to, so met is a plain count of the flag: then each
// figure is one index range count (fast path); for a past moment, one covering-index scan.
import { slaWindowStart, type SlaReport } from '../../shared/rules/sla';
import type { Store } from '../store/db';
import type { SettingsService } from './settingsService';
import type { Clock } from './clock';
import { createAssignedCounts, sumCounts } from './kpi/assignedCounts';

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

export interface KpiService {
  sla(opts: { at?: number; from?: number; to?: number }, now: number): SlaReport;
}

export function createKpiService(store: Store, settings: SettingsService, clock: Clock): KpiService {
  const general = store.sqlite.prepare(GENERAL);
  const fast = Object.fromEntries(Object.entries(FAST).map(([k, sql]) => [k, store.sqlite.prepare(sql)])) as Record<
    keyof typeof FAST,
    ReturnType<typeof store.sqlite.prepare>
  >;
  const statements = new Map<string, ReturnType<typeof store.sqlite.prepare>>();
  const assignedCounts = createAssignedCounts((sql) => {
    let st = statements.get(sql);
    if (!st) {
      st = store.sqlite.prepare(sql);
      statements.set(sql, st);
    }
    return st;
  });
  return {
    sla({ at, from, to }, now) {
      const s = settings.rules();
      const end = to ?? at ?? now;
      const start = from ?? slaWindowStart(end, s);
      const p = { from: start, to: end };
      let r: Record<string, number>;
      if (end >= clock.now()) {
        r = Object.fromEntries(Object.entries(fast).map(([k, stmt]) => [k, (stmt.get(p) as { n: number }).n]));
        // The window is (from, to]: as whole milliseconds, [from + 1, to + 1).
        const byStatus = assignedCounts(start + 1, end + 1);
        r.total = sumCounts(byStatus);
        r.s3met = (byStatus.get('closed_sale') ?? 0) + (byStatus.get('closed_no_sale') ?? 0);
      } else {
        r = general.get(p) as Record<string, number>;
      }
      const fig = (met: number, missed: number, pending: number, target: number) => ({
        met,
        missed,
        pending,
        rate: met + missed === 0 ? null : met / (met + missed),
        target,
      });
      const total = r.total ?? 0;
      return {
        at: end,
        from: start,
        to: end,
        sla1: fig(r.s1met ?? 0, r.s1missed ?? 0, total - (r.s1met ?? 0) - (r.s1missed ?? 0), s.sla1Target),
        sla2: fig(r.s2met ?? 0, r.s2missed ?? 0, total - (r.s2met ?? 0) - (r.s2missed ?? 0), s.sla2Target),
        sla3: fig(r.s3met ?? 0, total - (r.s3met ?? 0), 0, s.sla3Target),
      };
    },
  };
}
