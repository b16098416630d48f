// SLA 1/2/3 aggregated in SQL over the stored deadlines; it mirrors shared/rules/sla.ts exactly
// (a test compares both on the same data).
import { slaWindowStart, type SlaReport } from '../../shared/rules/sla';
import type { Store } from '../store/db';
import type { SettingsService } from './settingsService';

const SQL = `SELECT
  count(*) AS total,
  coalesce(sum(first_contact_at IS NOT NULL AND first_contact_at <= @to AND first_contact_at <= sla1_due_at), 0) AS s1met,
  coalesce(sum((first_contact_at IS NOT NULL AND first_contact_at <= @to AND first_contact_at > sla1_due_at)
    OR ((first_contact_at IS NULL OR first_contact_at > @to) AND @to > sla1_due_at)), 0) AS s1missed,
  coalesce(sum(qualified_at IS NOT NULL AND qualified_at <= @to AND qualified_at <= sla2_due_at), 0) AS s2met,
  coalesce(sum((qualified_at IS NOT NULL AND qualified_at <= @to AND qualified_at > sla2_due_at)
    OR ((qualified_at IS NULL OR qualified_at > @to) AND @to > sla2_due_at)), 0) AS s2missed,
  coalesce(sum(status IN ('closed_sale', 'closed_no_sale') AND closed_at IS NOT NULL AND closed_at <= @to), 0) AS s3met
FROM leads WHERE assigned_at > @from AND assigned_at <= @to`;

export interface KpiService {
  sla(opts: { at?: number; from?: number; to?: number }, now: number): SlaReport;
}

export function createKpiService(store: Store, settings: SettingsService): KpiService {
  const stmt = store.sqlite.prepare(SQL);
  return {
    sla({ at, from, to }, now) {
      const s = settings.rules();
      const end = to ?? at ?? now;
      const start = from ?? slaWindowStart(end, s);
      const r = stmt.get({ from: start, to: end }) as Record<string, number>;
      const fig = (met: number, missed: number, pending: number, target: number) =>
        ({ met, missed, pending, rate: met + missed === 0 ? null : met / (met + missed), target });
      const total = r.total ?? 0;
      return {
        at: end, from: start, to: end,
        sla1: fig(r.s1met ?? 0, r.s1missed ?? 0, total - (r.s1met ?? 0) - (r.s1missed ?? 0), s.sla1Target),
        sla2: fig(r.s2met ?? 0, r.s2missed ?? 0, total - (r.s2met ?? 0) - (r.s2missed ?? 0), s.sla2Target),
        sla3: fig(r.s3met ?? 0, total - (r.s3met ?? 0), 0, s.sla3Target),
      };
    },
  };
}
