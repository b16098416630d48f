// The manual's "print format" of a list view: the list as the user sees it — same view, search, assignee
// filter and order — every row (not only the page on screen, up to LIST_PRINT_CAP), with the list's columns,
// as an A4 landscape PDF drawn with pdfkit in the user's language (like the KPI report: no browser needed).
import PDFDocument from 'pdfkit';
import type { ListQuery, ListRow } from '../../../shared/contract/leads';
import type { Language, ListView } from '../../../shared/domain/vocabulary';
import { DEFAULT_CAMPAIGNS } from '../../../shared/domain/vocabulary';
import type { CoreServices } from '../services';
import { domainLabel, localeTag, reportT } from '../kpi/i18n';

/** At most this many rows are printed; the document says so when the list holds more. */
export const LIST_PRINT_CAP = 5000;
const PAGE = 500;

const W_PAGE = 841.89;
const H_PAGE = 595.28;
const M = 32;
const W = W_PAGE - 2 * M;
const BOTTOM = H_PAGE - 40;
const GRID = '#dee2e6';

export interface ListPrintInput extends Omit<ListQuery, 'page' | 'pageSize'> {
  view: ListView;
  language?: Language;
}

/** Every row of the query, in its order, up to the cap; and the list's total. */
export async function listRowsForPrint(
  c: CoreServices,
  q: Omit<ListQuery, 'page' | 'pageSize'>,
  cap = LIST_PRINT_CAP,
  /** One site's leads (the person's scope, docs/rules.md §11); null = every site. */
  site: number | null = null,
): Promise<{ rows: ListRow[]; total: number; at: number }> {
  const rows: ListRow[] = [];
  let total = 0;
  let at = c.clock.now();
  for (let page = 0; rows.length < cap; page++) {
    const p = await c.lists.list({ ...q, page, pageSize: PAGE }, site);
    if (page === 0) {
      total = p.total;
      at = p.at;
    }
    rows.push(...p.rows.slice(0, cap - rows.length));
    if (p.rows.length < PAGE) break;
  }
  return { rows, total, at };
}

