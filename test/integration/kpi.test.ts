// SLA & KPI figures against hand-computed fixtures (docs/rules.md §6), and click-through = figure.
import { afterEach, describe, expect, it } from 'vitest';
import { KPI_METRICS, type Dashboard, type KpiFilter } from '../../shared/contract/kpi';
import { figureFilter } from '../../shared/rules/kpi/figures';
import { sla1State, sla2State } from '../../shared/rules/sla';
import { baseLead, ok, openTestApp, sqlGet, type TestApp, versionOf } from './helpers';
import { rowToLeadForTest } from './support';

const H = 3_600_000;
const MIN = 60_000;
let app: TestApp;
afterEach(() => app?.close());

async function lead(at: number, over: Parameters<typeof baseLead>[0] = {}) {
  app.clock.set(at);
  return (await ok(app.core, 'leads.create', baseLead(over))).lead as { id: number; number: string };
}
async function act(id: number, at: number, channel: string, input: unknown) {
  app.clock.set(at);
  return ok(app.core, channel, { id, version: await versionOf(app.core, id), input });
}
const contact = (id: number, at: number, outcome = 'reached', channel = 'phone') =>
  act(id, at, 'leads.recordContact', { direction: 'outbound', channel, outcome, verbatim: null, answer: null });
const closeNoSale = (id: number, at: number, reason = 'customer_refuses') =>
  act(id, at, 'leads.closedNoSale', { reason, notes: null });
const dash = async (period: string, now: number): Promise<Dashboard> => {
  app.clock.set(now);
  return ok(app.core, 'kpi.dashboard', { period });
};
const ids = async (f: KpiFilter) => {
  const r = await ok(app.core, 'kpi.leads', { filter: f, pageSize: 500 });
  return { total: r.total as number, numbers: (r.rows as { number: string }[]).map((x) => x.number).sort() };
};

