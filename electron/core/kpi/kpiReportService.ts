// The SLA & KPI dashboard's figures, the 12-week trend, the click-through lists and the daily digest,
// all in SQL on the predicates of electron/store/repos/kpiPredicates.ts (the queries: electron/store/repos/kpiReport.ts).
import type { Dashboard, Digest, KpiCounts, KpiFilter, Trend } from '../../../shared/contract/kpi';
import type { ListPage, ListRow } from '../../../shared/contract/leads';
import { resolvePeriod, trendWeeks, type AsOf, type Period } from '../../../shared/rules/kpi/period';
import { addCalendarDays, HOUR, localDate, startOfLocalDay } from '../../../shared/rules/time';
import { AppError } from '../../../shared/contract/errors';
import type { AsyncStore } from '../../store/repos/index';
import type { SettingsService } from '../settingsService';
import { backfillBusinessDue } from './businessDue';
import { sumCounts } from '../../store/repos/assignedCounts';
import type { DigestLeadRow, Dims, KpiMetricKey, RawCounts } from '../../store/repos/kpiReport';
import type { KpiSites } from './sites';

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

export type { DigestLeadRow };

export interface KpiReportService {
  period(spec: string, now: number, asOf?: AsOf): Period;
  /** `sites`: several sites (kpi/sites.ts), the figures of `sites.siteId` or, null, all sites with each site's. */
  dashboard(spec: string, now: number, asOf?: AsOf, sites?: KpiSites | null): Promise<Dashboard>;
  /** `site`: one site's weeks (null or absent: every site's). */
  trend(spec: string, now: number, weeks?: number, asOf?: AsOf, site?: number | null): Promise<Trend>;
  leads(filter: KpiFilter, page: number, pageSize: number, now: number): Promise<ListPage>;
  /** Every lead row behind a filter (for the report's lists), capped. */
  leadRows(filter: KpiFilter, limit: number): Promise<{ rows: ListRow[]; total: number }>;
  digest(now: number, limit?: number): Promise<Digest>;
  /** The report's "overdue or unmanaged" leads of a period, with why, capped. */
  attentionRows(
    base: { from: number; to: number; at: number; siteId?: number | null },
    limit: number,
  ): Promise<{ rows: AttentionRow[]; total: number }>;
}
export interface AttentionRow extends ListRow {
  sla1Missed: boolean;
  sla2Missed: boolean;
  uncontacted: boolean;
}

