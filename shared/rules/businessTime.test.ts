import { describe, expect, it } from 'vitest';
import { HOUR, MIN, iso, settings } from './testing/fixtures';
import { businessDayDeadline, isOpen, nextOpening, withinOneBusinessDay, workingMsBetween } from './businessTime';

// March 2026: Mon 2, Tue 3, Wed 4, Thu 5, Fri 6, Sat 7, Sun 8, Mon 9, Tue 10.
// Default hours: Mon–Fri 08:30–18:30, Sat 09:00–12:30, Sunday closed.
// Each table runs in Europe/Rome (offset +01:00 in early March) and in UTC (offset Z): the same wall times.
const ZONES = [
  ['Europe/Rome', '+01:00'],
  ['UTC', 'Z'],
] as const;

describe.each(ZONES)('businessDayDeadline in %s', (timeZone, off) => {
  const t = (local: string) => iso(`2026-03-${local}${off}`);
  const withHolidays = (...holidays: string[]) => settings({ timeZone, holidays });
  it.each([
    // [what, arrives, deadline, holidays]
    ['Tuesday 10:00 → Wednesday 10:00', '03T10:00', '04T10:00', []],
    ['Tuesday 08:30 (opening) → Wednesday 08:30', '03T08:30', '04T08:30', []],
    ['Tuesday 18:29 → Wednesday 18:29', '03T18:29', '04T18:29', []],
    ['Tuesday 07:00 (before opening) → counts from 08:30 → Wednesday 08:30', '03T07:00', '04T08:30', []],
    ['Tuesday 18:30 (closing: closed) → Wednesday 08:30 → Thursday 08:30', '03T18:30', '05T08:30', []],
    ['Tuesday 19:00 → Wednesday 08:30 → Thursday 08:30', '03T19:00', '05T08:30', []],
    ['Friday 17:00 → Saturday 17:00 (same clock time on the next open day, literally)', '06T17:00', '07T17:00', []],
    ['Saturday 10:00 (open) → Monday 10:00', '07T10:00', '09T10:00', []],
    ['Saturday 12:30 (just closed) → Monday 08:30 → Tuesday 08:30', '07T12:30', '10T08:30', []],
    ['Saturday 14:00 (closed) → Monday 08:30 → Tuesday 08:30', '07T14:00', '10T08:30', []],
    ['Sunday 11:00 → Monday 08:30 → Tuesday 08:30', '08T11:00', '10T08:30', []],
    ['Saturday 10:00, Monday a holiday → Tuesday 10:00', '07T10:00', '10T10:00', ['2026-03-09']],
    ['Sunday, Monday a holiday → Tuesday 08:30 → Wednesday 08:30', '08T11:00', '11T08:30', ['2026-03-09']],
    ['Friday 17:00, Saturday a holiday → Monday 17:00', '06T17:00', '09T17:00', ['2026-03-07']],
    ['arrives on a holiday Tuesday 10:00 → Wednesday 08:30 → Thursday 08:30', '03T10:00', '05T08:30', ['2026-03-03']],
    ['Thursday 10:00, Friday + Saturday holidays → Monday 10:00', '05T10:00', '09T10:00', ['2026-03-06', '2026-03-07']],
  ])('%s', (_what, arrives, deadline, holidays) => {
    expect(businessDayDeadline(t(arrives), withHolidays(...holidays))).toBe(t(deadline));
  });
});

describe('businessDayDeadline across DST and real holidays (Europe/Rome)', () => {
  const s = (holidays: string[] = []) => settings({ holidays });
  it.each([
    [
      'Saturday before spring forward 10:00 → Monday 10:00 CEST',
      '2026-03-28T10:00+01:00',
      '2026-03-30T10:00+02:00',
      [],
    ],
    [
      'Saturday before spring forward 13:00 → Monday 08:30 → Tuesday 08:30 CEST',
      '2026-03-28T13:00+01:00',
      '2026-03-31T08:30+02:00',
      [],
    ],
    ['Friday before fall back 17:00 → Saturday 17:00 CEST', '2026-10-23T17:00+02:00', '2026-10-24T17:00+02:00', []],
    ['Saturday before fall back 11:00 → Monday 11:00 CET', '2026-10-24T11:00+02:00', '2026-10-26T11:00+01:00', []],
    [
      'Easter Saturday 11:00, Easter Monday a holiday → Tuesday 11:00',
      '2026-04-04T11:00+02:00',
      '2026-04-07T11:00+02:00',
      ['2026-04-06'],
    ],
    [
      'Christmas Eve (Thu) 10:00, 25 + 26 Dec holidays → Monday 28 10:00',
      '2026-12-24T10:00+01:00',
      '2026-12-28T10:00+01:00',
      ['2026-12-25', '2026-12-26'],
    ],
  ])('%s', (_what, arrives, deadline, holidays) => {
    expect(businessDayDeadline(iso(arrives), s(holidays))).toBe(iso(deadline));
  });

  it('with a Sunday opening in the settings, Saturday 10:00 → Sunday 10:00', () => {
    const st = settings();
    const hours = [...st.openingHours] as typeof st.openingHours;
    hours[0] = { open: '10:00', close: '13:00' };
    expect(businessDayDeadline(iso('2026-03-07T10:00+01:00'), { ...st, openingHours: hours })).toBe(
      iso('2026-03-08T10:00+01:00'),
    );
  });
});