export async function listPdf(
  c: CoreServices,
  input: ListPrintInput,
  site: number | null = null,
): Promise<{ fileName: string; mime: string; data: Buffer; rows: number; total: number }> {
  const lang = input.language ?? c.settings.get('language');
  const t = await reportT(lang);
  const { language: _l, ...query } = input;
  const { rows, total, at } = await listRowsForPrint(c, query, LIST_PRINT_CAP, site);
  const tz = c.settings.rules().timeZone;
  const tag = localeTag(lang);
  const dtFmt = new Intl.DateTimeFormat(tag, {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const fmt = (ms: number) => dtFmt.format(new Date(ms));
  const num = (n: number) => new Intl.NumberFormat(tag).format(n).replace(/\u202f/g, '\u00a0');
  const own = c.settings.campaignLabels();
  const campaign = (id: string) =>
    own[id] ?? ((DEFAULT_CAMPAIGNS as readonly string[]).includes(id) ? domainLabel(t, 'campaign', id) : id);
  const dealer = c.settings.get('dealer').name.trim();
  const viewLabel = String(t(`domain:view.${input.view}`));
  const sortLabel =
    !input.sort || input.sort === 'default'
      ? String(t('app:list.defaultOrder'))
      : String(t(`domain:field.${SORT_FIELD[input.sort]}`));
  const dir = input.dir === 'desc' ? ` (${t('listPrint:descending')})` : '';
  // SLA column: the running clock, as on screen (badge text of SlaBadge).
  const slaText = (r: ListRow) => {
    if (r.status !== 'assigned' && r.status !== 'appointment') return '';
    const kind = r.firstContactAt === null ? 'sla1' : r.qualifiedAt === null ? 'sla2' : null;
    if (!kind) return '';
    const left = (kind === 'sla1' ? r.sla1DueAt : r.sla2DueAt) - at;
    const abs = Math.abs(left);
    const h = Math.floor(abs / 3_600_000);
    const d = Math.floor(h / 24);
    const time =
      d >= 2
        ? t('app:sla.days', { count: d })
        : h >= 1
          ? t('app:sla.hours', { count: h })
          : t('app:sla.minutes', { count: Math.max(1, Math.floor(abs / 60_000)) });
    return `${t(`app:sla.${kind}Short`)} · ${left >= 0 ? t('app:sla.left', { time }) : t('app:sla.overdue', { time })}`;
  };
  let who: string | null = null;
  if (input.assigneeId) {
    who = (await c.data.repos.leads.userName(input.assigneeId)) ?? String(input.assigneeId);
  }
  const filters = [
    input.search ? String(t('listPrint:search', { search: input.search })) : null,
    who && input.unassigned
      ? String(t('listPrint:assigneeAndQueue', { name: who }))
      : who
        ? String(t('listPrint:assignee', { name: who }))
        : input.unassigned
          ? String(t('listPrint:unassigned'))
          : null,
  ].filter(Boolean) as string[];

  const cols: { label: string; width: number; align?: 'right'; cell(r: ListRow): string }[] = [
    { label: String(t('domain:field.name')), width: 112, cell: (r) => r.name },
    { label: String(t('domain:field.number')), width: 78, cell: (r) => r.number },
    { label: String(t('domain:field.createdAt')), width: 72, cell: (r) => fmt(r.createdAt) },
    {
      label: String(t('domain:field.status')),
      width: 80,
      cell: (r) => `${domainLabel(t, 'status', r.status)}${r.frozen ? ` (${t('listPrint:frozen')})` : ''}`,
    },
    { label: String(t('domain:field.source')), width: 56, cell: (r) => domainLabel(t, 'source', r.source) },
    { label: String(t('domain:field.campaign')), width: 86, cell: (r) => campaign(r.campaign) },
    {
      label: String(t('domain:field.contactAttempts')),
      width: 58,
      align: 'right',
      cell: (r) => num(r.contactAttempts),
    },
    {
      label: String(t('domain:field.daysFromCreation')),
      width: 52,
      align: 'right',
      cell: (r) => num(Math.max(0, Math.floor((at - r.createdAt) / 86_400_000))),
    },
    { label: String(t('domain:field.assigneeId')), width: 78, cell: (r) => r.assigneeName ?? '—' },
    { label: String(t('domain:field.sla')), width: 0, cell: slaText },
  ];
  // Every site's leads in one list (several sites, "All sites"): each row's site code after the name (§11.8).
  if (site === null && (await c.sites.multi())) {
    const code = new Map((await c.sites.list()).map((x) => [x.id, x.code]));
    cols.splice(1, 0, {
      label: String(t('sites:field.site')),
      width: 40,
      cell: (r) => (r.siteId === undefined ? '' : (code.get(r.siteId) ?? String(r.siteId))),
    });
  }
  cols[cols.length - 1]!.width = W - cols.slice(0, -1).reduce((a, col) => a + col.width, 0);

  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: M,
    bufferPages: true,
    info: { Title: `${dealer ? `${dealer} – ` : ''}${viewLabel}`, Author: 'ASLM Desk', CreationDate: new Date(at) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((res) => doc.on('end', () => res(Buffer.concat(chunks))));

  // Header: dealer, the list's name, its item count, order, filters and when it was printed.
  if (dealer) doc.font('Helvetica-Bold').fontSize(10).fillColor('#1c3d5a').text(dealer, M, M, { width: W });
  doc.font('Helvetica-Bold').fontSize(15).fillColor('black').text(viewLabel, { width: W });
  doc
    .font('Helvetica')
    .fontSize(8.5)
    .fillColor('#495057')
    .text(
      [
        String(t('app:list.items', { count: total, formatted: num(total) })),
        `${t('app:list.sortedBy', { column: sortLabel })}${dir}`,
        ...filters,
        String(t('listPrint:printed', { at: fmt(at) })),
      ].join(' • '),
      { width: W },
    );
  if (total > rows.length) {
    doc
      .moveDown(0.3)
      .font('Helvetica-Bold')
      .fillColor('#c92a2a')
      .text(String(t('listPrint:capped', { shown: num(rows.length), total: num(total) })), { width: W });
  }
  doc.fillColor('black').moveDown(0.6);

  const drawHeader = () => {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(7.5);
    const hh = Math.max(16, ...cols.map((col) => doc.heightOfString(col.label, { width: col.width - 6 }) + 7));
    doc.rect(M, y, W, hh).fill('#f1f3f5').fillColor('black');
    let x = M;
    for (const col of cols) {
      doc.text(col.label, x + 3, y + 4, { width: col.width - 6, align: col.align ?? 'left' });
      x += col.width;
    }
    doc.font('Helvetica').fontSize(8);
    doc.y = y + hh;
  };
  drawHeader();
  if (rows.length === 0) doc.moveDown(0.5).text(String(t('app:list.noMatch')), M, doc.y, { width: W });
  for (const r of rows) {
    const cells = cols.map((col) => col.cell(r));
    doc.font('Helvetica');
    const h = Math.max(14, ...cells.map((s, i) => doc.heightOfString(s || ' ', { width: cols[i]!.width - 6 }) + 5));
    if (doc.y + h > BOTTOM) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    let x = M;
    cells.forEach((s, i) => {
      const bold = i === 0 && r.leadType === 'customer_driven'; // customer-driven leads first, in bold as on screen
      doc
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .text(s, x + 3, y + 3, { width: cols[i]!.width - 6, align: cols[i]!.align ?? 'left' });
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

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor('#868e96')
      .text(
        `${dealer ? `${dealer} · ` : ''}${viewLabel} · ${fmt(at)} · ${t('kpi:report.page', { page: i + 1, pages: range.count })}`,
        M,
        H_PAGE - 24,
        { width: W, align: 'center', lineBreak: false },
      );
  }
  doc.end();
  const data = await done;
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(at));
  const slug = viewLabel
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    fileName: `${String(t('listPrint:fileBase'))}-${slug}-${day}.pdf`,
    mime: 'application/pdf',
    data,
    rows: rows.length,
    total,
  };
}

/** The column whose label names a sort key. */
const SORT_FIELD: Record<Exclude<NonNullable<ListQuery['sort']>, 'default'>, string> = {
  name: 'name',
  createdAt: 'createdAt',
  status: 'status',
  source: 'source',
  campaign: 'campaign',
  contactAttempts: 'contactAttempts',
  daysFromCreation: 'daysFromCreation',
  assignee: 'assigneeId',
  sla: 'sla',
};
