// The SLA & KPI dashboard's figures, the 12-week trend, the click-through lists and the daily digest,
// all in SQL on the predicates of predicates.ts.
import type { Statement } from 'better-sqlite3';
import type { Dashboard, Digest, KpiCounts, KpiFilter, Trend } from '../../../shared/contract/kpi';
import type { ListPage, ListRow } from '../../../shared/contract/leads';
import { resolvePeriod, trendWeeks, type AsOf, type Period } from '../../../shared/rules/kpi/period';
import { addCalendarDays, HOUR, localDate, startOfLocalDay } from '../../../shared/rules/time';
import { AppError } from '../../../shared/contract/errors';
import type { Store } from '../../store/db';
import type { SettingsService } from '../settingsService';
import { backfillBusinessDue } from './businessDue';
import { createAssignedCounts, sumCounts } from '../../store/repos/assignedCounts';
import { filterWhere, METRIC_SQL, WINDOW } from './predicates';

const ROW_SELECT = `l.id, l.number, l.first_name || ' ' || l.last_name AS name, l.created_at AS createdAt,
  l.assigned_at AS assignedAt, l.status, l.frozen, l.lead_type AS leadType, l.source, l.campaign,
  l.contact_attempts AS contactAttempts, l.assignee_id AS assigneeId, u.name AS assigneeName,
  l.first_contact_at AS firstContactAt, l.qualified_at AS qualifiedAt, l.sla1_due_at AS sla1DueAt, l.sla2_due_at AS sla2DueAt`;

type RawCounts = Record<string, number>;
/** met/missed from the row; pending = the rest when the row has no pending column (GROUPED). */
const tri = (r: RawCounts | undefined, p: string) => {
  const met = r?.[`${p}met`] ?? 0;
  const missed = r?.[`${p}missed`] ?? 0;
  return { met, missed, pending: r?.[`${p}pending`] ?? (r?.assigned ?? 0) - met - missed };
};
const toCounts = (r: RawCounts | undefined): KpiCounts => ({
  assigned: r?.assigned ?? 0,
  sla1: tri(r, 's1'),
  sla2: tri(r, 's2'),
  bd: tri(r, 'bd'),
  contacted: r?.contacted ?? 0,
  appointment: r?.appointment ?? 0,
  closedSale: r?.closedSale ?? 0,
  closedNoSale: r?.closedNoSale ?? 0,
  lost: r?.lost ?? 0,
  contacts: r?.contacts ?? 0,
  attention: r?.attention ?? 0,
  kept: r?.kept ?? 0,
  noShow: r?.noShow ?? 0,
});
const add = (a: KpiCounts, b: KpiCounts): KpiCounts => ({
  assigned: a.assigned + b.assigned,
  sla1: {
    met: a.sla1.met + b.sla1.met,
    missed: a.sla1.missed + b.sla1.missed,
    pending: a.sla1.pending + b.sla1.pending,
  },
  sla2: {
    met: a.sla2.met + b.sla2.met,
    missed: a.sla2.missed + b.sla2.missed,
    pending: a.sla2.pending + b.sla2.pending,
  },
  bd: { met: a.bd.met + b.bd.met, missed: a.bd.missed + b.bd.missed, pending: a.bd.pending + b.bd.pending },
  contacted: a.contacted + b.contacted,
  appointment: a.appointment + b.appointment,
  closedSale: a.closedSale + b.closedSale,
  closedNoSale: a.closedNoSale + b.closedNoSale,
  lost: a.lost + b.lost,
  contacts: a.contacts + b.contacts,
  attention: a.attention + b.attention,
  kept: a.kept + b.kept,
  noShow: a.noShow + b.noShow,
});
const ZERO = toCounts(undefined);

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

