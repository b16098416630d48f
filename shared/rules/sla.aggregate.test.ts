import { describe, expect, it } from 'vitest';
import { DAY, HOUR, iso, settings } from './testing/fixtures';
import { aggregateSla, slaWindowStart, type SlaLead } from './sla';

const s = settings();
/** The report date: Monday 20 April 2026, noon in Rome (CEST). */
const at = iso('2026-04-20T12:00+02:00');
/** 60 calendar days before, in Rome (CET): 19 February 12:00 — 1439 elapsed hours, not 1440. */
const from = iso('2026-02-19T12:00+01:00');

const lead = (p: Partial<SlaLead> & Pick<SlaLead, 'assignedAt'>): SlaLead => ({
  firstContactAt: null,
  qualifiedAt: null,
  status: 'assigned',
  closedAt: null,
  ...p,
});

describe('slaWindowStart', () => {
  it.each([
    ['Rome, across spring forward', s, at, from],
    ['UTC: 60 × 24 h', settings({ timeZone: 'UTC' }), iso('2026-04-20T10:00Z'), iso('2026-02-19T10:00Z')],
    ['setting sla3WindowDays = 30', settings({ sla3WindowDays: 30 }), at, iso('2026-03-21T12:00+01:00')],
  ])('%s', (_what, st, reportAt, expected) => {
    expect(slaWindowStart(reportAt, st)).toBe(expected);
  });
});

describe('aggregateSla', () => {
  const L1 = lead({
    // managed, everything met
    assignedAt: at - 5 * DAY,
    firstContactAt: at - 5 * DAY + HOUR,
    qualifiedAt: at - 3 * DAY,
    status: 'closed_sale',
    closedAt: at - 2 * DAY,
  });
  const L2 = lead({
    // late contact, late appointment, still open
    assignedAt: at - 20 * DAY,
    firstContactAt: at - 20 * DAY + 30 * HOUR,
    qualifiedAt: at - 9 * DAY,
    status: 'appointment',
  });
  const L3 = lead({ assignedAt: at - HOUR }); // just arrived: pending everywhere
  const L4 = lead({
    // everything happened after the report date: as of `at` it counts as not done
    assignedAt: at - 3 * DAY,
    firstContactAt: at + HOUR,
    qualifiedAt: at + HOUR,
    status: 'closed_no_sale',
    closedAt: at + HOUR,
  });
  const L5 = lead({
    // assigned before the window
    assignedAt: at - 61 * DAY,
    firstContactAt: at - 61 * DAY + HOUR,
    qualifiedAt: at - 61 * DAY + HOUR,
    status: 'closed_sale',
    closedAt: at - 50 * DAY,
  });
  const L6 = lead({ assignedAt: at - 59 * DAY, status: 'lost', closedAt: at + DAY }); // never contacted

  it('counts met / missed / pending per SLA over the 60-day window, as of the report date', () => {
    const r = aggregateSla([L1, L2, L3, L4, L5, L6], at, s);
    expect(r).toMatchObject({ at, from, to: at });
    expect(r.sla1).toEqual({ met: 1, missed: 3, pending: 1, rate: 1 / 4, target: 0.7 });
    expect(r.sla2).toEqual({ met: 1, missed: 2, pending: 2, rate: 1 / 3, target: 0.7 });
    expect(r.sla3).toEqual({ met: 1, missed: 4, pending: 0, rate: 1 / 5, target: 0.9 });
  });

  it('an explicit (from, to] period is evaluated as of `to`', () => {
    const to = at - 2 * DAY;
    const r = aggregateSla([L1, L2, L3, L4, L5, L6], at, s, at - 30 * DAY, to);
    // L1: met / met / closed exactly at `to` (counts). L2: missed / missed / open. L4: contact window ends exactly at `to` → pending.
    expect(r).toMatchObject({ at, from: at - 30 * DAY, to });
    expect(r.sla1).toMatchObject({ met: 1, missed: 1, pending: 1, rate: 0.5 });
    expect(r.sla2).toMatchObject({ met: 1, missed: 1, pending: 1, rate: 0.5 });
    expect(r.sla3).toMatchObject({ met: 1, missed: 2, pending: 0, rate: 1 / 3 });
  });

  it.each([
    // [what, assignedAt, counted]
    ['exactly at the window start (60 calendar days before): excluded', from, false],
    ['1 ms after the window start: included', from + 1, true],
    ['1440 elapsed hours before (one hour before the calendar start, DST): excluded', at - 60 * DAY, false],
    ['30 minutes after that, still before the calendar start: excluded', at - 60 * DAY + 30 * 60_000, false],
    ['exactly at the report date: included', at, true],
    ['1 ms after the report date: excluded', at + 1, false],
  ])('window boundary: %s', (_what, assignedAt, counted) => {
    const r = aggregateSla([lead({ assignedAt })], at, s);
    const n = r.sla1.met + r.sla1.missed + r.sla1.pending;
    expect(n).toBe(counted ? 1 : 0);
    expect(r.sla3.met + r.sla3.missed).toBe(counted ? 1 : 0);
  });

  it.each([
    ['no leads at all', [] as SlaLead[]],
    ['only pending leads', [lead({ assignedAt: at - HOUR }), lead({ assignedAt: at - 2 * HOUR })]],
  ])('rate is null when nothing is met or missed: %s', (_what, leads) => {
    const r = aggregateSla(leads, at, s);
    expect(r.sla1.rate).toBeNull();
    expect(r.sla2.rate).toBeNull();
    expect(r.sla1.met + r.sla1.missed).toBe(0);
  });

  it('SLA 3 has no pending: an open lead in the window counts as not managed', () => {
    const r = aggregateSla([lead({ assignedAt: at - HOUR })], at, s);
    expect(r.sla3).toEqual({ met: 0, missed: 1, pending: 0, rate: 0, target: 0.9 });
  });

  it.each([
    ['all met', [1, 1, 1, 1], 1],
    ['7 of 10 (the target)', [1, 1, 1, 1, 1, 1, 1, 0, 0, 0], 0.7],
    ['none met', [0, 0], 0],
  ])('SLA 1 rate = met / (met + missed): %s', (_what, flags, rate) => {
    const leads = flags.map((f, i) =>
      lead({ assignedAt: at - (3 + i) * DAY, firstContactAt: at - (3 + i) * DAY + (f ? HOUR : 25 * HOUR) }),
    );
    expect(aggregateSla(leads, at, s).sla1.rate).toBeCloseTo(rate, 12);
  });

  it('uses the targets from the settings', () => {
    const r = aggregateSla([], at, settings({ sla1Target: 0.8, sla2Target: 0.75, sla3Target: 0.95 }));
    expect([r.sla1.target, r.sla2.target, r.sla3.target]).toEqual([0.8, 0.75, 0.95]);
  });
});
