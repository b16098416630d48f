// The PostgreSQL KPI repositories answer what SQLite's answer (issue 15, read side): on the demo generator's leads
// copied row for row, the SLA counts per week and month (as of the end and now), the leads assigned per status, the
// report's figures per dimension, contacts, appointments kept, close reasons, trend weeks, every metric's count and
// click-through list (with each filter), the attention list, the digest's leads and the tracking table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KPI_METRICS, type KpiFilter } from '../../shared/contract/kpi';
import { resolvePeriod, type Period } from '../../shared/rules/kpi/period';
import { SKIP_PG, SKIP_PG_MESSAGE } from '../support/pgCluster';
import { READ_NOW, openReadFixture, type ReadFixture } from '../support/pgReadFixture';

if (SKIP_PG) console.warn(SKIP_PG_MESSAGE);

const DAY = 86_400_000;
const SPECS = ['2026-W40', '2026-W44', '2026-W46', 'last-week', 'this-week', '2026-09', '2026-10', 'this-month'];
describe.skipIf(SKIP_PG)('PostgreSQL read repositories: the KPI figures are SQLite’s', () => {
  let f: ReadFixture;
  let periods: Period[];
  let assignee: number;
  let campaign: KpiFilter['campaign'];
  let source: KpiFilter['source'];
  let leadType: KpiFilter['leadType'];
  let closeReason: KpiFilter['closeReason'];

  beforeAll(async () => {
    f = await openReadFixture('kpi_read', 3000, 77);
    const rules = f.core.settings.rules();
    periods = SPECS.flatMap((spec) =>
      (['end', 'now'] as const).map((asOf) => resolvePeriod(spec, READ_NOW, rules, asOf)!),
    );
    const db = f.core.store!.sqlite;
    const top = (col: string) =>
      (
        db
          .prepare(`SELECT ${col} AS v FROM leads WHERE ${col} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC`)
          .get() as {
          v: never;
        }
      ).v;
    [assignee, campaign, source, leadType, closeReason] = [
      top('assignee_id'),
      top('campaign'),
      top('source'),
      top('lead_type'),
      top('close_reason'),
    ];
  }, 240_000);
  afterAll(async () => {
    await f?.close();
  });

  it('SLA counts per week and month, as of the end and now; leads assigned per status', async () => {
    let nonZero = 0;
    for (const p of periods) {
      for (const w of [
        { from: p.from, to: p.to },
        { from: p.sla3From, to: p.at },
        { from: p.from + 3_600_123, to: p.to - 7 * 3_600_000 },
      ]) {
        const want = f.sqlite.kpi.slaAsOf(w);
        expect(await f.pg.kpi.slaAsOf(w), JSON.stringify(w)).toEqual(want);
        expect(await f.pg.kpi.slaNow(w)).toEqual(f.sqlite.kpi.slaNow(w));
        expect(await f.pg.kpi.assignedCounts(w.from, w.to)).toEqual(f.sqlite.kpi.assignedCounts(w.from, w.to));
        if (want.total > 0 && want.s1met > 0 && want.s2missed > 0) nonZero++;
      }
    }
    expect(nonZero).toBeGreaterThan(20);
    expect(await f.pg.kpi.assignedCounts(READ_NOW, READ_NOW - DAY)).toEqual(new Map());
  });

  it('the report: figures per dimension, contacts, kept, close reasons, SLA 3 not yet, trend weeks', async () => {
    expect(await f.pg.kpiReport.userNames()).toEqual(f.sqlite.kpiReport.userNames());
    let groups = 0;
    let contacts = 0;
    for (const p of periods) {
      const at = { from: p.from, to: p.to, at: p.at };
      const grouped = f.sqlite.kpiReport.grouped(at);
      expect(await f.pg.kpiReport.grouped(at)).toEqual(grouped);
      groups += grouped.length;
      // contact_kpi_hours' whole hours, and windows and `at` off the hour (its partial hours counted directly).
      for (const w of [at, { from: at.from + 1_234_567, to: at.to - 2_345_678, at: at.at - 3_456_789 }]) {
        const want = f.sqlite.kpiReport.contacts(w);
        expect(await f.pg.kpiReport.contacts(w), JSON.stringify(w)).toEqual(want);
        contacts += want.length;
      }
      expect(await f.pg.kpiReport.kept(at)).toEqual(f.sqlite.kpiReport.kept(at));
      expect(await f.pg.kpiReport.closeReasons(at)).toEqual(f.sqlite.kpiReport.closeReasons(at));
      const w3 = { from: p.sla3From, to: p.at, at: p.at };
      expect(await f.pg.kpiReport.sla3NotYet(w3)).toBe(f.sqlite.kpiReport.sla3NotYet(w3));
      expect(await f.pg.kpiReport.trendSlow(at)).toEqual(f.sqlite.kpiReport.trendSlow(at));
      for (const sla of [1, 2] as const)
        expect(await f.pg.kpiReport.trendMet(sla, p)).toBe(f.sqlite.kpiReport.trendMet(sla, p));
    }
    expect(groups).toBeGreaterThan(100);
    expect(contacts).toBeGreaterThan(100);
  });

  it('every metric’s count, and the open leads at risk and overdue now and earlier', async () => {
    let nonZero = 0;
    for (const p of periods.slice(0, 6))
      for (const metric of KPI_METRICS) {
        if (metric === 'contacts') continue; // counted through listRows (its contact filters)
        const params = { from: p.from, to: p.to, at: p.at };
        const want = f.sqlite.kpiReport.count(metric, params);
        expect(await f.pg.kpiReport.count(metric, params), metric).toBe(want);
        if (want > 0) nonZero++;
      }
    expect(nonZero).toBeGreaterThan(60);
    for (const at of [READ_NOW, READ_NOW - 2 * DAY, READ_NOW - 30 * DAY])
      expect(await f.pg.kpiReport.openNow(at)).toEqual(f.sqlite.kpiReport.openNow(at));
  });

  it('the click-through lists of every metric with each filter, pages, and the attention list', async () => {
    const extra: Partial<KpiFilter>[] = [
      {},
      { assigneeId: assignee },
      { assigneeId: null },
      { campaign, source },
      { leadType },
      { closeReason },
      { channel: 'phone' },
      { channel: 'phone', outcome: 'no_answer' },
    ];
    let rows = 0;
    for (const p of [periods[2]!, periods[11]!])
      for (const metric of KPI_METRICS)
        for (const e of extra) {
          if ((e.channel && metric !== 'contacts') || (e.closeReason && metric !== 'closed_no_sale')) continue;
          const filter = { metric, from: p.from, to: p.to, at: p.at, ...e } as KpiFilter;
          for (const [limit, offset] of [
            [50, 0],
            [20, 40],
          ] as const) {
            const want = f.sqlite.kpiReport.listRows(filter, limit, offset);
            expect(await f.pg.kpiReport.listRows(filter, limit, offset), JSON.stringify(filter)).toEqual(want);
            rows += want.rows.length;
          }
        }
    expect(rows).toBeGreaterThan(1000);
    for (const p of periods) {
      const base = { from: p.from, to: p.to, at: p.at };
      const want = f.sqlite.kpiReport.attentionRows(base, 100);
      expect(await f.pg.kpiReport.attentionRows(base, 100)).toEqual(want);
    }
  });

  it('the digest’s leads and managers, the business-day deadlines, the tracking table', async () => {
    const due1 = 'CASE WHEN l.first_contact_at IS NULL THEN l.sla1_due_at ELSE l.sla2_due_at END';
    const day = { from: READ_NOW - 10 * 3_600_000, to: READ_NOW + 14 * 3_600_000, at: READ_NOW };
    for (const at of [READ_NOW, READ_NOW - 3 * DAY]) {
      for (const [metric, params, due] of [
        ['now_unmanaged', {}, 'l.sla1_due_at'],
        ['now_at_risk', { at }, due1],
        ['now_overdue', { at }, due1],
        ['now_appointments_today', { from: day.from, to: day.to }, 'l.appointment_at'],
      ] as const)
        expect(await f.pg.kpiReport.digestLeads(metric, params, due, 20), metric).toEqual(
          f.sqlite.kpiReport.digestLeads(metric, params, due, 20),
        );
    }
    expect(await f.pg.kpi.activeManagers()).toEqual(f.sqlite.kpi.activeManagers());
    for (const missing of [true, false]) {
      const sort = (r: { id: number }[]) => [...r].sort((a, b) => a.id - b.id);
      expect(sort(await f.pg.kpi.assignedAts(missing))).toEqual(sort(f.sqlite.kpi.assignedAts(missing)));
    }
    const month = periods.find((p) => p.kind === 'month')!;
    const tracking = f.sqlite.kpi.trackingRows(month.from, month.to);
    expect(tracking.length).toBeGreaterThan(100);
    expect(await f.pg.kpi.trackingRows(month.from, month.to)).toEqual(tracking);
  });
});