export function createKpiReportService(store: AsyncStore, settings: SettingsService): KpiReportService {
  const repo = store.repos.kpiReport;
  const ensureBusinessDue = () => backfillBusinessDue(store, settings.rules());

  const period = (spec: string, now: number, asOf: AsOf = 'end'): Period => {
    const p = resolvePeriod(spec, now, settings.rules(), asOf);
    if (!p) throw new AppError('INVALID_INPUT', { field: 'period' });
    return p;
  };

  const userNames = () => repo.userNames();

  async function today(now: number, site: number | null = null) {
    const tz = settings.rules().timeZone;
    const dayFrom = startOfLocalDay(now, tz);
    const dayTo = addCalendarDays(dayFrom, 1, tz);
    const [unmanaged, open, appointmentsToday] = await Promise.all([
      repo.count('now_unmanaged', {}, site),
      repo.openNow(now, site),
      repo.count('now_appointments_today', { from: dayFrom, to: dayTo }, site),
    ]);
    return {
      unmanaged,
      atRisk: open.atRisk,
      overdue: open.overdue,
      appointmentsToday,
      dayFrom,
      dayTo,
    };
  }

  async function listRows(f: KpiFilter, limit: number, offset: number): Promise<{ rows: ListRow[]; total: number }> {
    const { rows, total } = await repo.listRows(f, limit, offset);
    return { rows: rows.map((r) => ({ ...r, frozen: r.frozen === 1 })), total };
  }

  async function digestLeads(metric: KpiMetricKey, params: Record<string, number>, due: string, limit: number) {
    const count = await repo.count(metric, params);
    const leads = await repo.digestLeads(metric, params, due, limit);
    return { count, leads };
  }

  return {
    period,
    async dashboard(spec, now, asOf = 'end', sites = null) {
      await ensureBusinessDue();
      const p = period(spec, now, asOf);
      const s = settings.rules();
      const params = { from: p.from, to: p.to, at: p.at };
      const w3 = { from: p.sla3From, to: p.at, at: p.at };
      // One site's figures, or (several sites, all of them) every site's grouped per site too (docs/rules.md §11).
      const site = sites?.siteId ?? null;
      const scope = sites ? { site, bySite: site === null } : undefined;
      // The reads are independent of each other: on PostgreSQL each runs at once on its own pooled connection.
      const [names, contactRows, keptRows, groupedRows, reasons, byStatus, sla3NotYet, todayFigures] =
        await Promise.all([
          userNames(),
          repo.contacts(params, scope),
          repo.kept(params, scope),
          repo.grouped(params, scope),
          repo.closeReasons(params, site),
          repo.assignedCounts(w3.from, w3.to, site),
          repo.sla3NotYet(w3, site),
          today(now, site),
        ]);
      const groupKey = (d: Dims) => `${d.a}\u0000${d.c}\u0000${d.s}\u0000${d.t}\u0000${d.site ?? ''}`;
      // Contacts per group, and per "channel outcome" with their distinct leads (a lead is in one group: summed).
      const contactsOf = new Map<string, number>();
      const types = new Map<string, { channel: string; outcome: string; contacts: number; leads: number }>();
      for (const cr of contactRows) {
        const g = groupKey(cr);
        contactsOf.set(g, (contactsOf.get(g) ?? 0) + cr.contacts);
        const kind = `${cr.channel} ${cr.outcome}`;
        let e = types.get(kind);
        if (!e) {
          e = { channel: cr.channel, outcome: cr.outcome, contacts: 0, leads: 0 };
          types.set(kind, e);
        }
        e.contacts += cr.contacts;
        e.leads += cr.leads;
      }
      const keptOf = new Map<string, { kept: number; noShow: number }>();
      for (const k of keptRows) keptOf.set(groupKey(k), { kept: k.kept, noShow: k.noShow });
      const groups = groupedRows.map((g) => ({
        dims: g satisfies Dims,
        counts: { ...toCounts(g), contacts: contactsOf.get(groupKey(g)) ?? 0, ...(keptOf.get(groupKey(g)) ?? {}) },
      }));
      const siteNames = new Map(sites?.list.map((x) => [String(x.id), x.name]));
      const dimKeys: [keyof Dims, (k: string | null) => string | null][] = [
        ['a', (k) => (k === null ? null : (names.get(Number(k)) ?? null))],
        ['c', (k) => k],
        ['s', (k) => k],
        ['t', (k) => k],
        ['site', (k) => (k === null ? null : (siteNames.get(k) ?? null))],
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
      const sla3Total = sumCounts(byStatus);
      const sla3Met = (byStatus.get('closed_sale') ?? 0) + (byStatus.get('closed_no_sale') ?? 0) - sla3NotYet;
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
        contactsByType: [...types.values()].sort(
          (x, y) => y.contacts - x.contacts || `${x.channel} ${x.outcome}`.localeCompare(`${y.channel} ${y.outcome}`),
        ) as Dashboard['contactsByType'],
        closeReasons: reasons.sort(
          (x, y) => y.count - x.count || x.reason.localeCompare(y.reason),
        ) as Dashboard['closeReasons'],
        ...(sites
          ? {
              sites: {
                siteId: site,
                fixed: sites.fixed,
                list: sites.list,
                // Every site, by id (a site without leads in the period: zeros); their sum is `totals`.
                bySite:
                  site === null
                    ? sites.list.map((x) => ({
                        ...(rolled[4]!.find((r) => r.key === String(x.id)) ?? ZERO),
                        key: String(x.id),
                        label: x.name,
                      }))
                    : [],
              },
            }
          : {}),
        today: todayFigures,
      };
    },
    async trend(spec, now, weeks = 12, asOf = 'end', site = null) {
      await ensureBusinessDue();
      const p = period(spec, now, asOf);
      const rules = settings.rules();
      const at = p.at;
      // Every week of the trend is evaluated as of the report date, so the older weeks show their
      // settled SLA 2 (a week evaluated at its own end could never show a missed 10-day SLA). A week
      // whose deadlines have all passed by then is counted from the stored met flags through their
      // indexes; the others (the last week or two) go through the predicates.
      return {
        // Ending with the week of the report date (no empty future weeks for the current month).
        weeks: await Promise.all(
          trendWeeks(
            { lastDay: localDate(Math.max(p.from, Math.min(p.at, p.to - 1)), rules.timeZone) },
            now,
            rules,
            weeks,
          ).map(async (w) => {
            const r = { from: w.from, to: w.to };
            const assigned = sumCounts(await repo.assignedCounts(w.from, w.to, site));
            const settled1 = at >= w.to + rules.sla1Hours * HOUR;
            const settled2 = at >= addCalendarDays(w.to, rules.sla2Days, rules.timeZone);
            let slow: RawCounts | null = null;
            if (!settled1 || !settled2) slow = await repo.trendSlow({ ...r, at }, site);
            const settled = (met: number) => ({ met, missed: assigned - met, pending: 0 });
            return {
              spec: w.spec,
              from: w.from,
              to: w.to,
              at,
              assigned,
              sla1: settled1 ? settled(await repo.trendMet(1, r, site)) : tri(slow!, 's1'),
              sla2: settled2 ? settled(await repo.trendMet(2, r, site)) : tri(slow!, 's2'),
            };
          }),
        ),
      };
    },
    async leads(filter, page, pageSize, now) {
      await ensureBusinessDue();
      const r = await listRows(filter, pageSize, page * pageSize);
      return { rows: r.rows, total: r.total, page, pageSize, at: now };
    },
    async leadRows(filter, limit) {
      await ensureBusinessDue();
      return listRows(filter, limit, 0);
    },
    async attentionRows(base, limit) {
      await ensureBusinessDue();
      const { rows, total } = await repo.attentionRows(base, limit);
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
    async digest(now, limit = 50) {
      const t = await today(now);
      const due1 = 'CASE WHEN l.first_contact_at IS NULL THEN l.sla1_due_at ELSE l.sla2_due_at END';
      return {
        at: now,
        dayFrom: t.dayFrom,
        dayTo: t.dayTo,
        notProcessed: await digestLeads('now_unmanaged', {}, 'l.sla1_due_at', limit),
        atRisk: await digestLeads('now_at_risk', { at: now }, due1, limit),
        overdue: await digestLeads('now_overdue', { at: now }, due1, limit),
        appointmentsToday: await digestLeads('now_appointments_today', { from: t.dayFrom, to: t.dayTo }, 'NULL', limit),
      };
    },
  };
}

/** Totals of a dashboard as a single KpiCounts (re-exported for the reports). */
export { toCounts as _toCounts };
