// The assignment rules as an A4 PDF to hand to the staff (docs/rules.md §7: the rule is communicated to all
// stakeholders): the rules in their order, what each one matches and the person or pool it routes to, and
// who is in each pool. Drawn with pdfkit like the KPI report (electron/core/kpi/reportPdf.ts); Helvetica
// covers the Latin-1 text of EN/FR/DE/IT.
import PDFDocument from 'pdfkit';
import type { Language } from '../../../shared/domain/vocabulary';
import type { CoreServices } from '../services';
import { formatWhen, syncT } from '../mail/mailT';

const M = 40;
const W = 595.28 - 2 * M;
const BOTTOM = 841.89 - 50;
const GRID = '#dee2e6';

export interface RulesPdf {
  fileName: string;
  mime: string;
  data: Buffer;
}

export async function assignmentRulesPdf(
  c: Pick<CoreServices, 'assignment' | 'people' | 'settings' | 'clock' | 'sites'>,
  lang: Language,
  /** The site in view (docs/rules.md §11.8): its rules, named in the title; null = every rule (several sites: each with its site). */
  scope: number | null = null,
): Promise<RulesPdf> {
  const now = c.clock.now();
  const t = syncT('people', lang);
  const settings = c.settings.all();
  const labels = c.settings.campaignLabels();
  const users = await c.people.list();
  const sites = (await c.sites.multi()) ? await c.sites.list() : [];
  const site = scope === null ? undefined : sites.find((s) => s.id === scope);
  const siteName = (id: number | undefined) => sites.find((s) => s.id === id)?.name ?? '';
  // "All sites": each site's rules together, in the site's own order (the order that routes its leads).
  const bySite = (id: number | undefined) => sites.findIndex((s) => s.id === id);
  const rules = (await c.assignment.rules(scope)).sort((a, b) => bySite(a.siteId) - bySite(b.siteId));
  const siteColumn = sites.length > 0 && !site;
  const title = site ? t('rules.titleSite', { site: site.name }) : t('rules.title');
  const dealerName = site ? (await c.sites.dealerOf(site.id)).name : settings.dealer.name;
  const name = (id: number | null) => users.find((u) => u.id === id)?.name ?? `#${id}`;
  const role = (r: string) => t(`role.${r}`);
  const any = t('rules.any');
  const dom = (kind: string, id: string | null) =>
    id === null ? any : t(`domain:${kind}.${id}`) === `${kind}.${id}` ? id : t(`domain:${kind}.${id}`);
  const campaign = (id: string | null) => (id === null ? any : (labels[id] ?? dom('campaign', id)));
  const target = (r: (typeof rules)[number]) =>
    r.targetUserId !== null ? name(r.targetUserId) : t('rules.pool', { role: role(r.targetRole ?? '') });

  const doc = new PDFDocument({
    size: 'A4',
    margin: M,
    bufferPages: true,
    info: { Title: `${dealerName} – ${title}`, Author: 'ASLM Desk', CreationDate: new Date(now) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((res) => doc.on('end', () => res(Buffer.concat(chunks))));

  doc.font('Helvetica-Bold').fontSize(16).fillColor('#1c3d5a').text(title, M, M, { width: W });
  const when = formatWhen(now, lang, settings.rules.timeZone);
  doc
    .moveDown(0.2)
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#495057')
    .text(`${dealerName ? `${dealerName} · ` : ''}${t('rules.printed', { date: when.date, time: when.time })}`, {
      width: W,
    });
  doc.moveDown(0.6).fillColor('black').fontSize(9.5).text(t('rules.help'), { width: W });
  doc.moveDown(0.8);

  // "All sites" with several: a Site column, taken from the campaign's and the target's widths.
  const siteW = siteColumn ? 70 : 0;
  const cols = [
    { label: '#', width: 22 },
    ...(siteColumn ? [{ label: t('sites:field.site'), width: siteW }] : []),
    { label: t('domain:field.campaign'), width: 95 - siteW / 2 },
    { label: t('domain:field.source'), width: 70 },
    { label: t('domain:field.leadType'), width: 75 },
    { label: t('rules.requestFor'), width: 85 },
    { label: t('rules.target'), width: 120 - siteW / 2 },
    { label: t('rules.active'), width: W - 22 - 95 - 70 - 75 - 85 - 120 },
  ];
  const row = (cells: string[], header = false) => {
    doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(header ? 8 : 9);
    const h = Math.max(16, ...cells.map((s, i) => doc.heightOfString(s || ' ', { width: cols[i]!.width - 6 }) + 8));
    if (doc.y + h > BOTTOM) doc.addPage();
    const y = doc.y;
    if (header) doc.rect(M, y, W, h).fill('#f1f3f5').fillColor('black');
    let x = M;
    cells.forEach((s, i) => {
      doc.text(s, x + 3, y + 4, { width: cols[i]!.width - 6 });
      x += cols[i]!.width;
    });
    doc
      .moveTo(M, y + h)
      .lineTo(M + W, y + h)
      .strokeColor(GRID)
      .lineWidth(0.5)
      .stroke();
    doc.x = M;
    doc.y = y + h;
  };

  if (rules.length === 0) doc.font('Helvetica').fontSize(10).text(t('rules.none'), { width: W });
  else {
    row(
      cols.map((col) => col.label),
      true,
    );
    // Numbered in each site's order (a lead is routed only by its site's rules).
    rules.forEach((r, i) => {
      const n = rules.slice(0, i + 1).filter((x) => x.siteId === r.siteId).length;
      row([
        `${n}.`,
        ...(siteColumn ? [siteName(r.siteId)] : []),
        campaign(r.campaign),
        dom('source', r.source),
        dom('leadType', r.leadType),
        r.requestFor ?? any,
        target(r),
        t(r.active ? 'domain:yesNo.yes' : 'domain:yesNo.no'),
      ]);
    });
    doc.moveDown(0.6).font('Helvetica').fontSize(9).text(t('rules.printNoMatch'), M, doc.y, { width: W });
  }

  // Who is in each pool a rule routes to (active people; absences are skipped when the lead arrives). Several sites:
  // a site's pool is its people and the group-wide ones, named with the site when every site's rules are printed.
  const pools = [
    ...new Map(
      rules
        .filter((r) => r.active && r.targetRole !== null)
        .map((r) => [`${r.siteId ?? ''}:${r.targetRole}`, { role: r.targetRole!, siteId: r.siteId }]),
    ).values(),
  ];
  if (pools.length > 0) {
    if (doc.y + 60 > BOTTOM) doc.addPage();
    doc
      .moveDown(1)
      .font('Helvetica-Bold')
      .fontSize(12)
      .fillColor('#1c3d5a')
      .text(t('rules.printPools'), M, doc.y, { width: W });
    doc.moveDown(0.3).fillColor('black');
    for (const p of pools) {
      const members = users
        .filter((u) => u.active && u.roles.includes(p.role) && (u.siteId == null || u.siteId === p.siteId))
        .map((u) => u.name);
      const label = t('rules.pool', { role: role(p.role) });
      if (doc.y + 30 > BOTTOM) doc.addPage();
      doc
        .font('Helvetica-Bold')
        .fontSize(9.5)
        .text(`${siteColumn ? `${label} (${siteName(p.siteId)})` : label}: `, M, doc.y, { continued: true, width: W })
        .font('Helvetica')
        .text(members.length ? members.join(', ') : t('rules.printEmptyPool'));
      doc.moveDown(0.2);
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor('#868e96')
      .text(`ASLM Desk · ${title} · ${i + 1}/${range.count}`, M, 841.89 - 35, {
        width: W,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done.then((data) => ({ fileName: 'aslm-assignment-rules.pdf', mime: 'application/pdf', data }));
}
