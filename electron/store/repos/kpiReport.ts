// The SLA & KPI report's reads (electron/core/kpi/kpiReportService.ts): a period's figures grouped by assignee,
// campaign, source and type, the trend's weeks, the click-through lists and the digest's leads, on the predicates of
// kpiPredicates.ts. One statement per SQL text, prepared on first use.
import type { Statement } from 'better-sqlite3';
import type { KpiFilter } from '../../../shared/contract/kpi';
import type { ListRow } from '../../../shared/contract/leads';
import { createAssignedCounts, type AssignedCounts } from './assignedCounts';
import { andSite, filterWhere, METRIC_SQL, WINDOW } from './kpiPredicates';
import type { Sqlite } from './prepared';

export type KpiMetricKey = keyof typeof METRIC_SQL;
/** Figures of a row by name (s1met, s1missed, …, assigned, contacted, …). */
export type RawCounts = Record<string, number>;
/** The breakdown dimensions: assignee (a), campaign (c), source (s), lead type (t), and the site when asked (site). */
export type Dims = { a: number | null; c: string; s: string; t: string; site?: number | null };
/**
 * Which leads (docs/rules.md §11): one site's (`site`), or every site's (null), then grouped per site too when `bySite`
 * (the group's per-site figures). Absent: every site, not per site (the SQL of a one-site installation).
 */
export type KpiScope = { site: number | null; bySite?: boolean };
/** The dimensions selected and grouped by (the site's last, when asked). */
export const dimsOf = (scope?: KpiScope): { select: string; group: string } =>
  scope?.bySite
    ? {
        select: 'l.assignee_id AS a, l.campaign AS c, l.source AS s, l.lead_type AS t, l.site_id AS site',
        group: '1, 2, 3, 4, 5',
      }
    : { select: 'l.assignee_id AS a, l.campaign AS c, l.source AS s, l.lead_type AS t', group: '1, 2, 3, 4' };
export interface DigestLeadRow {
  id: number;
  number: string;
  name: string;
  status: string;
  assigneeName: string | null;
  assignedAt: number;
  dueAt: number | null;
  appointmentAt: number | null;
  campaign: string;
}
/** A group's contacts of one channel and outcome: how many, and how many distinct leads they were made to. */
export type ContactCounts = Dims & { channel: string; outcome: string; contacts: number; leads: number };
type Window = { from: number; to: number };
type AsOfWindow = Window & { at: number };
type StoredListRow = Omit<ListRow, 'frozen'> & { frozen: number };

const ROW_SELECT = `l.id, l.number, l.first_name || ' ' || l.last_name AS name, l.created_at AS createdAt,
  l.assigned_at AS assignedAt, l.status, l.frozen, l.lead_type AS leadType, l.source, l.campaign,
  l.contact_attempts AS contactAttempts, l.assignee_id AS assigneeId, u.name AS assigneeName,
  l.first_contact_at AS firstContactAt, l.qualified_at AS qualifiedAt, l.sla1_due_at AS sla1DueAt, l.sla2_due_at AS sla2DueAt`;

export interface KpiReportRepo {
  userNames(): Map<number, string>;
  /** How many leads meet the metric's predicate (of one site: `site`). */
  count(metric: KpiMetricKey, params: Record<string, unknown>, site?: number | null): number;
  /** The open leads at risk and overdue at `at`. */
  openNow(at: number, site?: number | null): { atRisk: number; overdue: number };
  /** The period's figures per group (dimensions in index order). */
  grouped(p: AsOfWindow, scope?: KpiScope): (RawCounts & Dims)[];
  /** The period's contacts made by `at`, per group and "channel outcome": how many, and their distinct leads. */
  contacts(p: AsOfWindow, scope?: KpiScope): ContactCounts[];
  /** Appointments kept and not kept per group. */
  kept(p: AsOfWindow, scope?: KpiScope): (Dims & { kept: number; noShow: number })[];
  closeReasons(p: AsOfWindow, site?: number | null): { reason: string; count: number }[];
  /** The leads of the window closed, but not by `at` (SLA 3). */
  sla3NotYet(p: AsOfWindow, site?: number | null): number;
  assignedCounts: AssignedCounts;
  /** A trend week's figures as of `at` (through the predicates). */
  trendSlow(p: AsOfWindow, site?: number | null): RawCounts;
  /** A settled trend week's SLA 1 / SLA 2 met count (the stored flags). */
  trendMet(sla: 1 | 2, w: Window, site?: number | null): number;
  /** The filter's leads, by priority, and how many there are. */
  listRows(f: KpiFilter, limit: number, offset: number): { rows: StoredListRow[]; total: number };
  /** The attention leads of a window, with why (s1, s2 missed, nc: not contacted), and how many there are. */
  attentionRows(
    base: AsOfWindow & { siteId?: number | null },
    limit: number,
  ): { rows: (StoredListRow & { s1: number; s2: number; nc: number })[]; total: number };
  /** The metric's leads for the digest (due: the SQL of their deadline), `limit` at most. */
  digestLeads(metric: KpiMetricKey, params: Record<string, number>, due: string, limit: number): DigestLeadRow[];
}

