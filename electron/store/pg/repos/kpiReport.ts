// The SLA & KPI report's reads on PostgreSQL (electron/store/repos/kpiReport.ts): the same figures, groups and lists.
// Where SQLite answers in index order (GROUP BY over leads_kpi_dims), this says ORDER BY: dimensions NULL first and
// text in byte order (COLLATE "C"), as SQLite's BINARY. Rows carry SQLite's shapes: `frozen` and the attention
// list's reasons as 0/1.
import type { KpiFilter } from '../../../../shared/contract/kpi';
import type { Async } from '../../repos/index';
import { andSite, WINDOW } from '../../repos/kpiPredicates';
import {
  dimsOf,
  type ContactCounts,
  type DigestLeadRow,
  type Dims,
  type KpiReportRepo,
  type KpiScope,
  type RawCounts,
} from '../../repos/kpiReport';
import type { Queryable } from '../tx';
import { assignedCountsPg } from './assignedCounts';
import { PG_METRIC_SQL as M, pgFilterWhere } from './kpiPredicates';
import { PG_ROW_SELECT, all, num, one } from './sql';

/** The list row as SQLite's repository gives it: frozen 0/1. */
const ROW_SELECT = PG_ROW_SELECT.replace('l.frozen,', 'l.frozen::int AS frozen,');
const met = (done: string, due: string) => `(${done} <= @at AND ${done} <= ${due})`;
const missed = (done: string, due: string) => `(CASE WHEN ${done} <= @at THEN ${done} > ${due} ELSE @at > ${due} END)`;
const FIGURES = `count(*) AS assigned,
    count(*) FILTER (WHERE ${met('l.first_contact_at', 'l.sla1_due_at')}) AS s1met, count(*) FILTER (WHERE ${missed('l.first_contact_at', 'l.sla1_due_at')}) AS s1missed,
    count(*) FILTER (WHERE ${met('l.qualified_at', 'l.sla2_due_at')}) AS s2met, count(*) FILTER (WHERE ${missed('l.qualified_at', 'l.sla2_due_at')}) AS s2missed`;
const DIMS_ORDER = (scope?: KpiScope) =>
  `ORDER BY l.assignee_id NULLS FIRST, l.campaign COLLATE "C", l.source COLLATE "C", l.lead_type COLLATE "C"${scope?.bySite ? ', l.site_id' : ''}`;
const GROUPED = (scope?: KpiScope) => `SELECT ${dimsOf(scope).select}, ${FIGURES},
    count(*) FILTER (WHERE ${met('l.first_contact_at', 'l.business_due_at')}) AS bdmet, count(*) FILTER (WHERE ${missed('l.first_contact_at', 'l.business_due_at')}) AS bdmissed,
    count(*) FILTER (WHERE l.first_contact_at <= @at) AS contacted, count(*) FILTER (WHERE l.appointment_at IS NOT NULL AND l.qualified_at <= @at) AS appointment,
    count(*) FILTER (WHERE l.status = 'closed_sale' AND l.closed_at <= @at) AS "closedSale", count(*) FILTER (WHERE l.status = 'closed_no_sale' AND l.closed_at <= @at) AS "closedNoSale",
    count(*) FILTER (WHERE l.status = 'lost' AND l.closed_at <= @at) AS lost,
    count(*) FILTER (WHERE NOT coalesce(l.first_contact_at <= @at, false) OR ${missed('l.first_contact_at', 'l.sla1_due_at')} OR ${missed('l.qualified_at', 'l.sla2_due_at')}) AS attention
  FROM leads l WHERE ${WINDOW}${andSite(scope?.site)} GROUP BY ${dimsOf(scope).group} ${DIMS_ORDER(scope)}`;
const REASONS = (site?: number | null) => `SELECT l.close_reason AS reason, count(*) AS count FROM leads l
  WHERE ${WINDOW}${andSite(site)} AND l.status = 'closed_no_sale' AND l.closed_at <= @at AND l.close_reason IS NOT NULL
  GROUP BY 1 ORDER BY l.close_reason COLLATE "C"`;
// The contacts by `at` of the window's leads, per group and channel and outcome (contacts, and distinct leads as the
// contacts first of their lead and type), from contact_kpi_hours (migration 0007: per hour of assignment and of
// contact) for the window's whole hours and the contacts' hours before the one of `at`; the rest counted on the
// leads and contacts: the leads of a partial hour at either end of the window (each lead's contacts looked up by lead,
// OFFSET 0: no hash join over every contact), and the contacts made in the hour of `at` (contacts_at) to the leads of
// the whole hours. The three parts are disjoint. Assignee 0 in the table is none.
const FIRST = `(NOT EXISTS (SELECT 1 FROM contacts p WHERE p.lead_id = c.lead_id AND p.channel = c.channel
    AND p.outcome = c.outcome AND (p.at < c.at OR (p.at = c.at AND p.id < c.id))))::int`;
