// The KPI figures' predicates on PostgreSQL: electron/store/repos/kpiPredicates.ts's, where a boolean differs
// (`WHERE 1`, appointment_kept = 1 / 0 — a boolean column here). Everything else is the same SQL text.
import type { KpiFilter, KpiMetric } from '../../../../shared/contract/kpi';
import { METRIC_SQL, WINDOW, scopeOf } from '../../repos/kpiPredicates';

export const PG_METRIC_SQL: Record<KpiMetric, string> = {
  ...METRIC_SQL,
  assigned: 'true',
  appointment_kept: '(l.appointment_kept AND l.appointment_kept_at <= @at)',
  appointment_no_show: '(NOT l.appointment_kept AND l.appointment_kept_at <= @at)',
};

/** filterWhere of kpiPredicates.ts on PG_METRIC_SQL: the same parts, in the same order. */
export function pgFilterWhere(f: KpiFilter): { where: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = { from: f.from, to: f.to, at: f.at };
  const parts: string[] = [];
  if (scopeOf(f.metric) === 'window') parts.push(WINDOW);
  const contactDims: string[] = [];
  if (f.channel) {
    contactDims.push('c.channel = @channel');
    params.channel = f.channel;
  }
  if (f.outcome) {
    contactDims.push('c.outcome = @outcome');
    params.outcome = f.outcome;
  }
  parts.push(PG_METRIC_SQL[f.metric].replace('{contactDims}', contactDims.map((d) => ` AND ${d}`).join('')));
  const eq: [keyof KpiFilter, string][] = [
    ['campaign', 'campaign'],
    ['source', 'source'],
    ['leadType', 'lead_type'],
    ['closeReason', 'close_reason'],
  ];
  if (f.assigneeId === null) parts.push('l.assignee_id IS NULL');
  else if (f.assigneeId !== undefined) {
    parts.push('l.assignee_id = @assigneeId');
    params.assigneeId = f.assigneeId;
  }
  for (const [key, col] of eq)
    if (f[key] !== undefined) {
      parts.push(`l.${col} = @${key}`);
      params[key] = f[key];
    }
  return { where: parts.join(' AND '), params };
}
