// The SQL predicate of every KPI figure. The dashboard sums them and the click-through (kpi.leads)
// filters by them, so a figure and the list behind it always agree. Parameters: @from, @to, @at
// (period window [from, to) evaluated as of at), @now (= at for the now_* figures).
import type { KpiFilter, KpiMetric } from '../../../shared/contract/kpi';
import { HOUR } from '../../../shared/rules/time';

/** "At risk": SLA 1 due within 4 hours without a first contact, or SLA 2 due within 24 hours without qualification. */
export const AT_RISK_SLA1_MS = 4 * HOUR;
export const AT_RISK_SLA2_MS = 24 * HOUR;

const done = (col: string) => `(l.${col} IS NOT NULL AND l.${col} <= @at)`;
const notDone = (col: string) => `(l.${col} IS NULL OR l.${col} > @at)`;
const triState = (col: string, due: string) => ({
  met: `(${done(col)} AND l.${col} <= l.${due})`,
  missed: `((${done(col)} AND l.${col} > l.${due}) OR (${notDone(col)} AND @at > l.${due}))`,
  pending: `(${notDone(col)} AND @at <= l.${due})`,
});
const S1 = triState('first_contact_at', 'sla1_due_at');
const S2 = triState('qualified_at', 'sla2_due_at');
const BD = triState('first_contact_at', 'business_due_at');
const CLOSED = "(l.status IN ('closed_sale', 'closed_no_sale') AND l.closed_at IS NOT NULL AND l.closed_at <= @at)";
const OPEN_SLA1_LATE = '(l.first_contact_at IS NULL AND l.sla1_due_at < @at)';
const OPEN_SLA2_LATE = '(l.qualified_at IS NULL AND l.sla2_due_at < @at)';

export const WINDOW = 'l.assigned_at >= @from AND l.assigned_at < @to';

/**
 * One site's leads (docs/rules.md §11): an integer written into the SQL (a statement per site, as the lists'), alias
 * `l` unless said; null = every site.
 */
export const siteCond = (site: number, alias = 'l'): string => `${alias}.site_id = ${Math.trunc(site)}`;
/** ` AND <site condition>`, or nothing for every site. */
export const andSite = (site: number | null | undefined, alias = 'l'): string =>
  site === null || site === undefined ? '' : ` AND ${siteCond(site, alias)}`;

/** Each metric's predicate on `leads l` (besides the window, see scopeOf). */
export const METRIC_SQL: Record<KpiMetric, string> = {
  assigned: '1',
  sla1_met: S1.met,
  sla1_missed: S1.missed,
  sla1_pending: S1.pending,
  sla2_met: S2.met,
  sla2_missed: S2.missed,
  sla2_pending: S2.pending,
  sla3_met: CLOSED,
  sla3_missed: `NOT ${CLOSED}`,
  bd_met: BD.met,
  bd_missed: BD.missed,
  bd_pending: BD.pending,
  contacted: done('first_contact_at'),
  // The qualification date is the first time the lead reached appointment/closed: with an appointment
  // date on the lead, that is when the appointment was set.
  appointment: `(l.appointment_at IS NOT NULL AND ${done('qualified_at')})`,
  // Whether the customer came, as recorded by the report date (the rate is kept / (kept + no-show)).
  appointment_kept: '(l.appointment_kept = 1 AND l.appointment_kept_at <= @at)',
  appointment_no_show: '(l.appointment_kept = 0 AND l.appointment_kept_at <= @at)',
  closed_sale: "(l.status = 'closed_sale' AND l.closed_at <= @at)",
  closed_no_sale: "(l.status = 'closed_no_sale' AND l.closed_at <= @at)",
  lost: "(l.status = 'lost' AND l.closed_at <= @at)",
  // The report's "overdue or unmanaged" list: an SLA missed, or never contacted, as of the report date.
  attention: `(${S1.missed} OR ${S2.missed} OR ${notDone('first_contact_at')})`,
  contacts: 'EXISTS (SELECT 1 FROM contacts c WHERE c.lead_id = l.id AND c.at <= @at{contactDims})',
  now_unmanaged: "(l.status = 'assigned' AND l.contact_attempts = 0)",
  now_at_risk: `(l.status = 'assigned' AND ((l.first_contact_at IS NULL AND l.sla1_due_at >= @at AND l.sla1_due_at < @at + ${AT_RISK_SLA1_MS})
    OR (l.qualified_at IS NULL AND l.sla2_due_at >= @at AND l.sla2_due_at < @at + ${AT_RISK_SLA2_MS})))`,
  now_overdue: `(l.status = 'assigned' AND (${OPEN_SLA1_LATE} OR ${OPEN_SLA2_LATE}))`,
  now_appointments_today: "(l.status = 'appointment' AND l.appointment_at >= @from AND l.appointment_at < @to)",
};

/** Whether the metric restricts to leads assigned in [from, to) (period and SLA 3 figures) or not (now_*). */
export const scopeOf = (m: KpiMetric): 'window' | 'open' => (m.startsWith('now_') ? 'open' : 'window');

/** The WHERE clause and parameters of a filter; `metricSql`: the figures' predicates (PostgreSQL passes its own). */
export function filterWhere(
  f: KpiFilter,
  metricSql: Record<KpiMetric, string> = METRIC_SQL,
): { where: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = { from: f.from, to: f.to, at: f.at };
  const parts: string[] = [];
  if (scopeOf(f.metric) === 'window') parts.push(WINDOW);
  let metric = metricSql[f.metric];
  const contactDims: string[] = [];
  if (f.channel) {
    contactDims.push('c.channel = @channel');
    params.channel = f.channel;
  }
  if (f.outcome) {
    contactDims.push('c.outcome = @outcome');
    params.outcome = f.outcome;
  }
  metric = metric.replace('{contactDims}', contactDims.map((d) => ` AND ${d}`).join(''));
  parts.push(metric);
  if (f.assigneeId === null) parts.push('l.assignee_id IS NULL');
  else if (f.assigneeId !== undefined) {
    parts.push('l.assignee_id = @assigneeId');
    params.assigneeId = f.assigneeId;
  }
  if (f.campaign !== undefined) {
    parts.push('l.campaign = @campaign');
    params.campaign = f.campaign;
  }
  if (f.source !== undefined) {
    parts.push('l.source = @source');
    params.source = f.source;
  }
  if (f.leadType !== undefined) {
    parts.push('l.lead_type = @leadType');
    params.leadType = f.leadType;
  }
  if (f.closeReason !== undefined) {
    parts.push('l.close_reason = @closeReason');
    params.closeReason = f.closeReason;
  }
  if (f.siteId !== undefined && f.siteId !== null) parts.push(siteCond(f.siteId));
  return { where: parts.join(' AND '), params };
}
