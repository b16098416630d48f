// Weekly/monthly reports say when their figures are evaluated, "as at the end of the period" (the default:
// the same report printed later gives the same figures) or "as of now" (a past week's SLA 2 misses show
// once known): dashboard, PDF, XLSX and the CLI's --as-of.
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReportArgs } from '../../electron/cli/report';
import { baseLead, err, ok, openTestApp, type TestApp } from './helpers';

const H = 3_600_000;
const MON = Date.parse('2026-11-16T09:00:00Z'); // Monday 10:00 in Rome, week 2026-W47
const NOW = Date.parse('2026-12-01T09:00:00Z'); // 15 days later: the week's 10-day SLA 2 windows have all closed
let app: TestApp;
let slow: { id: number; number: string };
beforeAll(async () => {
  app = openTestApp(MON);
  // Contacted at once, never qualified: at the end of the week its SLA 2 (due 26 Nov) is still pending.
  const d = await ok(app.core, 'leads.create', baseLead({ firstName: 'Lento', lastName: 'Gestito' }));
  slow = d.lead;
  app.clock.set(MON + H);
  await ok(app.core, 'leads.recordContact', {
    id: d.lead.id,
    version: d.lead.version,
    input: { direction: 'outbound', channel: 'phone', outcome: 'reached', verbatim: null, answer: null },
  });
  app.clock.set(NOW);
});
afterAll(() => app?.close());

const pdfText = async (asOf?: string, language = 'en') => {
  const r = await ok(app.core, 'kpi.report', {
    period: '2026-W47',
    format: 'pdf',
    language,
    ...(asOf ? { asOf } : {}),
  });
  return {
    fileName: r.fileName as string,
    text: execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(r.base64, 'base64') }).toString('utf8'),
  };
};
const sla2Line = (text: string) =>
  text
    .split('\n')
    .find((l) => l.includes('SLA 2 – qualification'))!
    .replace(/\s+/g, ' ');

describe('a past week evaluated as at its end, or as of now', () => {
  it('dashboard: SLA 2 pending at the end of the week, missed as of now', async () => {
    const end = await ok(app.core, 'kpi.dashboard', { period: '2026-W47' });
    expect(end.period).toMatchObject({ asOf: 'end', at: end.period.to });
    expect(end.totals.sla2).toEqual({ met: 0, missed: 0, pending: 1 });
    const now = await ok(app.core, 'kpi.dashboard', { period: '2026-W47', asOf: 'now' });
    expect(now.period).toMatchObject({ asOf: 'now', at: NOW });
    expect(now.totals.sla2).toEqual({ met: 0, missed: 1, pending: 0 });
    const trend = await ok(app.core, 'kpi.trend', { period: '2026-W47', asOf: 'now' });
    expect(trend.weeks.at(-1).sla2.missed).toBe(1);
    expect((await err(app.core, 'kpi.dashboard', { period: '2026-W47', asOf: 'later' })).code).toBe('INVALID_INPUT');
  });

  it('the PDF states the evaluation moment and shows the miss only as of now', async () => {
    const end = await pdfText();
    expect(end.fileName).toBe('aslm-report-2026-W47.pdf');
    expect(end.text.replace(/\s+/g, ' ')).toContain(
      'Figures evaluated as at the end of the period (23/11/2026, 00:00)',
    );
    expect(sla2Line(end.text)).toContain(' 0 0 1 — ');
    expect(end.text).not.toContain(slow.number); // contacted, SLA 2 still pending: not in the overdue list
    const now = await pdfText('now');
    expect(now.fileName).toBe('aslm-report-2026-W47-as-of-now.pdf');
    expect(now.text.replace(/\s+/g, ' ')).toContain(
      'Figures evaluated as of now (01/12/2026, 10:00), after the end of the period',
    );
    expect(sla2Line(now.text)).toContain(' 0 1 0 0.0 % ');
    expect(now.text.split('\n').find((l) => l.includes(slow.number))).toContain('SLA 2 missed');
    const it = await pdfText('now', 'it');
    expect(it.text.replace(/\s+/g, ' ')).toContain('Dati valutati ad oggi (01/12/2026, 10:00)');
  });

  it('the XLSX summary states it too', async () => {
    const r = await ok(app.core, 'kpi.report', { period: '2026-W47', format: 'xlsx', language: 'en', asOf: 'now' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.base64, 'base64') as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    wb.getWorksheet('Summary')!.eachRow((row) => cells.push(row.getCell(1).value));
    expect(cells).toContain(
      'Figures evaluated as of now (01/12/2026, 10:00), after the end of the period: what became known since (e.g. an SLA 2 missed) is counted.',
    );
  });

  it('the CLI takes --as-of end|now', () => {
    expect(parseReportArgs(['--period', '2026-W47', '--out', 'w.pdf', '--as-of', 'now']).asOf).toBe('now');
    expect(parseReportArgs(['--period', '2026-W47', '--out', 'w.pdf']).asOf).toBeUndefined();
    expect(() => parseReportArgs(['--period', '2026-W47', '--out', 'w.pdf', '--as-of', 'yesterday'])).toThrow(
      /--as-of must be end/,
    );
  });
});
