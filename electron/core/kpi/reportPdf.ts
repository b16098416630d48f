// The weekly/monthly report as an A4 PDF, drawn with pdfkit (no browser: the CLI and scheduled tasks
// make it too). Helvetica covers the Latin-1 text of EN/FR/DE/IT.
import PDFDocument from 'pdfkit';
import type { BreakdownRow, KpiCounts } from '../../../shared/contract/kpi';
import { pct, ratio, slaRate, trafficLight, type Light } from '../../../shared/rules/kpi/figures';
import { domainLabel, localeTag } from './i18n';
import type { ReportData } from './reportData';

const M = 40;
const W = 595.28 - 2 * M;
const BOTTOM = 841.89 - 50;
const LIGHT: Record<Light, string> = { green: '#2f9e44', amber: '#f08c00', red: '#e03131', none: '#adb5bd' };
const GRID = '#dee2e6';

interface Col {
  label: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

export function reportPdf(d: ReportData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: M,
    bufferPages: true,
    info: { Title: `${d.dealer} – ${d.periodLabel}`, Author: 'ASLM Desk', CreationDate: new Date(d.now) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((res) => doc.on('end', () => res(Buffer.concat(chunks))));
  const { t } = d;
  const db = d.dashboard;
  // Helvetica (WinAnsi) has no narrow no-break space (French digit grouping): use a no-break space.
  const num = (n: number, digits = 0) =>
    new Intl.NumberFormat(localeTag(d.lang), { maximumFractionDigits: digits, minimumFractionDigits: digits })
      .format(n)
      .replace(/\u202f/g, '\u00a0');
  const P = (r: number | null) => pct(r, localeTag(d.lang)).replace(/\u202f/g, '\u00a0');

  const ensure = (h: number) => {
    if (doc.y + h > BOTTOM) doc.addPage();
  };
  const heading = (text: string) => {
    ensure(60);
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).fillColor('#1c3d5a').text(text, M, doc.y, { width: W });
    doc.moveDown(0.3).font('Helvetica').fontSize(8.5).fillColor('black');
  };
  const table = (
    cols: Col[],
    rows: (string | { text: string; light?: Light; bold?: boolean })[][],
    opts: { rowH?: number } = {},
  ) => {
    const rowH = opts.rowH ?? 14;
    const drawHeader = () => {
      const y = doc.y;
      doc.font('Helvetica-Bold').fontSize(7.5);
      const hh = Math.max(rowH + 2, ...cols.map((c) => doc.heightOfString(c.label, { width: c.width - 6 }) + 7));
      doc.rect(M, y, W, hh).fill('#f1f3f5').fillColor('black');
      let x = M;
      for (const c of cols) {
        doc.text(c.label, x + 3, y + 4, { width: c.width - 6, align: c.align ?? 'left' });
        x += c.width;
      }
      doc.font('Helvetica').fontSize(8.5);
      doc.y = y + hh;
    };
    ensure(rowH * 3);
    drawHeader();
    for (const row of rows) {
      const cells = row.map(
        (cell) => (typeof cell === 'string' ? { text: cell } : cell) as { text: string; light?: Light; bold?: boolean },
      );
      const textW = (i: number) => cols[i]!.width - 6 - (cells[i]!.light ? 10 : 0);
      const h = Math.max(
        rowH,
        ...cells.map((c, i) => {
          doc.font(c.bold ? 'Helvetica-Bold' : 'Helvetica');
          return doc.heightOfString(c.text || ' ', { width: textW(i) }) + 6;
        }),
      );
      if (doc.y + h > BOTTOM) {
        doc.addPage();
        drawHeader();
      }
      const y = doc.y;
      let x = M;
      cells.forEach((c, i) => {
        let tx = x + 3;
        if (c.light) {
          doc
            .circle(x + 8, y + 3.5 + 4.5, 3.6)
            .fill(LIGHT[c.light])
            .fillColor('black');
          tx += 10;
        }
        doc
          .font(c.bold ? 'Helvetica-Bold' : 'Helvetica')
          .text(c.text, tx, y + 3.5, { width: textW(i), align: cols[i]!.align ?? 'left' });
        x += cols[i]!.width;
      });
      doc
        .moveTo(M, y + h)
        .lineTo(M + W, y + h)
        .lineWidth(0.4)
        .strokeColor(GRID)
        .stroke();
      doc.y = y + h;
    }
    doc.x = M;
  };

  // Header.
  doc.font('Helvetica-Bold').fontSize(17).fillColor('#1c3d5a').text(d.dealer, M, M, { width: W });
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .fillColor('black')
    .text(String(t('report.title', { kind: d.kindLabel })), { width: W });
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(`${t('period.label')}: ${d.periodLabel}`, { width: W });
  if (d.siteLabel) doc.text(d.siteLabel, { width: W });
  doc
    .fontSize(8.5)
    .fillColor('#495057')
    .text(d.evaluatedLabel, { width: W })
    .text(String(t('period.window')), { width: W })
    .text(String(t('report.generated', { at: d.fmt(d.now) })), { width: W });
  doc.fillColor('black');

  // SLA table.
  heading(String(t('section.sla')));
  const slaCols: Col[] = [
    { label: String(t('col.indicator')), width: 175 },
    { label: String(t('col.met')), width: 48, align: 'right' },
    { label: String(t('col.missed')), width: 48, align: 'right' },
    { label: String(t('col.pending')), width: 48, align: 'right' },
    { label: String(t('col.rate')), width: 46, align: 'right' },
    { label: String(t('col.target')), width: 48, align: 'right' },
    { label: String(t('col.light')), width: W - 413 },
  ];
  const slaRow = (name: string, f: { met: number; missed: number; pending: number }, target: number | null) => {
    const r = slaRate(f);
    const light = target === null ? null : trafficLight(r, target);
    return [
      name,
      num(f.met),
      num(f.missed),
      num(f.pending),
      { text: P(r), bold: true },
      target === null ? '—' : P(target),
      light ? { text: String(t(`light.${light}`)), light } : '—',
    ];
  };
  table(
    slaCols,
    [
      slaRow(String(t('sla.sla1')), db.totals.sla1, db.targets.sla1),
      slaRow(String(t('sla.sla2')), db.totals.sla2, db.targets.sla2),
      slaRow(String(t('sla.sla3')), db.sla3, db.targets.sla3),
      slaRow(String(t('sla.bd')), db.totals.bd, null),
    ],
    { rowH: 16 },
  );
  doc
    .moveDown(0.3)
    .fontSize(7.5)
    .fillColor('#495057')
    .text(`SLA 3: ${t('sla.sla3Window', { from: d.fmt(db.sla3.from), at: d.fmt(db.sla3.at) })}`, M, doc.y, { width: W })
    .fillColor('black');

  // Trend chart.
  heading(String(t('section.trend')));
  drawTrend(doc, d);

  // Indicators.
  heading(String(t('section.indicators')));
  const tot = db.totals;
  const contactsTotal = db.contactsByType.reduce((a, c) => a + c.contacts, 0);
  table(
    [
      { label: String(t('col.indicator')), width: 330 },
      { label: String(t('col.value')), width: W - 330, align: 'right' },
    ],
    [
      [String(t('ind.assigned')), num(tot.assigned)],
      [String(t('ind.contacts')), num(contactsTotal)],
      [String(t('ind.perLead')), tot.assigned === 0 ? '—' : num(contactsTotal / tot.assigned, 2)],
      [String(t('ind.bdRate')), P(slaRate(tot.bd))],
      [String(t('ind.appointmentRate')), `${P(ratio(tot.appointment, tot.assigned))}  (${num(tot.appointment)})`],
      [
        String(t('ind.keptRate')),
        `${P(ratio(tot.kept, tot.kept + tot.noShow))}  (${num(tot.kept)} / ${num(tot.kept + tot.noShow)})`,
      ],
      [String(t('ind.noShow')), num(tot.noShow)],
      [String(t('ind.conversion')), `${P(ratio(tot.closedSale, tot.assigned))}  (${num(tot.closedSale)})`],
      [String(t('ind.closedNoSale')), num(tot.closedNoSale)],
      [String(t('ind.lost')), num(tot.lost)],
    ],
  );

  heading(String(t('section.contacts')));
  table(
    [
      { label: String(t('col.channel')), width: 150 },
      { label: String(t('col.outcome')), width: 150 },
      { label: String(t('col.contacts')), width: 100, align: 'right' },
      { label: String(t('col.leads')), width: W - 400, align: 'right' },
    ],
    db.contactsByType.length
      ? db.contactsByType.map((c) => [
          domainLabel(t, 'channel', c.channel),
          domainLabel(t, 'outcome', c.outcome),
          num(c.contacts),
          num(c.leads),
        ])
      : [[String(t('list.none')), '', '', '']],
  );

  heading(String(t('section.reasons')));
  table(
    [
      { label: String(t('col.reason')), width: 400 },
      { label: String(t('col.count')), width: W - 400, align: 'right' },
    ],
    db.closeReasons.length
      ? db.closeReasons.map((r) => [domainLabel(t, 'closeReason', r.reason), num(r.count)])
      : [[String(t('list.none')), '']],
  );

  // Breakdowns.
  heading(String(t('section.breakdowns')));
  const bcols = (first: string): Col[] => [
    { label: first, width: 155 },
    { label: String(t('col.assigned')), width: 50, align: 'right' },
    { label: 'SLA 1', width: 50, align: 'right' },
    { label: 'SLA 2', width: 50, align: 'right' },
    { label: String(t('chart.bd')), width: 62, align: 'right' },
    { label: String(t('col.appointmentRate')), width: 58, align: 'right' },
    { label: String(t('col.conversion')), width: 50, align: 'right' },
    { label: String(t('col.contacts')), width: W - 475, align: 'right' },
  ];
  const brow = (label: string, r: KpiCounts) => {
    const l1 = trafficLight(slaRate(r.sla1), db.targets.sla1);
    const l2 = trafficLight(slaRate(r.sla2), db.targets.sla2);
    return [
      label,
      num(r.assigned),
      { text: P(slaRate(r.sla1)), light: l1 },
      { text: P(slaRate(r.sla2)), light: l2 },
      P(slaRate(r.bd)),
      P(ratio(r.appointment, r.assigned)),
      P(ratio(r.closedSale, r.assigned)),
      num(r.contacts),
    ];
  };
  const blocks: [string, BreakdownRow[], (r: BreakdownRow) => string][] = [
    [String(t('breakdown.assignee')), db.byAssignee, (r) => r.label ?? String(t('breakdown.unassigned'))],
    [String(t('breakdown.campaign')), db.byCampaign, (r) => domainLabel(t, 'campaign', r.key)],
    [String(t('breakdown.source')), db.bySource, (r) => domainLabel(t, 'source', r.key)],
    [String(t('breakdown.leadType')), db.byLeadType, (r) => domainLabel(t, 'leadType', r.key)],
  ];
  for (const [title, rows, label] of blocks) {
    ensure(60);
    doc.moveDown(0.4);
    table(
      bcols(title),
      rows.length ? rows.map((r) => brow(label(r), r)) : [[String(t('list.none')), '', '', '', '', '', '', '']],
    );
  }

  // Overdue or unmanaged leads.
  heading(`${t('section.attention')} (${num(d.attention.total)})`);
  const acols: Col[] = [
    { label: String(t('list.number')), width: 88 },
    { label: String(t('list.name')), width: 105 },
    { label: String(t('list.assignee')), width: 80 },
    { label: String(t('list.assignedAt')), width: 72 },
    { label: String(t('list.status')), width: 70 },
    { label: String(t('list.problem')), width: W - 415 },
  ];
  table(
    acols,
    d.attention.rows.length
      ? d.attention.rows.map((r) => [
          r.number,
          r.name,
          r.assigneeName ?? String(t('breakdown.unassigned')),
          d.fmt(r.assignedAt),
          domainLabel(t, 'status', r.status),
          [
            r.sla1Missed ? String(t('problem.sla1')) : null,
            r.sla2Missed ? String(t('problem.sla2')) : null,
            r.uncontacted ? String(t('problem.unmanaged')) : null,
          ]
            .filter(Boolean)
            .join(', '),
        ])
      : [[String(t('list.none')), '', '', '', '', '']],
  );
  if (d.attention.total > d.attention.rows.length) {
    doc
      .moveDown(0.3)
      .font('Helvetica-Oblique')
      .text(String(t('list.more', { count: d.attention.total - d.attention.rows.length })), M, doc.y, { width: W })
      .font('Helvetica');
  }

  // Footer on every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc
      .fontSize(7.5)
      .fillColor('#868e96')
      .text(
        `${d.dealer} · ${d.periodLabel} · ${t('report.page', { page: i + 1, pages: range.count })}`,
        M,
        841.89 - 32,
        { width: W, align: 'center', lineBreak: false },
      );
  }
  doc.end();
  return done;
}

