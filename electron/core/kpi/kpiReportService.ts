// The SLA & KPI dashboard's figures, the 12-week trend, the click-through lists and the daily digest,
// all in SQL on the predicates of predicates.ts.
import type { Statement } from 'better-sqlite3';
import type { BreakdownRow, Dashboard, Digest, KpiCounts, KpiFilter, Trend } from '../../../shared/contract/kpi';
import type { ListPage, ListRow } from '../../../shared/contract/leads';
import { resolvePeriod, trendWeeks, type Period } from '../../../shared/rules/kpi/period';
import { addCalendarDays, startOfLocalDay } from '../../../shared/rules/time';
import { AppError } from '../../../shared/contract/errors';
import type { Store } from '../../store/db';
import type { SettingsService } from '../settingsService';
import { backfillBusinessDue } from './businessDue';
import { COUNT_COLUMNS, filterWhere, METRIC_SQL, WINDOW } from './predicates';

const ROW_SELECT = `l.id, l.number, l.first_name || ' ' || l.last_name AS name, l.created_at AS createdAt,
  l.assigned_at AS assignedAt, l.status, l.frozen, l.lead_type AS leadType, l.source, l.campaign,
  l.contact_attempts AS contactAttempts, l.assignee_id AS assigneeId, u.name AS assigneeName,
  l.first_contact_at AS firstContactAt, l.qualified_at AS qualifiedAt, l.sla1_due_at AS sla1DueAt, l.sla2_due_at AS sla2DueAt`;

type RawCounts = Record<string, number>;
const toCounts = (r: RawCounts | undefined): KpiCounts => ({
  assigned: r?.assigned ?? 0,
  sla1: { met: r?.s1met ?? 0, missed: r?.s1missed ?? 0, pending: r?.s1pending ?? 0 },
  sla2: { met: r?.s2met ?? 0, missed: r?.s2missed ?? 0, pending: r?.s2pending ?? 0 },
  bd: { met: r?.bdmet ?? 0, missed: r?.bdmissed ?? 0, pending: r?.bdpending ?? 0 },
  contacted: r?.contacted ?? 0, appointment: r?.appointment ?? 0, closedSale: r?.closedSale ?? 0,
  closedNoSale: r?.closedNoSale ?? 0, lost: r?.lost ?? 0, contacts: r?.contacts ?? 0,
});
const add = (a: KpiCounts, b: KpiCounts): KpiCounts => ({
  assigned: a.assigned + b.assigned,
  sla1: { met: a.sla1.met + b.sla1.met, missed: a.sla1.missed + b.sla1.missed, pending: a.sla1.pending + b.sla1.pending },
  sla2: { met: a.sla2.met + b.sla2.met, missed: a.sla2.missed + b.sla2.missed, pending: a.sla2.pending + b.sla2.pending },
  bd: { met: a.bd.met + b.bd.met, missed: a.bd.missed + b.bd.missed, pending: a.bd.pending + b.bd.pending },
  contacted: a.contacted + b.contacted, appointment: a.appointment + b.appointment, closedSale: a.closedSale + b.closedSale,
  closedNoSale: a.closedNoSale + b.closedNoSale, lost: a.lost + b.lost, contacts: a.contacts + b.contacts,
});
const ZERO = toCounts(undefined);

export interface DigestLeadRow { id: number; number: string; name: string; status: string; assigneeName: string | null; assignedAt: number; dueAt: number | null; appointmentAt: number | null; campaign: string }

export interface KpiReportService {
  period(spec: string, now: number): Period;
  dashboard(spec: string, now: number): Dashboard;
  trend(spec: string, now: number, weeks?: number): Trend;
  leads(filter: KpiFilter, page: number, pageSize: number, now: number): ListPage;
  /** Every lead row behind a filter (for the report's lists), capped. */
  leadRows(filter: KpiFilter, limit: number): { rows: ListRow[]; total: number };
  digest(now: number, limit?: number): Digest;
  /** The report's "overdue or unmanaged" leads of a period, with why, capped. */
  attentionRows(base: { from: number; to: number; at: number }, limit: number): { rows: AttentionRow[]; total: number };
}
export interface AttentionRow extends ListRow { sla1Missed: boolean; sla2Missed: boolean; uncontacted: boolean }

