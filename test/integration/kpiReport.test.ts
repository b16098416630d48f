// The weekly/monthly report files: the PDF's text holds the period's figures, the XLSX reads back with
// its rows, formula-looking text stays text, the CSV is the contact tracking table, the CLI writes them.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutralize } from '../../electron/core/kpi/reportXlsx';
import { runDailyDigest, renderDigest, scheduleDailyDigest } from '../../electron/core/kpi/digest';
import { baseLead, ok, openTestApp, type TestApp, versionOf, sqlGet, sqlRun } from './helpers';

const NOW = Date.parse('2026-11-20T10:00:00Z');
let app: TestApp;
let evil: { number: string };
let late: { number: string };
beforeAll(async () => {
  app = openTestApp(NOW);
  await ok(app.core, 'demo.load', { leads: 1200, seed: 11 });
  await app.core.settings.set('dealer', {
    name: 'Maserati Roma Est',
    email: 'desk@example.it',
    phone: '',
    address: '',
  });
  // A lead of week 47 with formula-looking customer text.
  app.clock.set(Date.parse('2026-11-18T09:00:00Z'));
  const d = await ok(app.core, 'leads.create', baseLead({ firstName: '=cmd', lastName: '@SUM(A1)' }));
  evil = d.lead;
  late = (await ok(app.core, 'leads.create', baseLead({ firstName: 'Paolo', lastName: 'Ritardo' }))).lead; // never contacted
  app.clock.set(Date.parse('2026-11-18T09:30:00Z'));
  await ok(app.core, 'leads.recordContact', {
    id: d.lead.id,
    version: await versionOf(app.core, d.lead.id),
    input: {
      direction: 'inbound',
      channel: 'phone',
      outcome: 'reached',
      verbatim: '=HYPERLINK("http://evil.example","click")',
      answer: '+39 call back; "quoted"',
    },
  });
  app.clock.set(NOW);
}, 180_000); // a demo database: on PostgreSQL a round trip per statement, over a minute on a busy machine
afterAll(() => app?.close());

const report = async (period: string, format: string, language: string) => {
  const r = await ok(app.core, 'kpi.report', { period, format, language });
  return { ...r, buf: Buffer.from(r.base64, 'base64') };
};
const pdfText = (buf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: buf }).toString('utf8');
const n = (x: number, lang = 'en-GB') => new Intl.NumberFormat(lang).format(x);

describe('the PDF report', () => {
  it("has the dealer, the period and the period's figures, in the chosen language", async () => {
    const k = await ok(app.core, 'kpi.dashboard', { period: '2026-W47' });
    const r = await report('2026-W47', 'pdf', 'it');
    expect(r.fileName).toBe('aslm-report-2026-W47.pdf');
    expect(r.mime).toBe('application/pdf');
    expect(r.buf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(r.buf);
    expect(text).toContain('Maserati Roma Est');
    expect(text).toContain('report settimanale');
    expect(text).toContain('Settimana 47, 16/11/2026 – 22/11/2026');
    const sla1Line = text.split('\n').find((l) => l.includes('SLA 1 – primo contatto entro 24 ore'))!;
    const rate = k.totals.sla1.met / (k.totals.sla1.met + k.totals.sla1.missed);
    expect(sla1Line.replace(/\s+/g, ' ')).toContain(
      `${n(k.totals.sla1.met, 'it-IT')} ${n(k.totals.sla1.missed, 'it-IT')} ${n(k.totals.sla1.pending, 'it-IT')} ${(rate * 100).toFixed(1).replace('.', ',')} % 70,0 %`,
    );
    expect(text).toMatch(new RegExp(`Lead assegnati\\s+${n(k.totals.assigned, 'it-IT')}`));
    expect(text).toContain('Andamento su 12 settimane');
    expect(text).toContain('Lead scaduti o non gestiti');
    const lateLine = text.split('\n').find((l) => l.includes(late.number))!;
    expect(lateLine).toContain('Paolo Ritardo');
    expect(lateLine).toContain('SLA 1 mancato');
    expect(text).not.toContain(evil.number); // contacted within 30 minutes: not overdue
  });

  it('a month in English; every page is A4', async () => {
    const k = await ok(app.core, 'kpi.dashboard', { period: '2026-10' });
    const r = await report('2026-10', 'pdf', 'en');
    const text = pdfText(r.buf);
    expect(text).toContain('Aftersales leads – monthly report');
    expect(text).toContain('October 2026');
    expect(text).toMatch(new RegExp(`Leads assigned\\s+${n(k.totals.assigned)}`));
    // SLA 3 row: met and missed of the 60-day window.
    expect(text.replace(/\s+/g, ' ')).toContain(`SLA 3 – fully managed leads ${n(k.sla3.met)} ${n(k.sla3.missed)} 0`);
    const info = execFileSync('pdfinfo', ['-'], { input: r.buf }).toString();
    expect(info).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);
  });
});