export function kpiReportRepo(sqlite: Sqlite): KpiReportRepo {
  const cache = new Map<string, Statement>();
  const prep = (sql: string): Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = sqlite.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };

  // A period's figures in one pass over the covering index leads_kpi_dims: the breakdown dimensions lead it,
  // so the groups come out in index order (a skip-scan over the few assignee/campaign/source/type values,
  // then each one's assigned_at range) and no lead is sorted. Each figure is the predicate of kpiPredicates.ts
  // written inline (met ⇔ done by @at and on time; missed ⇔ done late by @at, or not done and @at past due);
  // the click-through uses kpiPredicates.ts itself and a test checks that both agree. (`count(*) FILTER` is
  // quicker than summing the booleans.)
  const met = (done: string, due: string) => `(${done} <= @at AND ${done} <= ${due})`;
  const missed = (done: string, due: string) =>
    `(CASE WHEN ${done} <= @at THEN ${done} > ${due} ELSE @at > ${due} END)`;
  const FIGURES = `count(*) AS assigned,
      count(*) FILTER (WHERE ${met('l.first_contact_at', 'l.sla1_due_at')}) AS s1met, count(*) FILTER (WHERE ${missed('l.first_contact_at', 'l.sla1_due_at')}) AS s1missed,
      count(*) FILTER (WHERE ${met('l.qualified_at', 'l.sla2_due_at')}) AS s2met, count(*) FILTER (WHERE ${missed('l.qualified_at', 'l.sla2_due_at')}) AS s2missed`;
  const KPI_INDEX = 'leads l INDEXED BY leads_kpi_dims';
  const GROUPED = (scope?: KpiScope) => `SELECT ${dimsOf(scope).select}, ${FIGURES},
      count(*) FILTER (WHERE ${met('l.first_contact_at', 'l.business_due_at')}) AS bdmet, count(*) FILTER (WHERE ${missed('l.first_contact_at', 'l.business_due_at')}) AS bdmissed,
      count(*) FILTER (WHERE l.first_contact_at <= @at) AS contacted, count(*) FILTER (WHERE l.appointment_at IS NOT NULL AND l.qualified_at <= @at) AS appointment,
      count(*) FILTER (WHERE l.status = 'closed_sale' AND l.closed_at <= @at) AS closedSale, count(*) FILTER (WHERE l.status = 'closed_no_sale' AND l.closed_at <= @at) AS closedNoSale,
      count(*) FILTER (WHERE l.status = 'lost' AND l.closed_at <= @at) AS lost,
      count(*) FILTER (WHERE NOT ifnull(l.first_contact_at <= @at, 0) OR ${missed('l.first_contact_at', 'l.sla1_due_at')} OR ${missed('l.qualified_at', 'l.sla2_due_at')}) AS attention
    FROM ${KPI_INDEX} WHERE ${WINDOW}${andSite(scope?.site)} GROUP BY ${dimsOf(scope).group}`;
  const REASONS = (site?: number | null) => `SELECT l.close_reason AS reason, count(*) AS count FROM ${KPI_INDEX}
    WHERE ${WINDOW}${andSite(site)} AND l.status = 'closed_no_sale' AND l.closed_at <= @at AND l.close_reason IS NOT NULL GROUP BY 1`;
  // The contacts of the period's leads, grouped the same way and by channel and outcome: how many, and to how many
  // distinct leads (a lead is in one group: the leads of a type are the sum over the groups).
  const CONTACTS = (scope?: KpiScope) => {
    const g = scope?.bySite ? '1, 2, 3, 4, 5, 6, 7' : '1, 2, 3, 4, 5, 6';
    return `SELECT ${dimsOf(scope).select}, c.channel, c.outcome,
      count(*) AS contacts, count(DISTINCT c.lead_id) AS leads
    FROM ${KPI_INDEX} JOIN contacts c ON c.lead_id = l.id WHERE ${WINDOW}${andSite(scope?.site)} AND c.at <= @at
    GROUP BY ${g} ORDER BY ${g}`;
  };
  // "Was the appointment kept": the few leads where it was recorded, through their partial index, grouped the same way.
  const KEPT = (scope?: KpiScope) => `SELECT ${dimsOf(scope).select},
      count(*) FILTER (WHERE ${METRIC_SQL.appointment_kept}) AS kept, count(*) FILTER (WHERE ${METRIC_SQL.appointment_no_show}) AS noShow
    FROM leads l INDEXED BY leads_kpi_kept WHERE appointment_kept IS NOT NULL AND ${WINDOW}${andSite(scope?.site)} GROUP BY ${dimsOf(scope).group}`;
  const TREND_MET = (sla: 1 | 2, site?: number | null) =>
    `SELECT count(*) AS n FROM leads l INDEXED BY leads_sla${sla} WHERE sla${sla}_met = 1 AND assigned_at >= @from AND assigned_at < @to${andSite(site)}`;
  const TREND_SLOW = (site?: number | null) => `SELECT ${FIGURES} FROM ${KPI_INDEX} WHERE ${WINDOW}${andSite(site)}`;
  const CLOSED = (site?: number | null) =>
    `status IN ('closed_sale', 'closed_no_sale') AND assigned_at >= @from AND assigned_at < @to${andSite(site)}`;
  const SLA3_NOT_YET = (
    site?: number | null,
  ) => `SELECT (SELECT count(*) FROM leads l INDEXED BY leads_kpi_closed WHERE ${CLOSED(site)} AND closed_at IS NULL)
    + (SELECT count(*) FROM leads l INDEXED BY leads_kpi_closed WHERE ${CLOSED(site)} AND closed_at > @at) AS n`;
  const HINT: Partial<Record<keyof typeof METRIC_SQL, string>> = {
    now_unmanaged: 'INDEXED BY leads_v_not_managed',
    now_at_risk: 'INDEXED BY leads_kpi_open',
    now_overdue: 'INDEXED BY leads_kpi_open',
  };
  // At risk and overdue in one pass over the open leads' deadlines.
  const OPEN_NOW = (
    site?: number | null,
  ) => `SELECT count(*) FILTER (WHERE ${METRIC_SQL.now_at_risk}) AS atRisk, count(*) FILTER (WHERE ${METRIC_SQL.now_overdue}) AS overdue
    FROM leads l INDEXED BY leads_kpi_open WHERE l.status = 'assigned'${andSite(site)}`;
  const countOf = (metric: keyof typeof METRIC_SQL, site?: number | null) =>
    `SELECT count(*) AS n FROM leads l ${HINT[metric] ?? ''} WHERE ${METRIC_SQL[metric]}${andSite(site)}`;

  return {
    userNames: () =>
      new Map((prep('SELECT id, name FROM users').all() as { id: number; name: string }[]).map((u) => [u.id, u.name])),
    count: (metric, params, site) => (prep(countOf(metric, site)).get(params) as { n: number }).n,
    openNow: (at, site) => prep(OPEN_NOW(site)).get({ at }) as { atRisk: number; overdue: number },
    grouped: (p, scope) => prep(GROUPED(scope)).all(p) as (RawCounts & Dims)[],
    contacts: (p, scope) => prep(CONTACTS(scope)).all(p) as ContactCounts[],
    kept: (p, scope) => prep(KEPT(scope)).all(p) as (Dims & { kept: number; noShow: number })[],
    closeReasons: (p, site) => prep(REASONS(site)).all(p) as { reason: string; count: number }[],
    sla3NotYet: (p, site) => (prep(SLA3_NOT_YET(site)).get(p) as { n: number }).n,
    assignedCounts: createAssignedCounts(prep),
    trendSlow: (p, site) => prep(TREND_SLOW(site)).get(p) as RawCounts,
    trendMet: (sla, w, site) => (prep(TREND_MET(sla, site)).get(w) as { n: number }).n,
    listRows(f, limit, offset) {
      const { where, params } = filterWhere(f);
      const rows =
        prep(`SELECT ${ROW_SELECT}, l.site_id AS siteId FROM leads l LEFT JOIN users u ON u.id = l.assignee_id
      WHERE ${where} ORDER BY l.type_rank ASC, l.assigned_at ASC, l.id ASC LIMIT @limit OFFSET @offset`).all({
          ...params,
          limit,
          offset,
        }) as StoredListRow[];
      const total = (prep(`SELECT count(*) AS n FROM leads l WHERE ${where}`).get(params) as { n: number }).n;
      return { rows, total };
    },
    attentionRows({ siteId, ...base }, limit) {
      const { where, params } = filterWhere({ metric: 'attention', ...base, siteId });
      const rows = prep(`SELECT ${ROW_SELECT}, ${METRIC_SQL.sla1_missed} AS s1, ${METRIC_SQL.sla2_missed} AS s2,
          (l.first_contact_at IS NULL OR l.first_contact_at > @at) AS nc
        FROM leads l LEFT JOIN users u ON u.id = l.assignee_id WHERE ${where}
        ORDER BY l.type_rank ASC, l.assigned_at ASC, l.id ASC LIMIT @limit`).all({
        ...params,
        limit,
      }) as (StoredListRow & {
        s1: number;
        s2: number;
        nc: number;
      })[];
      const total = (prep(`SELECT count(*) AS n FROM leads l WHERE ${where}`).get(params) as { n: number }).n;
      return { rows, total };
    },
    digestLeads(metric, params, due, limit) {
      const where = METRIC_SQL[metric];
      return prep(`SELECT l.id, l.number, l.first_name || ' ' || l.last_name AS name, l.status, u.name AS assigneeName,
      l.assigned_at AS assignedAt, ${due} AS dueAt, l.appointment_at AS appointmentAt, l.campaign
      FROM leads l LEFT JOIN users u ON u.id = l.assignee_id WHERE ${where}
      ORDER BY ${metric === 'now_appointments_today' ? 'l.appointment_at' : 'l.type_rank, l.assigned_at'}, l.id LIMIT ${Math.max(0, Math.floor(limit))}`).all(
        params,
      ) as DigestLeadRow[];
    },
  };
}
