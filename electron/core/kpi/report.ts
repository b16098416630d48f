// One entry point for the report files (kpi.report channel, CLI, scheduled tasks).
import type { Language } from '../../../shared/domain/vocabulary';
import type { AsOf } from '../../../shared/rules/kpi/period';
import type { CoreServices } from '../services';
import { buildReportData, trackingRows } from './reportData';
import { reportPdf } from './reportPdf';
import { reportXlsx, trackingCsv } from './reportXlsx';
import type { KpiSites } from './sites';

export type ReportFormat = 'pdf' | 'xlsx' | 'csv';
const MIME: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export async function makeReport(
  c: CoreServices,
  opts: { period: string; format: ReportFormat; language?: Language; asOf?: AsOf; sites?: KpiSites | null },
  now: number,
): Promise<{ fileName: string; mime: string; data: Buffer }> {
  const lang = opts.language ?? c.settings.get('language');
  const d = await buildReportData(c, opts.period, now, lang, opts.asOf ?? 'end', opts.sites ?? null);
  const p = d.dashboard.period;
  const base = `${String(d.t('report.fileBase'))}-${p.spec.replace('..', '_')}${p.asOf === 'now' ? `-${String(d.t('report.asOfNowSuffix'))}` : ''}`;
  let data: Buffer;
  if (opts.format === 'pdf') data = await reportPdf(d);
  else {
    // The contacts recorded IN the period (up to the report date when it is still running), whatever the evaluation moment.
    const tracking = await trackingRows(c, p.from, Math.min(p.to, p.at), d.siteId);
    data = opts.format === 'xlsx' ? await reportXlsx(d, tracking) : trackingCsv(d, tracking);
  }
  const suffix =
    opts.format === 'csv'
      ? `-${String(d.t('xlsx.tracking'))
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z0-9]+/g, '-')}`
      : '';
  return { fileName: `${base}${suffix}.${opts.format}`, mime: MIME[opts.format], data };
}