export function createKpiReportService(store: Store, settings: SettingsService): KpiReportService {
  const { sqlite } = store;
  const cache = new Map<string, Statement>();
  const prep = (sql: string): Statement => {
    let s = cache.get(sql);
    if (!s) { s = sqlite.prepare(sql); cache.set(sql, s); }
    return s;
  };
  const ensureBusinessDue = () => backfillBusinessDue(store, settings.rules());

  const period = (spec: string, now: number): Period => {
    const p = resolvePeriod(spec, now, settings.rules());
    if (!p) throw new AppError('INVALID_INPUT', { field: 'period' });
    return p;
  };

  const GROUPED = `SELECT l.assignee_id AS a, l.campaign AS c, l.source AS s, l.lead_type AS t, ${COUNT_COLUMNS}
    FROM leads l WHERE ${WINDOW} GROUP BY l.assignee_id, l.campaign, l.source, l.lead_type`;
  const TOTAL = `SELECT ${COUNT_COLUMNS} FROM leads l WHERE ${WINDOW}`;
  const CONTACT_TYPES = `SELECT c.channel, c.outcome, count(*) AS contacts, count(DISTINCT c.lead_id) AS leads
    FROM contacts c JOIN leads l ON l.id = c.lead_id WHERE ${WINDOW} AND c.at <= @at GROUP BY c.channel, c.outcome ORDER BY contacts DESC`;
  const REASONS = `SELECT l.close_reason AS reason, count(*) AS count FROM leads l
    WHERE ${WINDOW} AND ${METRIC_SQL.closed_no_sale} AND l.close_reason IS NOT NULL GROUP BY l.close_reason ORDER BY count DESC`;
  const SLA3 = `SELECT count(*) AS total, total(${METRIC_SQL.sla3_met}) AS met FROM leads l WHERE ${WINDOW}`;
  const countOf = (metric: keyof typeof METRIC_SQL) => `SELECT count(*) AS n FROM leads l WHERE ${METRIC_SQL[metric]}`;

  const userNames = (): Map<number, string> =>
    new Map((prep('SELECT id, name FROM users').all() as { id: number; name: string }[]).map((u) => [u.id, u.name]));

  function today(now: number) {
    const tz = settings.rules().timeZone;
    const dayFrom = startOfLocalDay(now, tz);
    const dayTo = addCalendarDays(dayFrom, 1, tz);
    const n = (m: keyof typeof METRIC_SQL, p: Record<string, number>) => (prep(countOf(m)).get(p) as { n: number }).n;
    return {
      unmanaged: n('now_unmanaged', {}), atRisk: n('now_at_risk', { at: now }), overdue: n('now_overdue', { at: now }),
      appointmentsToday: n('now_appointments_today', { from: dayFrom, to: dayTo }), dayFrom, dayTo,
    };
  }

  function listRows(f: KpiFilter, limit: number, offset: number): { rows: ListRow[]; total: number } {
    const { where, params } = filterWhere(f);
    const rows = prep(`SELECT ${ROW_SELECT} FROM leads l LEFT JOIN users u ON u.id = l.assignee_id WHERE ${where}
      ORDER BY l.type_rank ASC, l.assigned_at ASC, l.id ASC LIMIT @limit OFFSET @offset`).all({ ...params, limit, offset }) as (Omit<ListRow, 'frozen'> & { frozen: number })[];
    const total = (prep(`SELECT count(*) AS n FROM leads l WHERE ${where}`).get(params) as { n: number }).n;
    return { rows: rows.map((r) => ({ ...r, frozen: r.frozen === 1 })), total };
  }

  function digestLeads(metric: keyof typeof METRIC_SQL, params: Record<string, number>, due: string, limit: number) {
    const where = METRIC_SQL[metric];
    const count = (prep(countOf(metric)).get(params) as { n: number }).n;
    const leads = prep(`SELECT l.id, l.number, l.first_name || ' ' || l.last_name AS name, l.status, u.name AS assigneeName,
      l.assigned_at AS assignedAt, ${due} AS dueAt, l.appointment_at AS appointmentAt, l.campaign
      FROM leads l LEFT JOIN users u ON u.id = l.assignee_id WHERE ${where}
      ORDER BY ${metric === 'now_appointments_today' ? 'l.appointment_at' : 'l.type_rank, l.assigned_at'}, l.id LIMIT ${Math.max(0, Math.floor(limit))}`).all(params) as DigestLeadRow[];
    return { count, leads };
  }

  return {
    period,
    dashboard(spec, now) {
      ensureBusinessDue();
      const p = period(spec, now);
      const s = settings.rules();
      const params = { from: p.from, to: p.to, at: p.at };
      const names = userNames();
      const groups = prep(GROUPED).all(params) as (RawCounts & { a: number | null; c: string; s: string; t: string })[];
      const roll = (key: (g: (typeof groups)[number]) => string | null, label: (k: string | null) => string | null): BreakdownRow[] => {
        const m = new Map<string | null, KpiCounts>();
        for (const g of groups) { const k = key(g); m.set(k, add(m.get(k) ?? ZERO, toCounts(g))); }
        return [...m.entries()].map(([k, c]) => ({ key: k, label: label(k), ...c })).sort((x, y) => y.assigned - x.assigned || String(x.key).localeCompare(String(y.key)));
      };
      const totals = groups.reduce((acc, g) => add(acc, toCounts(g)), ZERO);
      const sla3 = prep(SLA3).get({ from: p.sla3From, to: p.at, at: p.at }) as { total: number; met: number };
      return {
        period: p, now,
        targets: { sla1: s.sla1Target, sla2: s.sla2Target, sla3: s.sla3Target },
        totals,
        sla3: { met: sla3.met, missed: sla3.total - sla3.met, pending: 0, from: p.sla3From, at: p.at },
        byAssignee: roll((g) => (g.a === null ? null : String(g.a)), (k) => (k === null ? null : names.get(Number(k)) ?? null)),
        byCampaign: roll((g) => g.c, (k) => k),
        bySource: roll((g) => g.s, (k) => k),
        byLeadType: roll((g) => g.t, (k) => k),
        contactsByType: prep(CONTACT_TYPES).all(params) as Dashboard['contactsByType'],
        closeReasons: prep(REASONS).all(params) as Dashboard['closeReasons'],
        today: today(now),
      };
    },
    trend(spec, now, weeks = 12) {
      ensureBusinessDue();
      const p = period(spec, now);
      return {
        // Every week of the trend is evaluated as of the report date, so the older weeks show their
        // settled SLA 2 (a week evaluated at its own end could never show a missed 10-day SLA).
        weeks: trendWeeks(p, now, settings.rules(), weeks).map((w) => {
          const c = toCounts(prep(TOTAL).get({ from: w.from, to: w.to, at: p.at }) as RawCounts);
          return { spec: w.spec, from: w.from, to: w.to, at: p.at, assigned: c.assigned, sla1: c.sla1, sla2: c.sla2, bd: c.bd, appointment: c.appointment, closedSale: c.closedSale };
        }),
      };
    },
    leads(filter, page, pageSize, now) {
      ensureBusinessDue();
      const r = listRows(filter, pageSize, page * pageSize);
      return { rows: r.rows, total: r.total, page, pageSize, at: now };
    },
    leadRows(filter, limit) {
      ensureBusinessDue();
      return listRows(filter, limit, 0);
    },
    attentionRows(base, limit) {
      ensureBusinessDue();
      const { where, params } = filterWhere({ metric: 'attention', ...base });
      const rows = prep(`SELECT ${ROW_SELECT}, ${METRIC_SQL.sla1_missed} AS s1, ${METRIC_SQL.sla2_missed} AS s2,
          (l.first_contact_at IS NULL OR l.first_contact_at > @at) AS nc
        FROM leads l LEFT JOIN users u ON u.id = l.assignee_id WHERE ${where}
        ORDER BY l.type_rank ASC, l.assigned_at ASC, l.id ASC LIMIT @limit`).all({ ...params, limit }) as (Omit<ListRow, 'frozen'> & { frozen: number; s1: number; s2: number; nc: number })[];
      const total = (prep(`SELECT count(*) AS n FROM leads l WHERE ${where}`).get(params) as { n: number }).n;
      return {
        rows: rows.map(({ s1, s2, nc, ...r }) => ({ ...r, frozen: r.frozen === 1, sla1Missed: s1 === 1, sla2Missed: s2 === 1, uncontacted: nc === 1 })),
        total,
      };
    },
    digest(now, limit = 50) {
      const t = today(now);
      const due1 = 'CASE WHEN l.first_contact_at IS NULL THEN l.sla1_due_at ELSE l.sla2_due_at END';
      return {
        at: now, dayFrom: t.dayFrom, dayTo: t.dayTo,
        notProcessed: digestLeads('now_unmanaged', {}, 'l.sla1_due_at', limit),
        atRisk: digestLeads('now_at_risk', { at: now }, due1, limit),
        overdue: digestLeads('now_overdue', { at: now }, due1, limit),
        appointmentsToday: digestLeads('now_appointments_today', { from: t.dayFrom, to: t.dayTo }, 'NULL', limit),
      };
    },
  };
}

/** Totals of a dashboard as a single KpiCounts (re-exported for the reports). */
export { toCounts as _toCounts };