describe('SLA 1 and SLA 2 for a week', () => {
  it('exactly 24 hours is met, a minute later is missed, no contact yet is pending until the window closes', async () => {
    app = openTestApp(Date.parse('2026-11-16T08:00:00Z'));
    const mon = Date.parse('2026-11-16T09:00:00Z'); // Monday 10:00 in Rome, week 2026-W47
    const a = await lead(mon);
    const b = await lead(mon + MIN);
    const c = await lead(mon + 2 * MIN);
    await contact(a.id, mon + 24 * H); // exactly 24 h: met
    await contact(b.id, mon + MIN + 24 * H + MIN); // 24 h + 1 min: missed

    // Mid-week (Tuesday 10:00:30 Rome): a met, b pending (its 24 h end at 10:01), c pending, d not assigned yet.
    let k = await dash('2026-W47', mon + 24 * H + 30_000);
    expect(k.period.at).toBe(mon + 24 * H + 30_000);
    expect(k.totals.assigned).toBe(3);
    expect(k.totals.sla1).toEqual({ met: 1, missed: 0, pending: 2 });

    // b's late contact (at c's deadline): b missed; c, exactly at its deadline, still pending; 1 ms later missed.
    k = await dash('2026-W47', mon + 2 * MIN + 24 * H);
    expect(k.totals.sla1).toEqual({ met: 1, missed: 1, pending: 1 });
    k = await dash('2026-W47', mon + 2 * MIN + 24 * H + 1);
    expect(k.totals.sla1).toEqual({ met: 1, missed: 2, pending: 0 });

    const d = await lead(Date.parse('2026-11-22T20:00:00Z')); // Sunday 21:00: its 24 h end after the week
    // The week as reported later: evaluated as of its end (Monday 00:00 Rome), d is still pending then.
    k = await dash('2026-W47', Date.parse('2026-12-10T10:00:00Z'));
    expect(new Date(k.period.at).toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(k.totals.assigned).toBe(4);
    expect(k.totals.sla1).toEqual({ met: 1, missed: 2, pending: 1 });
    expect(k.totals.sla2).toEqual({ met: 0, missed: 0, pending: 4 });
    expect(k.today.unmanaged).toBe(2);

    // Click-through of the missed SLA 1 figure: exactly b and c.
    const missed = await ids(figureFilter(k.period, 'sla1_missed'));
    expect(missed).toEqual({ total: 2, numbers: [b.number, c.number].sort() });
    expect((await ids(figureFilter(k.period, 'sla1_pending'))).numbers).toEqual([d.number]);
  });

  it('SLA 2: 10 calendar days across the end of summer time is 241 hours', async () => {
    app = openTestApp(Date.parse('2026-10-20T08:00:00Z'));
    const t0 = Date.parse('2026-10-20T08:00:00Z'); // Tuesday 10:00 CEST
    const a = await lead(t0);
    const b = await lead(t0 + MIN);
    await contact(a.id, t0 + H);
    await contact(b.id, t0 + MIN + H);
    // Due 2026-10-30 10:00 CET = 09:00Z = t0 + 241 h.
    await closeNoSale(a.id, t0 + 240 * H + 30 * MIN); // 240.5 elapsed hours: within 10 calendar days
    await closeNoSale(b.id, t0 + MIN + 241 * H + MIN); // one minute late
    const k = await dash('2026-W43', Date.parse('2026-11-20T10:00:00Z'));
    // W43 ends on 2026-10-26 00:00 Rome: both were still open then → pending.
    expect(k.totals.sla2).toEqual({ met: 0, missed: 0, pending: 2 });
    const m = await dash('2026-10', Date.parse('2026-11-20T10:00:00Z'));
    expect(m.totals.sla2).toEqual({ met: 1, missed: 1, pending: 0 });
    expect(m.totals.closedNoSale).toBe(2);
    expect(m.closeReasons).toEqual([{ reason: 'customer_refuses', count: 2 }]);
  });

  it('a week with a daylight-saving change holds the leads of its 169 local hours', async () => {
    app = openTestApp(Date.parse('2026-10-18T20:00:00Z'));
    const before = await lead(Date.parse('2026-10-18T21:59:00Z')); // Sunday 23:59 CEST: week 42
    const first = await lead(Date.parse('2026-10-18T22:00:00Z')); // Monday 00:00 CEST: week 43
    const last = await lead(Date.parse('2026-10-25T22:59:00Z')); // Sunday 23:59 CET: week 43
    const next = await lead(Date.parse('2026-10-25T23:00:00Z')); // Monday 00:00 CET: week 44
    const k = await dash('2026-W43', Date.parse('2026-11-20T10:00:00Z'));
    expect(k.totals.assigned).toBe(2);
    expect((await ids(figureFilter(k.period, 'assigned'))).numbers).toEqual([first.number, last.number].sort());
    expect((await dash('2026-W42', Date.parse('2026-11-20T10:00:00Z'))).totals.assigned).toBe(1);
    expect((await dash('2026-W44', Date.parse('2026-11-20T10:00:00Z'))).totals.assigned).toBe(1);
    expect([before.number, next.number]).toHaveLength(2);
  });
});

describe('SLA 3: the 60 days before the report date', () => {
  it('counts the leads assigned in the window, closed (sale or no sale) by the report date', async () => {
    const report = Date.parse('2026-11-20T10:00:00Z'); // within W47 → report date = now
    app = openTestApp(report - 70 * 24 * H);
    const out = await lead(Date.parse('2026-09-21T08:59:00Z')); // 60 calendar days and 1 minute before: outside
    const edge = await lead(Date.parse('2026-09-21T09:00:00Z')); // exactly 60 calendar days before (11:00 CEST ↔ 11:00 CET): inside
    const inside1 = await lead(Date.parse('2026-10-01T10:00:00Z'));
    const inside2 = await lead(Date.parse('2026-11-10T10:00:00Z'));
    const lost = await lead(Date.parse('2026-09-25T10:00:00Z'));
    await contact(out.id, Date.parse('2026-09-21T10:00:00Z'));
    await closeNoSale(out.id, Date.parse('2026-09-21T12:00:00Z'));
    await contact(inside1.id, Date.parse('2026-10-01T11:00:00Z'));
    await closeNoSale(inside1.id, Date.parse('2026-10-02T11:00:00Z'));
    await contact(inside2.id, Date.parse('2026-11-10T11:00:00Z'));
    await act(inside2.id, Date.parse('2026-11-10T11:05:00Z'), 'leads.makeAppointment', {
      appointmentAt: Date.parse('2026-11-25T09:00:00Z'),
      sendEmail: false,
    });
    app.clock.set(report);
    await app.core.sweeps.run(report); // the lost lead is Lost Sale by now: not fully managed
    const k = await dash('2026-W47', report);
    // Local 60 calendar days before 2026-11-20 11:00 CET is 2026-09-21 11:00 CEST = 09:00Z.
    expect(new Date(k.sla3.from).toISOString()).toBe('2026-09-21T09:00:00.000Z');
    expect({ met: k.sla3.met, missed: k.sla3.missed }).toEqual({ met: 1, missed: 3 });
    const f = { metric: 'sla3_met' as const, from: k.sla3.from, to: k.sla3.at, at: k.sla3.at };
    expect((await ids(f)).numbers).toEqual([inside1.number]);
    expect((await ids({ ...f, metric: 'sla3_missed' })).numbers).toEqual(
      [edge.number, inside2.number, lost.number].sort(),
    );
    expect(out.number).toBeTruthy();
  });
});

describe('processed within 1 business day', () => {
  it('over a weekend and a holiday', async () => {
    app = openTestApp(Date.parse('2026-12-01T08:00:00Z'));
    const rules = (await ok(app.core, 'settings.get', {})).rules;
    await ok(app.core, 'settings.setRules', { ...rules, holidays: ['2026-12-07'] }); // Monday a holiday
    // Saturday 2026-12-05 11:00 (open 09:00–12:30): next open day is Tuesday (Sunday closed, Monday holiday) → Tue 11:00.
    const sat = await lead(Date.parse('2026-12-05T10:00:00Z'));
    // Saturday 14:00 (closed): counted from Tuesday 08:30 → Wednesday 08:30.
    const satLate = await lead(Date.parse('2026-12-05T13:00:00Z'));
    // Friday 17:00: next open day Saturday → Saturday 17:00.
    const fri = await lead(Date.parse('2026-12-04T16:00:00Z'));
    await contact(sat.id, Date.parse('2026-12-08T10:00:00Z')); // Tue 11:00 exactly: met
    await contact(satLate.id, Date.parse('2026-12-09T07:31:00Z')); // Wed 08:31: missed by a minute
    await contact(fri.id, Date.parse('2026-12-07T09:00:00Z')); // Monday: missed (deadline Saturday 17:00)
    // The week itself ended (Monday 7 December 00:00) before the contacts: all three were pending or missed then.
    const w = await dash('2026-W49', Date.parse('2026-12-20T10:00:00Z'));
    expect(w.totals.bd).toEqual({ met: 0, missed: 1, pending: 2 });
    const k = await dash('2026-12-01..2026-12-15', Date.parse('2026-12-20T10:00:00Z'));
    expect(k.totals.bd).toEqual({ met: 1, missed: 2, pending: 0 });
    expect(k.totals.sla1).toEqual({ met: 0, missed: 3, pending: 0 });
    expect((await ids(figureFilter(k.period, 'bd_met'))).numbers).toEqual([sat.number]);
    // Changing the opening hours recomputes the stored deadlines: open on Sundays and holidays too.
    await ok(app.core, 'settings.setRules', {
      ...rules,
      holidays: [],
      openingHours: rules.openingHours.map(() => ({ open: '08:30', close: '18:30' })),
    });
    const k2 = await dash('2026-12-01..2026-12-15', Date.parse('2026-12-20T10:00:00Z'));
    expect(k2.totals.bd).toEqual({ met: 0, missed: 3, pending: 0 });
  });
});

describe('indicators, breakdowns and click-through on a demo database', () => {
  it('every figure equals the count of the leads behind it, and SQL agrees with the pure SLA rules', async () => {
    const now = Date.parse('2026-11-20T10:00:00Z');
    app = openTestApp(now);
    await ok(app.core, 'demo.load', { leads: 1500, seed: 7 });
    for (const period of ['2026-W46', '2026-W47', '2026-10', '2026-11-01..2026-11-20']) {
      const k = await dash(period, now);
      const p = k.period;
      // Pure rules on the same leads.
      const s = app.core.settings.rules();
      const inWindow = (await rowToLeadForTest(app.core)).filter((l) => l.assignedAt >= p.from && l.assignedAt < p.to);
      const count = (fn: (l: (typeof inWindow)[number]) => boolean) => inWindow.filter(fn).length;
      expect(k.totals.assigned).toBe(inWindow.length);
      for (const st of ['met', 'missed', 'pending'] as const) {
        expect(k.totals.sla1[st]).toBe(count((l) => sla1State(l, p.at, s) === st));
        expect(k.totals.sla2[st]).toBe(count((l) => sla2State(l, p.at, s) === st));
      }
      const checks: [KpiFilter, number][] = [
        [figureFilter(p, 'assigned'), k.totals.assigned],
        ...(['met', 'missed', 'pending'] as const).flatMap(
          (st) =>
            [
              [figureFilter(p, `sla1_${st}`), k.totals.sla1[st]],
              [figureFilter(p, `sla2_${st}`), k.totals.sla2[st]],
              [figureFilter(p, `bd_${st}`), k.totals.bd[st]],
            ] as [KpiFilter, number][],
        ),
        [figureFilter(p, 'attention'), k.totals.attention],
        ...k.byAssignee.map(
          (r) =>
            [figureFilter(p, 'attention', { assigneeId: r.key === null ? null : Number(r.key) }), r.attention] as [
              KpiFilter,
              number,
            ],
        ),
        [figureFilter(p, 'appointment'), k.totals.appointment],
        [figureFilter(p, 'closed_sale'), k.totals.closedSale],
        [figureFilter(p, 'appointment_kept'), k.totals.kept],
        [figureFilter(p, 'appointment_no_show'), k.totals.noShow],
        ...k.byCampaign.map(
          (r) => [figureFilter(p, 'appointment_kept', { campaign: r.key! }), r.kept] as [KpiFilter, number],
        ),
        [figureFilter(p, 'closed_no_sale'), k.totals.closedNoSale],
        [figureFilter(p, 'lost'), k.totals.lost],
        [figureFilter(p, 'contacted'), k.totals.contacted],
        [{ metric: 'sla3_met', from: k.sla3.from, to: k.sla3.at, at: k.sla3.at }, k.sla3.met],
        [{ metric: 'sla3_missed', from: k.sla3.from, to: k.sla3.at, at: k.sla3.at }, k.sla3.missed],
        [{ metric: 'now_unmanaged', from: now, to: now, at: now }, k.today.unmanaged],
        [{ metric: 'now_at_risk', from: now, to: now, at: now }, k.today.atRisk],
        [{ metric: 'now_overdue', from: now, to: now, at: now }, k.today.overdue],
        [
          { metric: 'now_appointments_today', from: k.today.dayFrom, to: k.today.dayTo, at: now },
          k.today.appointmentsToday,
        ],
        ...k.byAssignee.map(
          (r) =>
            [figureFilter(p, 'sla1_missed', { assigneeId: r.key === null ? null : Number(r.key) }), r.sla1.missed] as [
              KpiFilter,
              number,
            ],
        ),
        ...k.byCampaign.map(
          (r) => [figureFilter(p, 'closed_sale', { campaign: r.key! }), r.closedSale] as [KpiFilter, number],
        ),
        ...k.bySource.map(
          (r) => [figureFilter(p, 'appointment', { source: r.key as never }), r.appointment] as [KpiFilter, number],
        ),
        ...k.byLeadType.map(
          (r) => [figureFilter(p, 'sla2_met', { leadType: r.key as never }), r.sla2.met] as [KpiFilter, number],
        ),
        ...k.closeReasons.map(
          (r) => [figureFilter(p, 'closed_no_sale', { closeReason: r.reason }), r.count] as [KpiFilter, number],
        ),
        ...k.contactsByType.map(
          (r) =>
            [figureFilter(p, 'contacts', { channel: r.channel, outcome: r.outcome }), r.leads] as [KpiFilter, number],
        ),
      ];
      // Only the count behind each figure: one row asked for.
      const total = async (f: KpiFilter) =>
        (await ok(app.core, 'kpi.leads', { filter: f, pageSize: 1 })).total as number;
      for (const [f, n] of checks) expect([f, await total(f)]).toEqual([f, n]);
      // Breakdowns add up to the totals.
      for (const rows of [k.byAssignee, k.byCampaign, k.bySource, k.byLeadType]) {
        expect(rows.reduce((a, r) => a + r.assigned, 0)).toBe(k.totals.assigned);
        expect(rows.reduce((a, r) => a + r.sla1.missed, 0)).toBe(k.totals.sla1.missed);
        expect(rows.reduce((a, r) => a + r.contacts, 0)).toBe(k.totals.contacts);
      }
      expect(k.contactsByType.reduce((a, r) => a + r.contacts, 0)).toBe(k.totals.contacts);
      // Contacts counted independently: every contact (up to the report date) of a lead assigned in the period.
      const contactsSql = `SELECT count(*) AS n FROM contacts c JOIN leads l ON l.id = c.lead_id
        WHERE l.assigned_at >= ? AND l.assigned_at < ? AND c.at <= ?`;
      expect(k.totals.contacts).toBe((await sqlGet<{ n: number }>(app.core, contactsSql, p.from, p.to, p.at))!.n);
      for (const r of k.byAssignee) {
        const assignee = r.key === null ? null : Number(r.key);
        const one = await sqlGet<{ n: number }>(
          app.core,
          `${contactsSql} AND l.assignee_id IS NOT DISTINCT FROM ?`,
          p.from,
          p.to,
          p.at,
          assignee,
        );
        expect([r.key, r.contacts]).toEqual([r.key, one!.n]);
      }
    }
    // The demo records whether most past appointments were kept.
    const oct = await dash('2026-10', now);
    expect(oct.totals.kept).toBeGreaterThan(oct.totals.noShow);
    expect(oct.totals.noShow).toBeGreaterThan(0);
    expect(KPI_METRICS.length).toBeGreaterThan(20);
  }, 180_000); // a 1,500-lead demo: on PostgreSQL a round trip per statement

  it('the trend has 12 consecutive weeks and refuses a bad period', async () => {
    const now = Date.parse('2026-11-20T10:00:00Z');
    app = openTestApp(now);
    await ok(app.core, 'demo.load', { leads: 400, seed: 3 });
    const tr = await ok(app.core, 'kpi.trend', { period: '2026-W47' });
    expect(tr.weeks.map((w: { spec: string }) => w.spec)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-W${36 + i}`),
    );
    expect(tr.weeks.at(-1).at).toBe(now);
    const k = await ok(app.core, 'kpi.dashboard', { period: '2026-W47' });
    const last = tr.weeks.at(-1);
    expect([last.assigned, last.sla1, last.sla2]).toEqual([k.totals.assigned, k.totals.sla1, k.totals.sla2]);
    // Every week (settled ones from the stored flags) equals the predicates' click-through counts.
    for (const w of tr.weeks) {
      for (const sla of ['sla1', 'sla2'] as const) {
        for (const st of ['met', 'missed', 'pending'] as const) {
          const r = await ok(app.core, 'kpi.leads', {
            filter: { metric: `${sla}_${st}`, from: w.from, to: w.to, at: w.at },
            pageSize: 1,
          });
          expect([w.spec, sla, st, w[sla][st]]).toEqual([w.spec, sla, st, r.total]);
        }
      }
    }
    const all = (await sqlGet<{ n: number }>(
      app.core,
      'SELECT count(*) AS n FROM leads WHERE assigned_at >= ? AND assigned_at < ?',
      tr.weeks[0].from,
      last.to,
    ))!;
    expect(tr.weeks.reduce((a: number, w: { assigned: number }) => a + w.assigned, 0)).toBe(all.n);
    // The current month's trend ends with this week, not with the month's (future) last week.
    const month = await ok(app.core, 'kpi.trend', { period: '2026-11' });
    expect(month.weeks.at(-1).spec).toBe('2026-W47');
    const bad = await app.core.dispatch('kpi.dashboard', { period: '2026-W99' }, { transport: 'test' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('DATE_INVALID');
  });
});