describe.each(ZONES)('withinOneBusinessDay in %s', (timeZone, off) => {
  const t = (local: string) => iso(`2026-03-${local}${off}`);
  const s = settings({ timeZone });
  it.each<[string, string, number | null, boolean]>([
    ['no contact yet', '03T10:00', null, false],
    ['contact exactly at the deadline', '03T10:00', 0, true],
    ['contact 1 ms after the deadline', '03T10:00', 1, false],
    ['contact right away', '03T10:00', -24 * HOUR, true],
    ['Saturday 14:00 lead, contacted Monday evening', '07T14:00', -13 * HOUR - 30 * MIN, true],
    ['Saturday 14:00 lead, contacted Tuesday 08:31', '07T14:00', MIN, false],
  ])('%s', (_what, arrives, delta, ok) => {
    const deadline = businessDayDeadline(t(arrives), s);
    expect(withinOneBusinessDay(t(arrives), delta === null ? null : deadline + delta, s)).toBe(ok);
  });
});

describe.each(ZONES)('nextOpening and isOpen in %s', (timeZone, off) => {
  const t = (local: string) => iso(`2026-03-${local}${off}`);
  const s = settings({ timeZone });
  const h = settings({ timeZone, holidays: ['2026-03-09'] });
  it.each([
    ['open now: itself', '03T10:00', '03T10:00', s],
    ['exactly at opening', '03T08:30', '03T08:30', s],
    ['before opening: same day 08:30', '03T07:00', '03T08:30', s],
    ['at closing: next day 08:30', '03T18:30', '04T08:30', s],
    ['Saturday before 09:00: Saturday 09:00', '07T08:59', '07T09:00', s],
    ['Saturday 12:30: Monday 08:30', '07T12:30', '09T08:30', s],
    ['Sunday: Monday 08:30', '08T00:00', '09T08:30', s],
    ['Sunday, Monday a holiday: Tuesday 08:30', '08T12:00', '10T08:30', h],
    ['on the holiday itself: Tuesday 08:30', '09T10:00', '10T08:30', h],
  ])('nextOpening: %s', (_what, at, expected, st) => {
    expect(nextOpening(t(at), st)).toBe(t(expected));
  });

  it.each([
    ['Tuesday 08:30', t('03T08:30'), true, s],
    ['Tuesday 08:29:59.999', t('03T08:30') - 1, false, s],
    ['Tuesday 18:29:59.999', t('03T18:30') - 1, true, s],
    ['Tuesday 18:30', t('03T18:30'), false, s],
    ['Saturday 12:29', t('07T12:29'), true, s],
    ['Saturday 12:30', t('07T12:30'), false, s],
    ['Saturday 08:59', t('07T08:59'), false, s],
    ['Sunday 10:00', t('08T10:00'), false, s],
    ['Monday 10:00', t('09T10:00'), true, s],
    ['Monday 10:00, a holiday', t('09T10:00'), false, h],
  ])('isOpen: %s → %s', (_what, at, open, st) => {
    expect(isOpen(at, st)).toBe(open);
  });
});

describe.each(ZONES)('workingMsBetween in %s', (timeZone, off) => {
  const t = (local: string) => iso(`2026-03-${local}${off}`);
  const s = settings({ timeZone });
  const h = settings({ timeZone, holidays: ['2026-03-09'] });
  it.each([
    ['inside one opening span', '03T12:00', '03T13:00', 1, s],
    ['a whole weekday, from before opening to after closing', '03T06:00', '03T20:00', 10, s],
    ['over the weekend: Fri 17:00 → Mon 10:00 = 1.5 + 3.5 + 1.5', '06T17:00', '09T10:00', 6.5, s],
    ['Fri 17:00 → Tue 10:00 with Monday a holiday = 1.5 + 3.5 + 1.5', '06T17:00', '10T10:00', 6.5, h],
    ['a whole week = 5 × 10 + 3.5', '02T00:00', '09T00:00', 53.5, s],
    ['Sunday only', '08T00:00', '09T00:00', 0, s],
    ['while closed in the evening', '03T18:30', '04T08:30', 0, s],
    ['to before from', '04T10:00', '03T10:00', 0, s],
    ['equal instants', '03T10:00', '03T10:00', 0, s],
  ])('%s → %s h', (_what, a, b, hours, st) => {
    expect(workingMsBetween(t(a), t(b), st)).toBe(hours * HOUR);
  });
});

describe('workingMsBetween across DST (Europe/Rome)', () => {
  const s = settings();
  it.each([
    ['the spring-forward week still has 53.5 open hours', '2026-03-23T00:00+01:00', '2026-03-30T00:00+02:00', 53.5],
    ['the fall-back week still has 53.5 open hours', '2026-10-19T00:00+02:00', '2026-10-26T00:00+01:00', 53.5],
    ['Sat 12:00 CET → Mon 09:30 CEST = 0.5 + 1', '2026-03-28T12:00+01:00', '2026-03-30T09:30+02:00', 1.5],
  ])('%s', (_what, a, b, hours) => {
    expect(workingMsBetween(iso(a), iso(b), s)).toBe(hours * HOUR);
  });
});