function drawTrend(doc: PDFKit.PDFDocument, d: ReportData): void {
  const { t } = d;
  const weeks = d.trend.weeks;
  const h = 150;
  if (doc.y + h + 40 > BOTTOM) doc.addPage();
  const top = doc.y + 4;
  const left = M + 30;
  const width = W - 40;
  const bottom = top + h;
  const maxAssigned = Math.max(1, ...weeks.map((w) => w.assigned));
  doc.lineWidth(0.4).strokeColor(GRID).fontSize(7).fillColor('#495057');
  for (let p = 0; p <= 100; p += 25) {
    const y = bottom - (p / 100) * h;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .stroke();
    doc.text(`${p} %`, M - 4, y - 3, { width: 30, align: 'right', lineBreak: false });
  }
  const step = width / Math.max(1, weeks.length);
  const xOf = (i: number) => left + step * i + step / 2;
  // Volume bars (scaled to the highest week), behind the lines.
  weeks.forEach((w, i) => {
    const bh = (w.assigned / maxAssigned) * h * 0.9;
    doc.rect(xOf(i) - step * 0.3, bottom - bh, step * 0.6, bh).fill('#e7f5ff');
    doc
      .fillColor('#495057')
      .text(w.spec.slice(5), xOf(i) - step / 2, bottom + 3, { width: step, align: 'center', lineBreak: false });
    doc
      .fillColor('#1971c2')
      .text(String(w.assigned), xOf(i) - step / 2, bottom - bh - 9, { width: step, align: 'center', lineBreak: false });
  });
  // Targets (dashed).
  const target = d.dashboard.targets.sla1;
  doc
    .moveTo(left, bottom - target * h)
    .lineTo(left + width, bottom - target * h)
    .dash(3, { space: 3 })
    .strokeColor('#e03131')
    .lineWidth(0.8)
    .stroke()
    .undash();
  const line = (vals: (number | null)[], color: string) => {
    let started = false;
    vals.forEach((v, i) => {
      if (v === null) {
        started = false;
        return;
      }
      const x = xOf(i);
      const y = bottom - v * h;
      if (!started) {
        doc.moveTo(x, y);
        started = true;
      } else doc.lineTo(x, y);
    });
    doc.strokeColor(color).lineWidth(1.6).stroke();
    vals.forEach((v, i) => {
      if (v !== null) doc.circle(xOf(i), bottom - v * h, 2.2).fill(color);
    });
  };
  line(
    weeks.map((w) => slaRate(w.sla1)),
    '#2f9e44',
  );
  line(
    weeks.map((w) => slaRate(w.sla2)),
    '#7048e8',
  );
  // Legend.
  const ly = bottom + 16;
  let lx = left;
  for (const [label, color] of [
    [String(t('chart.sla1')), '#2f9e44'],
    [String(t('chart.sla2')), '#7048e8'],
    [String(t('chart.assigned')), '#a5d8ff'],
    [`${t('chart.target')} ${Math.round(target * 100)} %`, '#e03131'],
  ] as const) {
    doc.rect(lx, ly, 8, 8).fill(color);
    doc
      .fillColor('black')
      .fontSize(7.5)
      .text(label, lx + 11, ly, { lineBreak: false });
    lx += 11 + doc.widthOfString(label) + 14;
  }
  doc.fillColor('black').fontSize(8.5);
  doc.x = M;
  doc.y = ly + 16;
}