// One site's: its rows of the table (0010) and its leads; per site (bySite): the site a seventh group column.
const CONTACTS = (scope?: KpiScope) => {
  const site = (alias: string) => (scope?.bySite ? `, ${alias}.site_id` : '');
  return `SELECT nullif(x.a, 0) AS a, x.c, x.s, x.t, x.channel, x.outcome${scope?.bySite ? ', x.site_id AS site' : ''},
    sum(x.n) AS contacts, sum(x.f) AS leads
  FROM (
    SELECT h.a, h.campaign AS c, h.source AS s, h.lead_type AS t, h.channel, h.outcome, h.n, h.f${site('h')}
      FROM contact_kpi_hours h WHERE h.ah >= @ah0 AND h.ah < @ah1 AND h.bh < @bh${andSite(scope?.site, 'h')}
    UNION ALL
    SELECT coalesce(l.assignee_id, 0), l.campaign, l.source, l.lead_type, c.channel, c.outcome, 1, ${FIRST}${site('l')}
      FROM leads l CROSS JOIN LATERAL (SELECT c.id, c.lead_id, c.at, c.channel, c.outcome FROM contacts c
        WHERE c.lead_id = l.id AND c.at <= @at OFFSET 0) c
      WHERE ((l.assigned_at >= @from AND l.assigned_at < @headTo) OR (l.assigned_at >= @tailFrom AND l.assigned_at < @to))${andSite(scope?.site)}
    UNION ALL
    SELECT coalesce(l.assignee_id, 0), l.campaign, l.source, l.lead_type, c.channel, c.outcome, 1, ${FIRST}${site('l')}
      FROM contacts c JOIN leads l ON l.id = c.lead_id
      WHERE c.at >= @bhAt AND c.at <= @at AND l.assigned_at >= @headTo AND l.assigned_at < @tailFrom${andSite(scope?.site)}
  ) x
  GROUP BY 1, 2, 3, 4, 5, 6${scope?.bySite ? ', 7' : ''} HAVING sum(x.n) > 0
  ORDER BY 1 NULLS FIRST, x.c COLLATE "C", x.s COLLATE "C", x.t COLLATE "C", x.channel COLLATE "C", x.outcome COLLATE "C"${scope?.bySite ? ', 7' : ''}`;
};
const HOUR = 3_600_000;
/** The window's whole hours [ah0, ah1) (none: the whole window is its head), head [from, headTo), tail [tailFrom, to),
 * and the hour of `at` (bh: the hours before it are whole by `at`; bhAt its start). */
export function contactHours(p: { from: number; to: number; at: number }) {
  let ah0 = Math.ceil(p.from / HOUR);
  let ah1 = Math.floor(p.to / HOUR);
  if (ah0 >= ah1) ah0 = ah1 = 0;
  const whole = ah1 > ah0;
  const bh = Math.floor((p.at + 1) / HOUR);
  return {
    ...p,
    ah0,
    ah1,
    headTo: whole ? ah0 * HOUR : p.to,
    tailFrom: whole ? ah1 * HOUR : p.to,
    bh,
    bhAt: bh * HOUR,
  };
}
const KEPT = (
  scope?: KpiScope,
) => `SELECT ${dimsOf(scope).select}, count(*) FILTER (WHERE ${M.appointment_kept}) AS kept,
    count(*) FILTER (WHERE ${M.appointment_no_show}) AS "noShow"
  FROM leads l WHERE l.appointment_kept IS NOT NULL AND ${WINDOW}${andSite(scope?.site)} GROUP BY ${dimsOf(scope).group} ${DIMS_ORDER(scope)}`;
const TREND_MET = (sla: 1 | 2, site?: number | null) =>
  `SELECT count(*) AS n FROM leads l WHERE sla${sla}_met = true AND assigned_at >= @from AND assigned_at < @to${andSite(site)}`;
const TREND_SLOW = (site?: number | null) => `SELECT ${FIGURES} FROM leads l WHERE ${WINDOW}${andSite(site)}`;
const CLOSED = (site?: number | null) =>
  `status IN ('closed_sale', 'closed_no_sale') AND assigned_at >= @from AND assigned_at < @to${andSite(site)}`;
const SLA3_NOT_YET = (
  site?: number | null,
) => `SELECT (SELECT count(*) FROM leads l WHERE ${CLOSED(site)} AND closed_at IS NULL)
  + (SELECT count(*) FROM leads l WHERE ${CLOSED(site)} AND closed_at > @at) AS n`;
const OPEN_NOW = (
  site?: number | null,
) => `SELECT count(*) FILTER (WHERE ${M.now_at_risk}) AS "atRisk", count(*) FILTER (WHERE ${M.now_overdue}) AS overdue
  FROM leads l WHERE l.status = 'assigned'${andSite(site)}`;