export interface KpiReportService {
  period(spec: string, now: number, asOf?: AsOf): Period;
  dashboard(spec: string, now: number, asOf?: AsOf): Dashboard;
  trend(spec: string, now: number, weeks?: number, asOf?: AsOf): Trend;
  leads(filter: KpiFilter, page: number, pageSize: number, now: number): ListPage;
  /** Every lead row behind a filter (for the report's lists), capped. */
  leadRows(filter: KpiFilter, limit: number): { rows: ListRow[]; total: number };
  digest(now: number, limit?: number): Digest;
  /** The report's "overdue or unmanaged" leads of a period, with why, capped. */
  attentionRows(base: { from: number; to: number; at: number }, limit: number): { rows: AttentionRow[]; total: number };
}
export interface AttentionRow extends ListRow {
  sla1Missed: boolean;
  sla2Missed: boolean;
  uncontacted: boolean;
}

export function createKpiReportService(store: Store, settings: SettingsService): KpiReportService {
  const { sqlite } = store;
  const cache = new Map<string, Statement>();
  const prep = (sql: string): Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = sqlite.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const ensureBusinessDue = () => backfillBusinessDue(store, settings.rules());

  const period = (spec: string, now: number, asOf: AsOf = 'end'): Period => {
    const p = resolvePeriod(spec, now, settings.rules(), asOf);
    if (!p) throw new AppError('INVALID_INPUT', { field: 'period' });
    return p;
  };

  // A period's figures in one pass over the covering index leads_kpi_dims: the breakdown dimensions lead it,
  // so the groups come out in index order (a skip-scan over the few assignee/campaign/source/type values,
  // then each one's assigned_at range) and no lead is sorted. Each figure is the predicate of predicates.ts
  // written inline (met ⇔ done by @at and on time; missed ⇔ done late by @at, or not done and @at past due);
  // the click-through uses predicates.ts itself and a test checks that both agree. (`count(*) FILTER` is
  // quicker than summing the booleans.)
  const met = (done: string, due: string) => `(${done} <= @at AND ${done} <= ${due})`;
  const missed = (done: string, due: string) =>
    `(CASE WHEN ${done} <= @at THEN ${done} > ${due} ELSE @at > ${due} END)`;
  const FIGURES = `count(*) AS assigned,
      count(*) FILTER (WHERE ${met('l.first_contact_at', 'l.sla1_due_at')}) AS s1met, count(*) FILTER (WHERE ${missed('l.first_contact_at', 'l.sla1_due_at')}) AS s1missed,
      count(*) FILTER (WHERE ${met('l.qualified_at', 'l.sla2_due_at')}) AS s2met, count(*) FILTER (WHERE ${missed('l.qualified_at', 'l.sla2_due_at')}) AS s2missed`;
  const KPI_INDEX = 'leads l INDEXED BY leads_kpi_dims';
  const GROUPED = `SELECT l.assignee_id AS a, l.campaign AS c, l.source AS s, l.lead_type AS t, ${FIGURES},
      count(*) FILTER (WHERE ${met('l.first_contact_at', 'l.business_due_at')}) AS bdmet, count(*) FILTER (WHERE ${missed('l.first_contact_at', 'l.business_due_at')}) AS bdmissed,
      count(*) FILTER (WHERE l.first_contact_at <= @at) AS contacted, count(*) FILTER (WHERE l.appointment_at IS NOT NULL AND l.qualified_at <= @at) AS appointment,
      count(*) FILTER (WHERE l.status = 'closed_sale' AND l.closed_at <= @at) AS closedSale, count(*) FILTER (WHERE l.status = 'closed_no_sale' AND l.closed_at <= @at) AS closedNoSale,
      count(*) FILTER (WHERE l.status = 'lost' AND l.closed_at <= @at) AS lost,
      count(*) FILTER (WHERE NOT ifnull(l.first_contact_at <= @at, 0) OR ${missed('l.first_contact_at', 'l.sla1_due_at')} OR ${missed('l.qualified_at', 'l.sla2_due_at')}) AS attention
    FROM ${KPI_INDEX} WHERE ${WINDOW} GROUP BY 1, 2, 3, 4`;
  const REASONS = `SELECT l.close_reason AS reason, count(*) AS count FROM ${KPI_INDEX}
    WHERE ${WINDOW} AND l.status = 'closed_no_sale' AND l.closed_at <= @at AND l.close_reason IS NOT NULL GROUP BY 1`;
  // The contacts of the period's leads, grouped the same way (index order, no sort): per group the lead of
  // each contact and its "channel outcome", counted in JS (contacts per dimension, per type, distinct leads).
  const CONTACTS = `SELECT l.assignee_id AS a, l.campaign AS c, l.source AS s, l.lead_type AS t,
      json_group_array(c.lead_id) AS leads, json_group_array(c.channel || ' ' || c.outcome) AS types
    FROM ${KPI_INDEX} JOIN contacts c ON c.lead_id = l.id WHERE ${WINDOW} AND c.at <= @at GROUP BY 1, 2, 3, 4`;
  // "Was the appointment kept": the few leads where it was recorded, through their partial index, grouped the same way.
  const KEPT = `SELECT l.assignee_id AS a, l.campaign AS c, l.source AS s, l.lead_type AS t,
      count(*) FILTER (WHERE ${METRIC_SQL.appointment_kept}) AS kept, count(*) FILTER (WHERE ${METRIC_SQL.appointment_no_show}) AS noShow
    FROM leads l INDEXED BY leads_kpi_kept WHERE appointment_kept IS NOT NULL AND ${WINDOW} GROUP BY 1, 2, 3, 4`;
  const assignedCounts = createAssignedCounts(prep);
  const TREND_S1 =
    'SELECT count(*) AS n FROM leads INDEXED BY leads_sla1 WHERE sla1_met = 1 AND assigned_at >= @from AND assigned_at < @to';
  const TREND_S2 =
    'SELECT count(*) AS n FROM leads INDEXED BY leads_sla2 WHERE sla2_met = 1 AND assigned_at >= @from AND assigned_at < @to';
  const TREND_SLOW = `SELECT ${FIGURES} FROM ${KPI_INDEX} WHERE ${WINDOW}`;
  const CLOSED = "status IN ('closed_sale', 'closed_no_sale') AND assigned_at >= @from AND assigned_at < @to";
  const SLA3_NOT_YET = `SELECT (SELECT count(*) FROM leads INDEXED BY leads_kpi_closed WHERE ${CLOSED} AND closed_at IS NULL)
    + (SELECT count(*) FROM leads INDEXED BY leads_kpi_closed WHERE ${CLOSED} AND closed_at > @at) AS n`;
  const HINT: Partial<Record<keyof typeof METRIC_SQL, string>> = {
    now_unmanaged: 'INDEXED BY leads_v_not_managed',
    now_at_risk: 'INDEXED BY leads_kpi_open',
    now_overdue: 'INDEXED BY leads_kpi_open',
  };
  // At risk and overdue in one pass over the open leads' deadlines.
  const OPEN_NOW = `SELECT count(*) FILTER (WHERE ${METRIC_SQL.now_at_risk}) AS atRisk, count(*) FILTER (WHERE ${METRIC_SQL.now_overdue}) AS overdue
    FROM leads l INDEXED BY leads_kpi_open WHERE l.status = 'assigned'`;
  const countOf = (metric: keyof typeof METRIC_SQL) =>
    `SELECT count(*) AS n FROM leads l ${HINT[metric] ?? ''} WHERE ${METRIC_SQL[metric]}`;

  const userNames = (): Map<number, string> =>
    new Map((prep('SELECT id, name FROM users').all() as { id: number; name: string }[]).map((u) => [u.id, u.name]));

  function today(now: number) {
    const tz = settings.rules().timeZone;
    const dayFrom = startOfLocalDay(now, tz);
    const dayTo = addCalendarDays(dayFrom, 1, tz);
    const n = (m: keyof typeof METRIC_SQL, p: Record<string, number>) => (prep(countOf(m)).get(p) as { n: number }).n;
    const open = prep(OPEN_NOW).get({ at: now }) as { atRisk: number; overdue: number };
    return {
      unmanaged: n('now_unmanaged', {}),
      atRisk: open.atRisk,
      overdue: open.overdue,
      appointmentsToday: n('now_appointments_today', { from: dayFrom, to: dayTo }),
      dayFrom,
      dayTo,
    };
  }

  function listRows(f: KpiFilter, limit: number, offset: number): { rows: ListRow[]; total: number } {
    const { where, params } = filterWhere(f);
    const rows = prep(`SELECT ${ROW_SELECT} FROM leads l LEFT JOIN users u ON u.id = l.assignee_id WHERE ${where}
      ORDER BY l.type_rank ASC, l.assigned_at ASC, l.id ASC LIMIT @limit OFFSET @offset`).all({
      ...params,
      limit,
      offset,
    }) as (Omit<ListRow, 'frozen'> & { frozen: number })[];
    const total = (prep(`SELECT count(*) AS n FROM leads l WHERE ${where}`).get(params) as { n: number }).n;
    return { rows: rows.map((r) => ({ ...r, frozen: r.frozen === 1 })), total };
  }

  function digestLeads(metric: keyof typeof METRIC_SQL, params: Record<string, number>, due: string, limit: number) {
    const where = METRIC_SQL[metric];
    const count = (prep(countOf(metric)).get(params) as { n: number }).n;
    const leads =
      prep(`SELECT l.id, l.number, l.first_name || ' ' || l.last_name AS name, l.status, u.name AS assigneeName,
      l.assigned_at AS assignedAt, ${due} AS dueAt, l.appointment_at AS appointmentAt, l.campaign
      FROM leads l LEFT JOIN users u ON u.id = l.assignee_id WHERE ${where}
      ORDER BY ${metric === 'now_appointments_today' ? 'l.appointment_at' : 'l.type_rank, l.assigned_at'}, l.id LIMIT ${Math.max(0, Math.floor(limit))}`).all(
        params,
      ) as DigestLeadRow[];
    return { count, leads };
  }

  return {
    period,
    dashboard(spec, now, asOf = 'end') {
      ensureBusinessDue();
      const p = period(spec, now, asOf);
      const s = settings.rules();
      const params = { from: p.from, to: p.to, at: p.at };
      const names = userNames();
      type Dims = { a: number | null; c: string; s: string; t: string };
      const groupKey = (d: Dims) => `${d.a}\u0000${d.c}\u0000${d.s}\u0000${d.t}`;
      // Contacts per group, per "channel outcome" and the distinct leads of each.
      const contactsOf = new Map<string, number>();
      const types = new Map<string, { channel: string; outcome: string; contacts: number; leads: Set<number> }>();
      for (const cr of prep(CONTACTS).all(params) as (Dims & { leads: string; types: string })[]) {
        const leads = JSON.parse(cr.leads) as number[];
        const kinds = JSON.parse(cr.types) as string[];
        contactsOf.set(groupKey(cr), leads.length);
        for (let i = 0; i < leads.length; i++) {
          let e = types.get(kinds[i]!);
          if (!e) {
            const [channel = '', outcome = ''] = kinds[i]!.split(' ');
            e = { channel, outcome, contacts: 0, leads: new Set() };
            types.set(kinds[i]!, e);
          }
          e.contacts++;
          e.leads.add(leads[i]!);
        }
      }
      const keptOf = new Map<string, { kept: number; noShow: number }>();
      for (const k of prep(KEPT).all(params) as (Dims & { kept: number; noShow: number })[])
        keptOf.set(groupKey(k), { kept: k.kept, noShow: k.noShow });
      const groups = (prep(GROUPED).all(params) as (RawCounts & Dims)[]).map((g) => ({
        dims: g as Dims,
        counts: { ...toCounts(g), contacts: contactsOf.get(groupKey(g)) ?? 0, ...(keptOf.get(groupKey(g)) ?? {}) },
      }));
      const dimKeys: [keyof Dims, (k: string | null) => string | null][] = [
        ['a', (k) => (k === null ? null : (names.get(Number(k)) ?? null))],
        ['c', (k) => k],
        ['s', (k) => k],
        ['t', (k) => k],
      ];
      const rolled = dimKeys.map(([dim, label]) => {
        const m = new Map<string | null, KpiCounts>();
        for (const g of groups) {
          const v = g.dims[dim];
          const k = v === null ? null : String(v);
          m.set(k, add(m.get(k) ?? ZERO, g.counts));
        }
        return [...m.entries()]
          .map(([k, c]) => ({ key: k, label: label(k), ...c }))
          .sort((x, y) => y.assigned - x.assigned || String(x.key).localeCompare(String(y.key)));
      });
      const totals = groups.reduce((acc, g) => add(acc, g.counts), ZERO);
      const reasons = prep(REASONS).all(params) as { reason: string; count: number }[];
      const w3 = { from: p.sla3From, to: p.at, at: p.at };
      const byStatus = assignedCounts(w3.from, w3.to);
      const sla3Total = sumCounts(byStatus);
      const sla3Met =
        (byStatus.get('closed_sale') ?? 0) +
        (byStatus.get('closed_no_sale') ?? 0) -
        (prep(SLA3_NOT_YET).get(w3) as { n: number }).n;
      return {
        period: p,
        now,
        targets: { sla1: s.sla1Target, sla2: s.sla2Target, sla3: s.sla3Target },
        totals,
        sla3: { met: sla3Met, missed: sla3Total - sla3Met, pending: 0, from: p.sla3From, at: p.at },
        byAssignee: rolled[0]!,
        byCampaign: rolled[1]!,
        bySource: rolled[2]!,
        byLeadType: rolled[3]!,
        contactsByType: [...types.values()]
          .map((e) => ({ ...e, leads: e.leads.size }))
          .sort(
            (x, y) => y.contacts - x.contacts || `${x.channel} ${x.outcome}`.localeCompare(`${y.channel} ${y.outcome}`),
          ) as Dashboard['contactsByType'],
        closeReasons: reasons.sort(
          (x, y) => y.count - x.count || x.reason.localeCompare(y.reason),
        ) as Dashboard['closeReasons'],
        today: today(now),
      };
    },
    trend(spec, now, weeks = 12, asOf = 'end') {
      ensureBusinessDue();
      const p = period(spec, now, asOf);
      const rules = settings.rules();
      const at = p.at;
      // Every week of the trend is evaluated as of the report date, so the older weeks show their
      // settled SLA 2 (a week evaluated at its own end could never show a missed 10-day SLA). A week
      // whose deadlines have all passed by then is counted from the stored met flags through their
      // indexes; the others (the last week or two) go through the predicates.
      return {
        // Ending with the week of the report date (no empty future weeks for the current month).
        weeks: trendWeeks(
          { lastDay: localDate(Math.max(p.from, Math.min(p.at, p.to - 1)), rules.timeZone) },
          now,
          rules,
          weeks,
        ).map((w) => {
          const r = { from: w.from, to: w.to };
          const assigned = sumCounts(assignedCounts(w.from, w.to));
          const settled1 = at >= w.to + rules.sla1Hours * HOUR;
          const settled2 = at >= addCalendarDays(w.to, rules.sla2Days, rules.timeZone);
          let slow: RawCounts | null = null;
          if (!settled1 || !settled2) slow = prep(TREND_SLOW).get({ ...r, at }) as RawCounts;
          const settled = (met: number) => ({ met, missed: assigned - met, pending: 0 });
          return {
            spec: w.spec,
            from: w.from,
            to: w.to,
            at,
            assigned,
            sla1: settled1 ? settled((prep(TREND_S1).get(r) as { n: number }).n) : tri(slow!, 's1'),
            sla2: settled2 ? settled((prep(TREND_S2).get(r) as { n: number }).n) : tri(slow!, 's2'),
          };
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
        ORDER BY l.type_rank ASC, l.assigned_at ASC, l.id ASC LIMIT @limit`).all({ ...params, limit }) as (Omit<
        ListRow,
        'frozen'
      > & { frozen: number; s1: number; s2: number; nc: number })[];
      const total = (prep(`SELECT count(*) AS n FROM leads l WHERE ${where}`).get(params) as { n: number }).n;
      return {
        rows: rows.map(({ s1, s2, nc, ...r }) => ({
          ...r,
          frozen: r.frozen === 1,
          sla1Missed: s1 === 1,
          sla2Missed: s2 === 1,
          uncontacted: nc === 1,
        })),
        total,
      };
    },
    digest(now, limit = 50) {
      const t = today(now);
      const due1 = 'CASE WHEN l.first_contact_at IS NULL THEN l.sla1_due_at ELSE l.sla2_due_at END';
      return {
        at: now,
        dayFrom: t.dayFrom,
        dayTo: t.dayTo,
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