describe('the XLSX workbook and the CSV', () => {
  it('reads back with its rows; formula-looking text stays text', async () => {
    const k = await ok(app.core, 'kpi.dashboard', { period: '2026-W47' });
    const r = await report('2026-W47', 'xlsx', 'en');
    expect(r.fileName).toBe('aslm-report-2026-W47.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Trend',
      'Breakdowns',
      'Contacts by type',
      'Close reasons',
      'Overdue or unmanaged',
      'Contact tracking',
    ]);
    const sum = wb.getWorksheet('Summary')!;
    expect(sum.getRow(2).values).toEqual([
      undefined,
      'SLA 1 – first contact within 24 hours',
      k.totals.sla1.met,
      k.totals.sla1.missed,
      k.totals.sla1.pending,
      Math.round((k.totals.sla1.met / (k.totals.sla1.met + k.totals.sla1.missed)) * 1000) / 10,
      70,
      expect.any(String),
    ]);
    expect(wb.getWorksheet('Trend')!.rowCount).toBe(13);
    expect(wb.getWorksheet('Breakdowns')!.rowCount).toBe(
      1 + k.byAssignee.length + k.byCampaign.length + k.bySource.length + k.byLeadType.length,
    );
    // The tracking table: one row per contact recorded in the week (up to the report date).
    const p = k.period;
    const contacts = (
      (await sqlGet(app.core, 'SELECT count(*) AS n FROM contacts WHERE at >= ? AND at < ?', p.from, p.at)) as {
        n: number;
      }
    ).n;
    const tr = wb.getWorksheet('Contact tracking')!;
    expect(tr.rowCount).toBe(1 + contacts);
    expect(tr.getRow(1).values).toEqual([
      undefined,
      'Date and time',
      'Lead',
      'Customer',
      'Staff member',
      'Direction',
      'Channel',
      'Outcome',
      'Customer verbatim',
      'Answer / solution',
    ]);
    let found = false;
    tr.eachRow((row) => {
      if (row.getCell(2).value !== evil.number) return;
      found = true;
      for (const c of [3, 8, 9]) {
        expect(row.getCell(c).type).toBe(ExcelJS.ValueType.String);
        expect(row.getCell(c).formula).toBeUndefined();
      }
      expect(row.getCell(8).value).toBe('\'=HYPERLINK("http://evil.example","click")');
      expect(row.getCell(9).value).toBe('\'+39 call back; "quoted"');
      expect(row.getCell(3).value).toBe("'=cmd @SUM(A1)");
    });
    expect(found).toBe(true);
  });

  it("dates are real date cells (the dealer's wall time, a date format in the report's language); the CSV writes them as text", async () => {
    for (const [lang, fmt] of [
      ['en', 'dd/mm/yyyy hh:mm'],
      ['de', 'dd.mm.yyyy hh:mm'],
    ] as const) {
      const r = await report('2026-W47', 'xlsx', lang);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.buf as unknown as ArrayBuffer);
      const rowOf = (ws: ExcelJS.Worksheet, col: number, number: string) => {
        let found: ExcelJS.Row | null = null;
        ws.eachRow((row) => {
          if (row.getCell(col).value === number) found = row;
        });
        return found as ExcelJS.Row | null;
      };
      // The contact recorded at 09:30 UTC = 10:30 in Rome.
      const contact = rowOf(wb.worksheets[6]!, 2, evil.number)!.getCell(1);
      expect(contact.type).toBe(ExcelJS.ValueType.Date);
      expect(contact.value).toEqual(new Date('2026-11-18T10:30:00Z'));
      expect(contact.numFmt).toBe(fmt);
      // The lead assigned at 09:00 UTC, never contacted: in the overdue/unmanaged sheet, assigned 10:00 in Rome.
      const assigned = rowOf(wb.worksheets[5]!, 1, late.number)!.getCell(4);
      expect(assigned.type).toBe(ExcelJS.ValueType.Date);
      expect(assigned.value).toEqual(new Date('2026-11-18T10:00:00Z'));
      expect(assigned.numFmt).toBe(fmt);
    }
    const csv = (await report('2026-W47', 'csv', 'en')).buf.toString('utf8');
    expect(csv.split('\r\n').find((l: string) => l.includes(evil.number))).toMatch(/^"18\/11\/2026, 10:30";/); // quoted: the comma would split it for a `,` reader
  });

  it('the contact tracking CSV neutralizes and quotes', async () => {
    const r = await report('2026-W47', 'csv', 'fr');
    expect(r.fileName).toMatch(/^aslm-rapport-2026-W47-suivi-des-contacts\.csv$/);
    const text = r.buf.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Date et heure;Lead;Client;Collaborateur;Sens;Canal;Résultat;Verbatim du client;Réponse / solution',
    );
    const evilLine = lines.find((l: string) => l.includes(evil.number))!;
    expect(evilLine).toContain(";'=cmd @SUM(A1);");
    expect(evilLine).toContain('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(evilLine.endsWith('"\'+39 call back; ""quoted"""')).toBe(true);
    expect(['=1+1', '+1', '-2', '@x', '\tx', 'ok', '3-4'].map(neutralize)).toEqual([
      "'=1+1",
      "'+1",
      "'-2",
      "'@x",
      "'\tx",
      'ok',
      '3-4',
    ]);
  });
});