/** A site's Not Managed count: its row of the trigger-kept view counts (the same predicate as now_unmanaged). */
const SITE_UNMANAGED = (site: number) =>
  `SELECT n FROM lead_view_counts WHERE view = 'not_managed' AND site_id = ${Math.trunc(site)}`;
const PRIORITY = 'ORDER BY l.type_rank ASC, l.assigned_at ASC, l.id ASC';

const numbers = <T extends object>(row: T, keep: string[] = []): T =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, keep.includes(k) ? v : num(v)])) as T;
const DIM_KEYS = ['a', 'c', 's', 't', 'site'];
const CONTACT_KEYS = [...DIM_KEYS, 'channel', 'outcome'];

export function kpiReportRepoPg(db: Queryable): Async<KpiReportRepo> {
  const count = async (sql: string, params: Record<string, unknown>) =>
    num((await one<{ n: number }>(db, sql, params)).n);
  return {
    userNames: async () =>
      new Map((await all<{ id: number; name: string }>(db, 'SELECT id, name FROM users')).map((u) => [u.id, u.name])),
    count: (metric, params, site) =>
      metric === 'now_unmanaged' && site !== null && site !== undefined
        ? count(SITE_UNMANAGED(site), {})
        : count(`SELECT count(*) AS n FROM leads l WHERE ${M[metric]}${andSite(site)}`, params),
    openNow: async (at, site) => numbers(await one<{ atRisk: number; overdue: number }>(db, OPEN_NOW(site), { at })),
    grouped: async (p, scope) => (await all<RawCounts & Dims>(db, GROUPED(scope), p)).map((r) => numbers(r, DIM_KEYS)),
    contacts: async (p, scope) =>
      (await all<ContactCounts>(db, CONTACTS(scope), contactHours(p))).map((r) => numbers(r, CONTACT_KEYS)),
    kept: async (p, scope) =>
      (await all<Dims & { kept: number; noShow: number }>(db, KEPT(scope), p)).map((r) => numbers(r, DIM_KEYS)),
    closeReasons: async (p, site) =>
      (await all<{ reason: string; count: number }>(db, REASONS(site), p)).map((r) => numbers(r, ['reason'])),
    sla3NotYet: (p, site) => count(SLA3_NOT_YET(site), p),
    assignedCounts: assignedCountsPg(db),
    trendSlow: async (p, site) => numbers(await one<RawCounts>(db, TREND_SLOW(site), p)),
    trendMet: (sla, w, site) => count(TREND_MET(sla, site), w),
    async listRows(f: KpiFilter, limit, offset) {
      const { where, params } = pgFilterWhere(f);
      const [rows, total] = await Promise.all([
        all<Awaited<ReturnType<Async<KpiReportRepo>['listRows']>>['rows'][number]>(
          db,
          `SELECT ${ROW_SELECT}, l.site_id AS "siteId" FROM leads l LEFT JOIN users u ON u.id = l.assignee_id
          WHERE ${where} ${PRIORITY} LIMIT @limit OFFSET @offset`,
          { ...params, limit, offset },
        ),
        count(`SELECT count(*) AS n FROM leads l WHERE ${where}`, params),
      ]);
      return { rows, total };
    },
    async attentionRows({ siteId, ...base }, limit) {
      const { where, params } = pgFilterWhere({ metric: 'attention', ...base, siteId });
      const [rows, total] = await Promise.all([
        all<Awaited<ReturnType<Async<KpiReportRepo>['attentionRows']>>['rows'][number]>(
          db,
          `SELECT ${ROW_SELECT}, (${M.sla1_missed})::int AS s1, (${M.sla2_missed})::int AS s2,
            (l.first_contact_at IS NULL OR l.first_contact_at > @at)::int AS nc
          FROM leads l LEFT JOIN users u ON u.id = l.assignee_id WHERE ${where} ${PRIORITY} LIMIT @limit`,
          { ...params, limit },
        ),
        count(`SELECT count(*) AS n FROM leads l WHERE ${where}`, params),
      ]);
      return { rows, total };
    },
    digestLeads: (metric, params, due, limit) =>
      all<DigestLeadRow>(
        db,
        `SELECT l.id, l.number, l.first_name || ' ' || l.last_name AS name, l.status, u.name AS "assigneeName",
          l.assigned_at AS "assignedAt", ${due} AS "dueAt", l.appointment_at AS "appointmentAt", l.campaign
        FROM leads l LEFT JOIN users u ON u.id = l.assignee_id WHERE ${M[metric]}
        ORDER BY ${metric === 'now_appointments_today' ? 'l.appointment_at' : 'l.type_rank, l.assigned_at'}, l.id
        LIMIT ${Math.max(0, Math.floor(limit))}`,
        params,
      ),
  };
}
