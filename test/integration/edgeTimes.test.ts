// Times and dates at the edges (issue #17): every time of the contract is bounded to years 2000–2100 and a
// value outside, or a calendar date that does not exist, is refused with a translated field error, never INTERNAL
// and never stored rolled over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseLead, err, ok, openTestApp, type TestApp } from './helpers';

let app: TestApp;
beforeAll(() => {
  app = openTestApp();
});
afterAll(() => app.close());

const EDGES = [8.64e15, 1e308, -1e308, -8.64e15, Date.UTC(1999, 11, 31, 23, 59, 59, 999), Date.UTC(2101, 0, 1)];

describe('edge times through the contract', () => {
  it('leads.makeAppointment at the old maximum (8.64e15) and other edges: DATE_OUT_OF_RANGE on appointmentAt', async () => {
    const { lead } = await ok(app.core, 'leads.create', baseLead());
    for (const t of EDGES) {
      const e = await err(app.core, 'leads.makeAppointment', {
        id: lead.id,
        version: lead.version,
        input: { appointmentAt: t },
      });
      expect([t, e.code, e.field]).toEqual([t, 'DATE_OUT_OF_RANGE', 'input.appointmentAt']);
    }
    const e = await err(app.core, 'leads.contactAgain', {
      id: lead.id,
      version: lead.version,
      input: { recontactAt: 8.64e15 },
    });
    expect([e.code, e.field]).toEqual(['DATE_OUT_OF_RANGE', 'input.recontactAt']);
    const c = await err(app.core, 'leads.create', baseLead({ preferredAt1: 1e308 }));
    expect([c.code, c.field]).toEqual(['DATE_OUT_OF_RANGE', 'preferredAt1']);
    expect((await ok(app.core, 'leads.get', { id: lead.id })).lead.version).toBe(lead.version);
  });

  it.each(['at', 'from', 'to'])('kpi.sla with %s at the edges: DATE_OUT_OF_RANGE on that field', async (k) => {
    for (const t of EDGES) {
      const e = await err(app.core, 'kpi.sla', { [k]: t });
      expect([t, e.code, e.field]).toEqual([t, 'DATE_OUT_OF_RANGE', k]);
    }
    expect((await ok(app.core, 'kpi.sla', { [k]: Date.UTC(2026, 2, 1) })).sla1).toBeTruthy();
  });

  it('kpi.leads with from/to/at at the edges: DATE_OUT_OF_RANGE on the filter field', async () => {
    const e = await err(app.core, 'kpi.leads', {
      filter: { metric: 'assigned', from: Date.UTC(2026, 0, 1), to: 8.64e15, at: Date.UTC(2026, 2, 1) },
    });
    expect([e.code, e.field]).toEqual(['DATE_OUT_OF_RANGE', 'filter.to']);
  });

  it.each([
    ['9999-W52', 'DATE_OUT_OF_RANGE'],
    ['0050-05', 'DATE_OUT_OF_RANGE'],
    ['0099-W01', 'DATE_OUT_OF_RANGE'],
    ['1999-12', 'DATE_OUT_OF_RANGE'],
    ['2101-01', 'DATE_OUT_OF_RANGE'],
    ['1999-12-01..2000-01-05', 'DATE_OUT_OF_RANGE'],
    ['2026-W99', 'DATE_INVALID'],
    ['2026-13', 'DATE_INVALID'],
    ['2026-02-31..2026-03-02', 'DATE_INVALID'],
    ['2026-03-10..2026-03-01', 'DATE_INVALID'],
    ['soon', 'INVALID_INPUT'],
  ])('kpi.report, kpi.dashboard and kpi.trend refuse the period %s with %s', async (period, code) => {
    for (const channel of ['kpi.report', 'kpi.dashboard', 'kpi.trend']) {
      const e = await err(app.core, channel, { period });
      expect([channel, e.code, e.field]).toEqual([channel, code, 'period']);
    }
  });

  it('the years 2000 and 2100 are in range', async () => {
    expect((await ok(app.core, 'kpi.dashboard', { period: '2000-01' })).period.firstDay).toBe('2000-01-01');
    expect((await ok(app.core, 'kpi.dashboard', { period: '2100-W10' })).period.spec).toBe('2100-W10');
    expect((await ok(app.core, 'kpi.sla', { from: Date.UTC(2000, 0, 1), to: Date.UTC(2100, 11, 31) })).from).toBe(
      Date.UTC(2000, 0, 1),
    );
  });

  it.each([
    [{ from: '2026-02-31', to: '2026-03-02' }, 'DATE_INVALID', 'absences.0.from'],
    [{ from: '0000-00-00', to: '2026-03-02' }, 'DATE_INVALID', 'absences.0.from'],
    [{ from: '2026-03-01', to: '2026-02-29' }, 'DATE_INVALID', 'absences.0.to'],
    [{ from: '2026-03-10', to: '2026-03-01' }, 'DATE_INVALID', 'absences.0.to'],
    [{ from: '1999-12-31', to: '2026-03-01' }, 'DATE_OUT_OF_RANGE', 'absences.0.from'],
  ])('absences %j are refused (%s on %s) and nothing is stored', async (absence, code, field) => {
    const users = await ok(app.core, 'people.list', {});
    const me = users.users[0];
    const e = await err(app.core, 'people.save', {
      id: me.id,
      name: me.name,
      email: me.email,
      language: me.language,
      active: true,
      roles: me.roles,
      absences: [absence],
    });
    expect([e.code, e.field]).toEqual([code, field]);
    const after = await ok(app.core, 'people.list', {});
    expect(after.users[0].absences).toEqual(me.absences);
  });

  it('the people service refuses the same absences when called directly (not through the contract)', async () => {
    const me = (await app.core.people.list())[0]!;
    for (const [absence, code] of [
      [{ from: '2026-02-31', to: '2026-03-02' }, 'DATE_INVALID'],
      [{ from: '2026-03-10', to: '2026-03-01' }, 'DATE_INVALID'],
      [{ from: '0001-01-01', to: '0001-01-02' }, 'DATE_OUT_OF_RANGE'],
    ] as const) {
      await expect(
        app.core.people.save({
          id: me.id,
          name: me.name,
          email: me.email,
          language: me.language,
          active: true,
          roles: me.roles,
          absences: [absence],
        }),
      ).rejects.toThrow(code);
    }
  });
});
