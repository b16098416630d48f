// The KPI figures' predicates on PostgreSQL: electron/store/repos/kpiPredicates.ts's, where a boolean differs
// (`WHERE 1`, appointment_kept = 1 / 0 — a boolean column here). Everything else is the same SQL text.
import type { KpiFilter, KpiMetric } from '../../../../shared/contract/kpi';
import { filterWhere, METRIC_SQL } from '../../repos/kpiPredicates';

export const PG_METRIC_SQL: Record<KpiMetric, string> = {
  ...METRIC_SQL,
  assigned: 'true',
  appointment_kept: '(l.appointment_kept AND l.appointment_kept_at <= @at)',
  appointment_no_show: '(NOT l.appointment_kept AND l.appointment_kept_at <= @at)',
};

/** filterWhere of kpiPredicates.ts on PG_METRIC_SQL: the same parts, in the same order. */
export const pgFilterWhere = (f: KpiFilter): { where: string; params: Record<string, unknown> } =>
  filterWhere(f, PG_METRIC_SQL);
