// The report's data as an XLSX workbook (summary, trend, breakdowns, contacts by type, close reasons,
// overdue/unmanaged leads, and the Customer Contact Tracking Table), and the tracking table as CSV.
// Text that a spreadsheet could run as a formula (=, +, -, @, tab, CR first) is neutralized. Instants are real date cells
// (the dealer's wall time, with a date format: sortable and filterable in Excel); the CSV writes them as text.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { BreakdownRow } from '../../../shared/contract/kpi';
import { toCsv } from '../../../shared/import/csv';
import { ratio, slaRate, trafficLight } from '../../../shared/rules/kpi/figures';
import { domainLabel } from './i18n';
import type { ReportData, TrackingRow } from './reportData';
import { xlsxDate, xlsxDateFormat } from '../xlsxDates';

/** Prefixes an apostrophe to text a spreadsheet would read as a formula (CSV/formula injection). */
export const neutralize = (v: string): string => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** An instant (ms): a date cell in the workbook, the formatted wall time in the CSV. */
interface Instant {
  instant: number;
}
type Cell = string | number | Date | null | Instant;
const instant = (ms: number): Instant => ({ instant: ms });
const isInstant = (v: Cell): v is Instant => typeof v === 'object' && v !== null && !(v instanceof Date);

export async function reportXlsx(d: ReportData, tracking: TrackingRow[]): Promise<Buffer> {
  const { t } = d;
  const db = d.dashboard;
  // Streamed (the contact tracking table of a month can hold tens of thousands of rows).
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((res, rej) => {
    out.on('end', () => res());
    out.on('error', rej);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'ASLM Desk';
  wb.created = new Date(d.now);
  const local = (ms: number) => d.fmt(ms);
  const dateFormat = xlsxDateFormat(d.lang);
  const safe = (v: Cell): string | number | Date | null =>
    typeof v === 'string' ? neutralize(v) : isInstant(v) ? xlsxDate(v.instant, d.tz) : v;
  const sheet = (name: string, header: string[], rows: Cell[][], widths?: number[]) => {
    const ws = wb.addWorksheet(String(name).slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = header.map((_, i) => ({ width: widths?.[i] ?? 16 }));
    const head = ws.addRow(header.map((h) => safe(h)));
    head.font = { bold: true };
    head.commit();
    for (const r of rows) {
      const row = ws.addRow(r.map(safe));
      r.forEach((v, i) => {
        if (isInstant(v)) row.getCell(i + 1).numFmt = dateFormat;
      });
      row.commit();
    }
    ws.commit();
  };
  const pctCell = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

  sheet(
    String(t('xlsx.summary')),
    [
      String(t('col.indicator')),
      String(t('col.met')),
      String(t('col.missed')),
      String(t('col.pending')),
      `${t('col.rate')} %`,
      `${t('col.target')} %`,
      String(t('col.light')),
    ],
    [
      ...(
        [
          ['sla.sla1', db.totals.sla1, db.targets.sla1],
          ['sla.sla2', db.totals.sla2, db.targets.sla2],
          ['sla.sla3', db.sla3, db.targets.sla3],
          ['sla.bd', db.totals.bd, null],
        ] as const
      ).map(([k, f, target]) => [
        String(t(k)),
        f.met,
        f.missed,
        f.pending,
        pctCell(slaRate(f)),
        target === null ? null : target * 100,
        target === null ? null : String(t(`light.${trafficLight(slaRate(f), target)}`)),
      ]),
      [],
      [String(t('ind.assigned')), db.totals.assigned],
      [String(t('ind.contacts')), db.totals.contacts],
      [
        String(t('ind.perLead')),
        db.totals.assigned ? Math.round((db.totals.contacts / db.totals.assigned) * 100) / 100 : null,
      ],
      [`${t('ind.appointmentRate')} %`, pctCell(ratio(db.totals.appointment, db.totals.assigned))],
      [`${t('ind.keptRate')} %`, pctCell(ratio(db.totals.kept, db.totals.kept + db.totals.noShow))],
      [String(t('ind.noShow')), db.totals.noShow],
      [`${t('ind.conversion')} %`, pctCell(ratio(db.totals.closedSale, db.totals.assigned))],
      [String(t('ind.closedNoSale')), db.totals.closedNoSale],
      [String(t('ind.lost')), db.totals.lost],
      [],
      [d.dealer],
      ...(d.siteLabel ? [[d.siteLabel]] : []),
      [`${t('period.label')}: ${d.periodLabel}`],
      [d.evaluatedLabel],
      [`SLA 3: ${t('sla.sla3Window', { from: local(db.sla3.from), at: local(db.sla3.at) })}`],
    ],
    [52, 10, 10, 10, 10, 10, 26],
  );

  sheet(
    String(t('xlsx.trend')),
    [
      String(t('col.week')),
      String(t('col.assigned')),
      `SLA 1 ${t('col.met')}`,
      `SLA 1 ${t('col.missed')}`,
      `SLA 1 ${t('col.pending')}`,
      'SLA 1 %',
      `SLA 2 ${t('col.met')}`,
      `SLA 2 ${t('col.missed')}`,
      `SLA 2 ${t('col.pending')}`,
      'SLA 2 %',
    ],
    d.trend.weeks.map((w) => [
      w.spec,
      w.assigned,
      w.sla1.met,
      w.sla1.missed,
      w.sla1.pending,
      pctCell(slaRate(w.sla1)),
      w.sla2.met,
      w.sla2.missed,
      w.sla2.pending,
      pctCell(slaRate(w.sla2)),
    ]),
  );

  const bHeader = [
    String(t('col.indicator')),
    '',
    String(t('col.assigned')),
    `SLA 1 ${t('col.met')}`,
    `SLA 1 ${t('col.missed')}`,
    `SLA 1 ${t('col.pending')}`,
    'SLA 1 %',
    `SLA 2 ${t('col.met')}`,
    `SLA 2 ${t('col.missed')}`,
    `SLA 2 ${t('col.pending')}`,
    'SLA 2 %',
    String(t('chart.bd')),
    String(t('col.appointment')),
    `${t('col.appointmentRate')} %`,
    String(t('col.closedSale')),
    `${t('col.conversion')} %`,
    String(t('col.closedNoSale')),
    String(t('col.lost')),
    String(t('col.contacts')),
  ];
  const bRows: Cell[][] = [];
  const blocks: [string, BreakdownRow[], (r: BreakdownRow) => string][] = [
    [String(t('breakdown.assignee')), db.byAssignee, (r) => r.label ?? String(t('breakdown.unassigned'))],
    [String(t('breakdown.campaign')), db.byCampaign, (r) => domainLabel(t, 'campaign', r.key)],
    [String(t('breakdown.source')), db.bySource, (r) => domainLabel(t, 'source', r.key)],
    [String(t('breakdown.leadType')), db.byLeadType, (r) => domainLabel(t, 'leadType', r.key)],
  ];
  for (const [title, rows, label] of blocks) {
    for (const r of rows) {
      bRows.push([
        title,
        label(r),
        r.assigned,
        r.sla1.met,
        r.sla1.missed,
        r.sla1.pending,
        pctCell(slaRate(r.sla1)),
        r.sla2.met,
        r.sla2.missed,
        r.sla2.pending,
        pctCell(slaRate(r.sla2)),
        pctCell(slaRate(r.bd)),
        r.appointment,
        pctCell(ratio(r.appointment, r.assigned)),
        r.closedSale,
        pctCell(ratio(r.closedSale, r.assigned)),
        r.closedNoSale,
        r.lost,
        r.contacts,
      ]);
    }
  }
  sheet(String(t('xlsx.breakdowns')), bHeader, bRows, [18, 28]);

  sheet(
    String(t('xlsx.contacts')),
    [String(t('col.channel')), String(t('col.outcome')), String(t('col.contacts')), String(t('col.leads'))],
    db.contactsByType.map((c) => [
      domainLabel(t, 'channel', c.channel),
      domainLabel(t, 'outcome', c.outcome),
      c.contacts,
      c.leads,
    ]),
  );
  sheet(
    String(t('xlsx.reasons')),
    [String(t('col.reason')), String(t('col.count'))],
    db.closeReasons.map((r) => [domainLabel(t, 'closeReason', r.reason), r.count]),
    [40, 10],
  );
  sheet(
    String(t('xlsx.attention')),
    [
      String(t('list.number')),
      String(t('list.name')),
      String(t('list.assignee')),
      String(t('list.assignedAt')),
      String(t('list.status')),
      String(t('list.campaign')),
      String(t('list.problem')),
    ],
    d.attention.rows.map((r) => [
      r.number,
      r.name,
      r.assigneeName,
      instant(r.assignedAt),
      domainLabel(t, 'status', r.status),
      domainLabel(t, 'campaign', r.campaign),
      [
        r.sla1Missed ? String(t('problem.sla1')) : null,
        r.sla2Missed ? String(t('problem.sla2')) : null,
        r.uncontacted ? String(t('problem.unmanaged')) : null,
      ]
        .filter(Boolean)
        .join(', '),
    ]),
    [18, 26, 20, 18, 18, 24, 36],
  );

  const tr = trackingTable(d, tracking);
  sheet(String(t('xlsx.tracking')), tr.header, tr.rows, [18, 16, 24, 20, 12, 12, 16, 50, 50]);
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

function trackingTable(d: ReportData, rows: TrackingRow[]) {
  const { t } = d;
  const labels = new Map<string, string>();
  const label = (kind: string, id: string) => {
    const k = `${kind}.${id}`;
    let v = labels.get(k);
    if (v === undefined) {
      v = domainLabel(t, kind, id);
      labels.set(k, v);
    }
    return v;
  };
  return {
    header: ['at', 'lead', 'customer', 'staff', 'direction', 'channel', 'outcome', 'verbatim', 'answer'].map((k) =>
      String(t(`tracking.${k}`)),
    ),
    rows: rows.map(
      (r) =>
        [
          instant(r.at),
          r.number,
          r.customer,
          r.staff,
          label('direction', r.direction),
          label('channel', r.channel),
          label('outcome', r.outcome),
          r.verbatim,
          r.answer,
        ] as Cell[],
    ),
  };
}

/** The Customer Contact Tracking Table as CSV (UTF-8 with BOM, semicolon-separated for European Excel; cells made safe by `toCsv`). */
export function trackingCsv(d: ReportData, rows: TrackingRow[]): Buffer {
  const tr = trackingTable(d, rows);
  const text = (v: Cell) => (isInstant(v) ? d.fmt(v.instant) : v instanceof Date ? v.toISOString() : v);
  return Buffer.from(`\uFEFF${toCsv([tr.header, ...tr.rows.map((r) => r.map(text))])}`, 'utf8');
}
