// The SLA & KPI report's reads on PostgreSQL (electron/store/repos/kpiReport.ts): the same figures, groups and lists.
// Where SQLite answers in index order (GROUP BY over leads_kpi_dims), this says ORDER BY: dimensions NULL first and
// text in byte order (COLLATE "C"), as SQLite's BINARY. Rows carry SQLite's shapes: `frozen` and the attention
// list's reasons as 0/1.
import type { KpiFilter } from '../../../../shared/contract/kpi';
import type { Async } from '../../repos/index';
import { WINDOW } from '../../repos/kpiPredicates';
import type { ContactCounts, DigestLeadRow, Dims, KpiReportRepo, RawCounts } from '../../repos/kpiReport';
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
const DIMS = 'l.assignee_id AS a, l.campaign AS c, l.source AS s, l.lead_type AS t';
const DIMS_ORDER =
  'ORDER BY l.assignee_id NULLS FIRST, l.campaign COLLATE "C", l.source COLLATE "C", l.lead_type COLLATE "C"';
const GROUPED = `SELECT ${DIMS}, ${FIGURES},
    count(*) FILTER (WHERE ${met('l.first_contact_at', 'l.business_due_at')}) AS bdmet, count(*) FILTER (WHERE ${missed('l.first_contact_at', 'l.business_due_at')}) AS bdmissed,
    count(*) FILTER (WHERE l.first_contact_at <= @at) AS contacted, count(*) FILTER (WHERE l.appointment_at IS NOT NULL AND l.qualified_at <= @at) AS appointment,
    count(*) FILTER (WHERE l.status = 'closed_sale' AND l.closed_at <= @at) AS "closedSale", count(*) FILTER (WHERE l.status = 'closed_no_sale' AND l.closed_at <= @at) AS "closedNoSale",
    count(*) FILTER (WHERE l.status = 'lost' AND l.closed_at <= @at) AS lost,
    count(*) FILTER (WHERE NOT coalesce(l.first_contact_at <= @at, false) OR ${missed('l.first_contact_at', 'l.sla1_due_at')} OR ${missed('l.qualified_at', 'l.sla2_due_at')}) AS attention
  FROM leads l WHERE ${WINDOW} GROUP BY 1, 2, 3, 4 ${DIMS_ORDER}`;
const REASONS = `SELECT l.close_reason AS reason, count(*) AS count FROM leads l
  WHERE ${WINDOW} AND l.status = 'closed_no_sale' AND l.closed_at <= @at AND l.close_reason IS NOT NULL
  GROUP BY 1 ORDER BY l.close_reason COLLATE "C"`;
// The contacts by `at` of the window's leads, per group and channel and outcome (contacts, and distinct leads as the
// contacts first of their lead and type), from contact_kpi_hours (migration 0007: per hour of assignment and of
// contact) for the window's whole hours and the contacts' hours before the one of `at`; the rest counted on the
// leads and contacts: the leads of a partial hour at either end of the window (each lead's contacts looked up by lead,
// OFFSET 0: no hash join over every contact), and the contacts made in the hour of `at` (contacts_at) to the leads of
// the whole hours. The three parts are disjoint. Assignee 0 in the table is none.
const FIRST = `(NOT EXISTS (SELECT 1 FROM contacts p WHERE p.lead_id = c.lead_id AND p.channel = c.channel
    AND p.outcome = c.outcome AND (p.at < c.at OR (p.at = c.at AND p.id < c.id))))::int`;
const CONTACTS = `SELECT nullif(x.a, 0) AS a, x.c, x.s, x.t, x.channel, x.outcome, sum(x.n) AS contacts, sum(x.f) AS leads
  FROM (
    SELECT h.a, h.campaign AS c, h.source AS s, h.lead_type AS t, h.channel, h.outcome, h.n, h.f FROM contact_kpi_hours h
      WHERE h.ah >= @ah0 AND h.ah < @ah1 AND h.bh < @bh
    UNION ALL
    SELECT coalesce(l.assignee_id, 0), l.campaign, l.source, l.lead_type, c.channel, c.outcome, 1, ${FIRST}
      FROM leads l CROSS JOIN LATERAL (SELECT c.id, c.lead_id, c.at, c.channel, c.outcome FROM contacts c
        WHERE c.lead_id = l.id AND c.at <= @at OFFSET 0) c
      WHERE (l.assigned_at >= @from AND l.assigned_at < @headTo) OR (l.assigned_at >= @tailFrom AND l.assigned_at < @to)
    UNION ALL
    SELECT coalesce(l.assignee_id, 0), l.campaign, l.source, l.lead_type, c.channel, c.outcome, 1, ${FIRST}
      FROM contacts c JOIN leads l ON l.id = c.lead_id
      WHERE c.at >= @bhAt AND c.at <= @at AND l.assigned_at >= @headTo AND l.assigned_at < @tailFrom
  ) x
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(x.n) > 0
  ORDER BY 1 NULLS FIRST, x.c COLLATE "C", x.s COLLATE "C", x.t COLLATE "C", x.channel COLLATE "C", x.outcome COLLATE "C"`;
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
const KEPT = `SELECT ${DIMS}, count(*) FILTER (WHERE ${M.appointment_kept}) AS kept,
    count(*) FILTER (WHERE ${M.appointment_no_show}) AS "noShow"
  FROM leads l WHERE l.appointment_kept IS NOT NULL AND ${WINDOW} GROUP BY 1, 2, 3, 4 ${DIMS_ORDER}`;