describe('the daily digest', () => {
  it('counts not processed / at risk / overdue / appointments today, once a day after the set hour, for every manager', async () => {
    const d = await ok(app.core, 'kpi.digest', {});
    const k = await ok(app.core, 'kpi.dashboard', { period: 'this-week' });
    expect(d.notProcessed.count).toBe(k.today.unmanaged);
    expect(d.atRisk.count).toBe(k.today.atRisk);
    expect(d.overdue.count).toBe(k.today.overdue);
    expect(d.appointmentsToday.count).toBe(k.today.appointmentsToday);
    expect(d.notProcessed.leads.length).toBe(Math.min(50, d.notProcessed.count));
    await ok(app.core, 'kpi.setDigestSettings', { enabled: true, hour: 12 });
    // 10:00 UTC = 11:00 in Rome: before 12:00, not due.
    expect(await runDailyDigest(app.core, NOW)).toBeNull();
    const sent: string[] = [];
    await sqlRun(
      app.core,
      "UPDATE users SET email = 'boss@example.it' WHERE id = (SELECT user_id FROM user_roles WHERE role = 'manager' ORDER BY user_id LIMIT 1)",
    );
    const noon = Date.parse('2026-11-20T11:00:00Z');
    // A failure while queuing the e-mails (power cut, full disk…) leaves nothing of the day's digest: it runs again.
    await expect(
      runDailyDigest(app.core, noon, () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await sqlGet(app.core, "SELECT count(*) AS n FROM notifications WHERE kind = 'kpi.digest'")).toEqual({
      n: 0,
    });
    const first = await runDailyDigest(app.core, noon, (to, mail, key) =>
      sent.push(`${to.email}|${key}|${mail.subject}`),
    );
    expect(first?.at).toBe(noon);
    expect(await runDailyDigest(app.core, noon + 3_600_000, () => sent.push('again'))).toBeNull();
    expect(sent).not.toContain('again');
    const managers = (await sqlGet(
      app.core,
      "SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'manager' AND u.active = true AND u.email IS NOT NULL",
    )) as { n: number };
    expect(sent).toHaveLength(managers.n);
    expect(sent.find((x) => x.startsWith('boss@'))).toMatch(
      /^boss@example\.it\|kpi\.digest\.mail:2026-11-20:\d+\|Lead digest – Friday(,)? 20 November 2026$/,
    );
    const notes = (await sqlGet(app.core, "SELECT count(*) AS n FROM notifications WHERE kind = 'kpi.digest'")) as {
      n: number;
    };
    expect(notes.n).toBeGreaterThanOrEqual(managers.n);
    // The scheduler runs it on the next day once the hour has come, and only once.
    app.clock.set(Date.parse('2026-11-21T11:30:00Z'));
    const stop = scheduleDailyDigest(app.core, { mail: (to, _m, key) => sent.push(key), everyMs: 20 });
    await new Promise((r) => setTimeout(r, 120));
    stop();
    expect(sent.filter((k) => k.includes('2026-11-21'))).toHaveLength(managers.n);
    app.clock.set(NOW);
    const text = (await renderDigest(first!, 'de', 'Europe/Rome')).text;
    expect(text).toContain(`Noch nicht bearbeitete Leads: ${first!.notProcessed.count}`);
  });
});

describe('aslm report (CLI)', () => {
  it('writes the weekly PDF and the monthly XLSX', () => {
    const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
    const out = join(app.dir, 'w47.pdf');
    app.core.store?.sqlite.pragma('wal_checkpoint(TRUNCATE)'); // SQLite: the CLI's own connection sees every write
    const r = spawnSync(
      TSX,
      [
        'electron/cli/main.ts',
        'report',
        '--period',
        '2026-W47',
        '--lang',
        'it',
        '--out',
        out,
        '--db',
        app.dbPath,
        '--at',
        '2026-11-20T10:00:00Z',
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(pdfText(readFileSync(out))).toContain('Settimana 47');
    const x = spawnSync(
      TSX,
      [
        'electron/cli/main.ts',
        'report',
        '--period',
        '2026-11',
        '--format',
        'xlsx',
        '--out',
        join(app.dir, 'm.xlsx'),
        '--db',
        app.dbPath,
      ],
      { encoding: 'utf8' },
    );
    expect(x.status).toBe(0);
    expect(readFileSync(join(app.dir, 'm.xlsx')).subarray(0, 2).toString()).toBe('PK');
    const bad = spawnSync(TSX, ['electron/cli/main.ts', 'report', '--period', '2026-W60', '--out', 'x.pdf'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--period: not a period');
  });
});
