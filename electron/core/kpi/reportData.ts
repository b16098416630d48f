// Everything a weekly/monthly report shows, gathered once for the PDF, the XLSX and the CSV.
import type { TFunction } from 'i18next';
import type { Dashboard, Trend } from '../../../shared/contract/kpi';
import type { AttentionRow } from './kpiReportService';
import type { Language } from '../../../shared/domain/vocabulary';
import { evaluatedKey, type AsOf } from '../../../shared/rules/kpi/period';
import type { TrackingRow } from '../../store/repos/kpi';
import type { CoreServices } from '../services';
import { localeTag, reportT } from './i18n';
import type { KpiSites } from './sites';

export const ATTENTION_CAP = 200;

export type { TrackingRow };

export interface ReportData {
  lang: Language;
  t: TFunction;
  tz: string;
  now: number;
  dealer: string;
  dashboard: Dashboard;
  trend: Trend;
  attention: { rows: AttentionRow[]; total: number };
  /** Formats an instant in the dealer's zone, in the report's language. */
  fmt(ms: number, withTime?: boolean): string;
  /** The period as words ("Week 47, 16/11/2026 – 22/11/2026"). */
  periodLabel: string;
  kindLabel: string;
  /** The moment the figures are evaluated, in words ("as at the end of the period (…)" / "as of now (…)"). */
  evaluatedLabel: string;
  /** Several sites: whose figures ("Site: Milano" / "All sites"); null with one site (docs/rules.md §11). */
  siteLabel: string | null;
  /** Several sites: the site (null = all sites), for the contact tracking table. */
  siteId: number | null;
}

export async function buildReportData(
  c: CoreServices,
  spec: string,
  now: number,
  lang: Language,
  asOf: AsOf = 'end',
  sites: KpiSites | null = null,
): Promise<ReportData> {
  const t = await reportT(lang);
  const tz = c.settings.rules().timeZone;
  const siteId = sites?.siteId ?? null;
  const dashboard = await c.kpiReports.dashboard(spec, now, asOf, sites);
  const trend = await c.kpiReports.trend(spec, now, 12, asOf, siteId);
  const p = dashboard.period;
  const dateFmt = new Intl.DateTimeFormat(localeTag(lang), {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const dtFmt = new Intl.DateTimeFormat(localeTag(lang), {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const fmt = (ms: number, withTime = true) => (withTime ? dtFmt : dateFmt).format(new Date(ms));
  const dayFmt = (d: string) =>
    new Intl.DateTimeFormat(localeTag(lang), {
      timeZone: 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(`${d}T00:00:00Z`));
  let periodLabel: string;
  if (p.kind === 'week')
    periodLabel = String(
      t('period.week', { week: Number(p.spec.slice(6)), first: dayFmt(p.firstDay), last: dayFmt(p.lastDay) }),
    );
  else if (p.kind === 'month') {
    const month = new Intl.DateTimeFormat(localeTag(lang), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
      new Date(`${p.firstDay}T00:00:00Z`),
    );
    periodLabel = String(t('period.month', { month }));
  } else periodLabel = String(t('period.range', { first: dayFmt(p.firstDay), last: dayFmt(p.lastDay) }));

  const base = { from: p.from, to: p.to, at: p.at, siteId };
  const att = await c.kpiReports.attentionRows(base, ATTENTION_CAP);
  const rows = att.rows;
  const dealer = c.settings.get('dealer').name.trim() || String(t('report.dealer'));
  return {
    lang,
    t,
    tz,
    now,
    dealer,
    dashboard,
    trend,
    attention: { rows, total: att.total },
    fmt,
    periodLabel,
    kindLabel: String(t(`report.${p.kind === 'week' ? 'weekly' : p.kind === 'month' ? 'monthly' : 'custom'}`)),
    evaluatedLabel: String(t(`evaluated.${evaluatedKey(p)}`, { at: fmt(p.at) })),
    siteLabel: sites
      ? siteId === null
        ? String(t('report.allSites'))
        : String(t('report.site', { name: sites.list.find((x) => x.id === siteId)?.name ?? String(siteId) }))
      : null,
    siteId,
  };
}

/** The contacts recorded in the period [from, min(to, at)] — the standard's Customer Contact Tracking Table. */
export function trackingRows(
  c: CoreServices,
  from: number,
  to: number,
  site: number | null = null,
): Promise<TrackingRow[]> {
  return c.data.repos.kpi.trackingRows(from, to, site);
}
