// SLA 1/2/3 aggregated in SQL over the stored deadlines and flags; it mirrors shared/rules/sla.ts
// exactly (a test compares both on the same data).
//
// Per lead: met(to) = flag AND done_at <= to; missed(to) = NOT flag AND due < to; pending = the rest.
// As of now (or later) every recorded event is <= to, so met is a plain count of the flag: then each
// figure is one index range count (fast path); for a past moment, one covering-index scan.
import { slaWindowStart, type SlaReport } from '../../shared/rules/sla';
import type { AsyncStore } from '../store/repos/index';
import type { SettingsService } from './settingsService';
import type { Clock } from './clock';
import { sumCounts } from '../store/repos/assignedCounts';
import type { SlaCounts } from '../store/repos/kpi';

export interface KpiService {
  sla(opts: { at?: number; from?: number; to?: number }, now: number): Promise<SlaReport>;
}

export function createKpiService(store: AsyncStore, settings: SettingsService, clock: Clock): KpiService {
  const repo = store.repos.kpi;
  return {
    async sla({ at, from, to }, now) {
      const s = settings.rules();
      const end = to ?? at ?? now;
      const start = from ?? slaWindowStart(end, s);
      const p = { from: start, to: end };
      let r: SlaCounts;
      if (end >= clock.now()) {
        // The window is (from, to]: as whole milliseconds, [from + 1, to + 1).
        const [byStatus, sla] = await Promise.all([repo.assignedCounts(start + 1, end + 1), repo.slaNow(p)]);
        r = {
          ...sla,
          total: sumCounts(byStatus),
          s3met: (byStatus.get('closed_sale') ?? 0) + (byStatus.get('closed_no_sale') ?? 0),
        };
      } else {
        r = await repo.slaAsOf(p);
      }
      const fig = (met: number, missed: number, pending: number, target: number) => ({
        met,
        missed,
        pending,
        rate: met + missed === 0 ? null : met / (met + missed),
        target,
      });
      const total = r.total;
      return {
        at: end,
        from: start,
        to: end,
        sla1: fig(r.s1met, r.s1missed, total - r.s1met - r.s1missed, s.sla1Target),
        sla2: fig(r.s2met, r.s2missed, total - r.s2met - r.s2missed, s.sla2Target),
        sla3: fig(r.s3met, total - r.s3met, 0, s.sla3Target),
      };
    },
  };
}