const TREND_MET = (sla: 1 | 2) =>
  `SELECT count(*) AS n FROM leads WHERE sla${sla}_met = true AND assigned_at >= @from AND assigned_at < @to`;
const TREND_SLOW = `SELECT ${FIGURES} FROM leads l WHERE ${WINDOW}`;
const CLOSED = "status IN ('closed_sale', 'closed_no_sale') AND assigned_at >= @from AND assigned_at < @to";
const SLA3_NOT_YET = `SELECT (SELECT count(*) FROM leads WHERE ${CLOSED} AND closed_at IS NULL)
  + (SELECT count(*) FROM leads WHERE ${CLOSED} AND closed_at > @at) AS n`;
const OPEN_NOW = `SELECT count(*) FILTER (WHERE ${M.now_at_risk}) AS "atRisk", count(*) FILTER (WHERE ${M.now_overdue}) AS overdue
  FROM leads l WHERE l.status = 'assigned'`;
const PRIORITY = 'ORDER BY l.type_rank ASC, l.assigned_at ASC, l.id ASC';

const numbers = <T extends object>(row: T, keep: string[] = []): T =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, keep.includes(k) ? v : num(v)])) as T;
const DIM_KEYS = ['a', 'c', 's', 't'];
const CONTACT_KEYS = [...DIM_KEYS, 'channel', 'outcome'];

export function kpiReportRepoPg(db: Queryable): Async<KpiReportRepo> {
  const count = async (sql: string, params: Record<string, unknown>) =>
    num((await one<{ n: number }>(db, sql, params)).n);
  return {
    userNames: async () =>
      new Map((await all<{ id: number; name: string }>(db, 'SELECT id, name FROM users')).map((u) => [u.id, u.name])),
    count: (metric, params) => count(`SELECT count(*) AS n FROM leads l WHERE ${M[metric]}`, params),
    openNow: async (at) => numbers(await one<{ atRisk: number; overdue: number }>(db, OPEN_NOW, { at })),
    grouped: async (p) => (await all<RawCounts & Dims>(db, GROUPED, p)).map((r) => numbers(r, DIM_KEYS)),
    contacts: async (p) =>
      (await all<ContactCounts>(db, CONTACTS, contactHours(p))).map((r) => numbers(r, CONTACT_KEYS)),
    kept: async (p) =>
      (await all<Dims & { kept: number; noShow: number }>(db, KEPT, p)).map((r) => numbers(r, DIM_KEYS)),
    closeReasons: async (p) =>
      (await all<{ reason: string; count: number }>(db, REASONS, p)).map((r) => numbers(r, ['reason'])),
    sla3NotYet: (p) => count(SLA3_NOT_YET, p),
    assignedCounts: assignedCountsPg(db),
    trendSlow: async (p) => numbers(await one<RawCounts>(db, TREND_SLOW, p)),
    trendMet: (sla, w) => count(TREND_MET(sla), w),
    async listRows(f: KpiFilter, limit, offset) {
      const { where, params } = pgFilterWhere(f);
      const [rows, total] = await Promise.all([
        all<Awaited<ReturnType<Async<KpiReportRepo>['listRows']>>['rows'][number]>(
          db,
          `SELECT ${ROW_SELECT} FROM leads l LEFT JOIN users u ON u.id = l.assignee_id WHERE ${where}
          ${PRIORITY} LIMIT @limit OFFSET @offset`,
          { ...params, limit, offset },
        ),
        count(`SELECT count(*) AS n FROM leads l WHERE ${where}`, params),
      ]);
      return { rows, total };
    },
    async attentionRows(base, limit) {
      const { where, params } = pgFilterWhere({ metric: 'attention', ...base });
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
