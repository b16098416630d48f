// "Was the appointment kept" (docs/rules.md §6): leads.recordAppointmentKept through the real core
// (one transaction, history row, version required), and the kept rate among the KPI indicators
// (dashboard, click-through, PDF and XLSX report).
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseLead, err, ok, openTestApp, type TestApp } from './helpers';

const H = 3_600_000;
const MON = Date.parse('2026-11-16T09:00:00Z'); // Monday 10:00 in Rome, week 2026-W47
let app: TestApp;
type Detail = {
  lead: {
    id: number;
    number: string;
    version: number;
    status: string;
    appointmentKept: boolean | null;
    appointmentKeptAt: number | null;
  };
  history: { field: string; oldValue: string | null; newValue: string | null; userName: string }[];
};

async function booked(at: number, apptAt: number): Promise<Detail> {
  app.clock.set(at);
  let d: Detail = await ok(app.core, 'leads.create', baseLead({ firstName: 'Kept', lastName: String(at) }));
  d = await ok(app.core, 'leads.recordContact', {
    id: d.lead.id,
    version: d.lead.version,
    input: { direction: 'outbound', channel: 'phone', outcome: 'reached', verbatim: null, answer: null },
  });
  return ok(app.core, 'leads.makeAppointment', {
    id: d.lead.id,
    version: d.lead.version,
    input: { appointmentAt: apptAt, sendEmail: false },
  });
}
const setKept = (d: Detail, kept: boolean) =>
  ok<Detail>(app.core, 'leads.recordAppointmentKept', { id: d.lead.id, version: d.lead.version, kept });

let arrived: Detail;
let noShow: Detail;
let later: Detail;
beforeAll(async () => {
  app = openTestApp(MON);
  await app.core.settings.set('dealer', {
    name: 'Maserati Roma Est',
    email: 'desk@example.it',
    phone: '',
    address: '',
  });
  arrived = await booked(MON, MON + 24 * H);
  noShow = await booked(MON + H, MON + 26 * H);
  later = await booked(MON + 2 * H, MON + 28 * H);
});
afterAll(() => app?.close());

describe('leads.recordAppointmentKept', () => {
  it('refuses before the appointment time, and without a version', async () => {
    app.clock.set(MON + 23 * H);
    expect(
      await err(app.core, 'leads.recordAppointmentKept', {
        id: arrived.lead.id,
        version: arrived.lead.version,
        kept: true,
      }),
    ).toMatchObject({ code: 'APPOINTMENT_NOT_YET' });
    expect(await err(app.core, 'leads.recordAppointmentKept', { id: arrived.lead.id, kept: true })).toMatchObject({
      code: 'INVALID_INPUT',
    });
    const fresh: Detail = await ok(app.core, 'leads.get', { id: arrived.lead.id });
    expect(fresh.lead.version).toBe(arrived.lead.version);
    expect(fresh.lead.appointmentKept).toBeNull();
  });

  it('records arrived / no-show with a history row, leaves the status, refuses a stale version', async () => {
    app.clock.set(MON + 30 * H);
    const a = await setKept(arrived, true);
    expect(a.lead).toMatchObject({
      status: 'appointment',
      appointmentKept: true,
      appointmentKeptAt: MON + 30 * H,
      version: arrived.lead.version + 1,
    });
    expect(a.history.find((h) => h.field === 'appointmentKept')).toMatchObject({ oldValue: null, newValue: 'true' });
    expect(
      await err(app.core, 'leads.recordAppointmentKept', {
        id: arrived.lead.id,
        version: arrived.lead.version,
        kept: false,
      }),
    ).toMatchObject({ code: 'VERSION_CONFLICT' });
    arrived = a;
    noShow = await setKept(noShow, false);
    expect(noShow.lead.appointmentKept).toBe(false);
  });

  it('on a lead closed in sale after the visit, and on an expired (frozen) appointment: still allowed', async () => {
    app.clock.set(MON + 31 * H);
    const closed: Detail = await ok(app.core, 'leads.closedInSale', {
      id: later.lead.id,
      version: later.lead.version,
      input: { vin: 'ZAM45VLA8J0123456', notes: null },
    });
    expect(closed.lead.status).toBe('closed_sale');
    // Recorded later than the week's report date "as at end of period" (the week ends Sunday 22 Nov at midnight).
    app.clock.set(Date.parse('2026-11-24T09:00:00Z'));
    later = await setKept(closed, true);
    expect(later.lead).toMatchObject({ status: 'closed_sale', appointmentKept: true });
    // A lead never booked: nothing to record.
    let plain: Detail = await ok(app.core, 'leads.create', baseLead({ firstName: 'Never', lastName: 'Booked' }));
    plain = await ok(app.core, 'leads.recordContact', {
      id: plain.lead.id,
      version: plain.lead.version,
      input: { direction: 'outbound', channel: 'phone', outcome: 'reached', verbatim: null, answer: null },
    });
    expect(
      await err(app.core, 'leads.recordAppointmentKept', {
        id: plain.lead.id,
        version: plain.lead.version,
        kept: true,
      }),
    ).toMatchObject({ code: 'NO_APPOINTMENT' });
  });
});

describe('the kept rate among the KPI indicators', () => {
  it("dashboard: kept and no-show of the period's leads as of the report date; the figures open their leads", async () => {
    app.clock.set(Date.parse('2026-11-25T09:00:00Z'));
    const k = await ok(app.core, 'kpi.dashboard', { period: '2026-W47' });
    // As at the end of the week: the third lead's "arrived" was recorded after it.
    expect([k.totals.kept, k.totals.noShow]).toEqual([1, 1]);
    expect(k.byAssignee.reduce((a: number, r: { kept: number }) => a + r.kept, 0)).toBe(1);
    const list = async (metric: string) =>
      (
        await ok(app.core, 'kpi.leads', { filter: { metric, from: k.period.from, to: k.period.to, at: k.period.at } })
      ).rows.map((r: { number: string }) => r.number);
    expect(await list('appointment_kept')).toEqual([arrived.lead.number]);
    expect(await list('appointment_no_show')).toEqual([noShow.lead.number]);
    // Evaluated now, the third lead's "arrived" counts too.
    const now = await ok(app.core, 'kpi.leads', {
      filter: {
        metric: 'appointment_kept',
        from: k.period.from,
        to: k.period.to,
        at: Date.parse('2026-11-25T09:00:00Z'),
      },
    });
    expect(now.total).toBe(2);
  });

  it('the PDF and the XLSX report show the rate', async () => {
    app.clock.set(Date.parse('2026-11-25T09:00:00Z'));
    const pdf = await ok(app.core, 'kpi.report', { period: '2026-W47', format: 'pdf', language: 'en' });
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], {
      input: Buffer.from(pdf.base64, 'base64'),
    }).toString('utf8');
    expect(text).toMatch(/Appointments kept \(arrived \/ arrived \+ no-show\)\s+50\.0 %\s+\(1 \/ 2\)/);
    expect(text).toMatch(/No-shows\s+1/);
    const it = await ok(app.core, 'kpi.report', { period: '2026-W47', format: 'pdf', language: 'it' });
    expect(
      execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(it.base64, 'base64') }).toString('utf8'),
    ).toMatch(/Appuntamenti rispettati .*\s+50,0 %/);
    const xlsx = await ok(app.core, 'kpi.report', { period: '2026-W47', format: 'xlsx', language: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.getWorksheet('Summary')!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(['Appointments kept (arrived / arrived + no-show) %', 50]);
    expect(rows).toContainEqual(['No-shows', 1]);
  });
});
