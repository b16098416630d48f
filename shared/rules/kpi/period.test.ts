import { describe, expect, it } from 'vitest';
import { evaluatedKey, isoWeekOf, isPeriodSpec, periodProblem, presetSpec, resolvePeriod, trendWeeks } from './period';

const s = { timeZone: 'Europe/Rome', sla3WindowDays: 60 };
const NOW = Date.parse('2026-12-15T10:00:00Z');

describe('report periods', () => {
  it.each([
    ['2026-W47', '2026-11-16', '2026-11-22', '2026-11-15T23:00:00Z', '2026-11-22T23:00:00Z'],
    ['2026-W01', '2025-12-29', '2026-01-04', '2025-12-28T23:00:00Z', '2026-01-04T23:00:00Z'],
    ['2026-W53', '2026-12-28', '2027-01-03', '2026-12-27T23:00:00Z', '2027-01-03T23:00:00Z'],
    // The week summer time ends in Rome is 169 hours long.
    ['2026-W43', '2026-10-19', '2026-10-25', '2026-10-18T22:00:00Z', '2026-10-25T23:00:00Z'],
    ['2026-11', '2026-11-01', '2026-11-30', '2026-10-31T23:00:00Z', '2026-11-30T23:00:00Z'],
    ['2026-03', '2026-03-01', '2026-03-31', '2026-02-28T23:00:00Z', '2026-03-31T22:00:00Z'],
    ['2026-11-01..2026-11-15', '2026-11-01', '2026-11-15', '2026-10-31T23:00:00Z', '2026-11-15T23:00:00Z'],
  ])('%s runs from %s to %s, local midnight to midnight', (spec, first, last, from, to) => {
    const p = resolvePeriod(spec, NOW, s)!;
    expect([p.firstDay, p.lastDay, new Date(p.from).toISOString(), new Date(p.to).toISOString()]).toEqual([
      first,
      last,
      new Date(from).toISOString(),
      new Date(to).toISOString(),
    ]);
  });

  it('DST weeks last 167 / 169 hours, the month of March 743', () => {
    expect(((p) => (p.to - p.from) / 3_600_000)(resolvePeriod('2026-W13', NOW, s)!)).toBe(167);
    const w = resolvePeriod('2026-W43', NOW, s)!;
    expect((w.to - w.from) / 3_600_000).toBe(169);
    const m = resolvePeriod('2026-03', NOW, s)!;
    expect((m.to - m.from) / 3_600_000).toBe(743);
  });

  it('is evaluated as of min(end, now); SLA 3 looks back 60 days from that report date', () => {
    const past = resolvePeriod('2026-W47', NOW, s)!;
    expect(past.at).toBe(past.to);
    const current = resolvePeriod('2026-W51', NOW, s)!;
    expect(current.at).toBe(NOW);
    expect(new Date(current.sla3From).toISOString()).toBe('2026-10-16T09:00:00.000Z');
  });

  it.each([
    // spec, asOf → at, the sentence the report prints
    ['2026-W47', 'end', 'to', 'end'],
    ['2026-W47', 'now', 'now', 'now'],
    ['2026-W51', 'end', 'now', 'running'],
    ['2026-W51', 'now', 'now', 'running'],
  ] as const)('%s evaluated as %s: at = %s (%s)', (spec, asOf, at, key) => {
    const p = resolvePeriod(spec, NOW, s, asOf)!;
    expect(p.asOf).toBe(asOf);
    expect(p.at).toBe(at === 'to' ? p.to : NOW);
    expect(evaluatedKey(p)).toBe(key);
    // SLA 3 looks back 60 days from the evaluation moment.
    if (at === 'now') expect(new Date(p.sla3From).toISOString()).toBe('2026-10-16T09:00:00.000Z');
  });

  it('rejects what is not a period', () => {
    for (const bad of [
      '2026-W54',
      '2025-W53',
      '2026-W00',
      '2026-13',
      '2026-00',
      '2026-11-15..2026-11-01',
      '2026-02-30..2026-03-01',
      'W47',
      '',
      'last-year',
    ]) {
      expect(isPeriodSpec(bad)).toBe(false);
      expect(resolvePeriod(bad, NOW, s)).toBeNull();
    }
    expect(isPeriodSpec('2026-W53')).toBe(true);
  });

  it('presets and ISO weeks across a year end', () => {
    expect(isoWeekOf(new Date(Date.UTC(2027, 0, 1)))).toBe('2026-W53');
    expect(isoWeekOf(new Date(Date.UTC(2025, 11, 29)))).toBe('2026-W01');
    // 2026-11-23 00:30 in Rome is still Sunday 22 in UTC: the zone decides.
    const mondayRome = Date.parse('2026-11-22T23:30:00Z');
    expect(presetSpec('this-week', mondayRome, 'Europe/Rome')).toBe('2026-W48');
    expect(presetSpec('last-week', mondayRome, 'Europe/Rome')).toBe('2026-W47');
    expect(presetSpec('this-month', mondayRome, 'Europe/Rome')).toBe('2026-11');
    expect(presetSpec('last-month', Date.parse('2026-01-10T10:00:00Z'), 'Europe/Rome')).toBe('2025-12');
  });

  it("the trend is the 12 weeks ending with the period's last week", () => {
    const weeks = trendWeeks(resolvePeriod('2026-11', NOW, s)!, NOW, s);
    expect(weeks.map((w) => w.spec)).toEqual([
      '2026-W38',
      '2026-W39',
      '2026-W40',
      '2026-W41',
      '2026-W42',
      '2026-W43',
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
      '2026-W49',
    ]);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.from).toBe(weeks[i - 1]!.to);
  });
});

describe("periods out of the desk's years or that do not exist (issue #17)", () => {
  it.each([
    ['0050-05', 'DATE_OUT_OF_RANGE'],
    ['0099-W01', 'DATE_OUT_OF_RANGE'],
    ['9999-W52', 'DATE_OUT_OF_RANGE'],
    ['1999-12', 'DATE_OUT_OF_RANGE'],
    ['2101-01', 'DATE_OUT_OF_RANGE'],
    ['0026-11-01..0026-11-15', 'DATE_OUT_OF_RANGE'],
    ['2026-W54', 'DATE_INVALID'],
    ['2026-00', 'DATE_INVALID'],
    ['2026-02-31..2026-03-02', 'DATE_INVALID'],
    ['2026-03-02..2026-03-01', 'DATE_INVALID'],
    ['next-week', 'INVALID_INPUT'],
    ['2026-W47', null],
    ['2100-12', null],
  ])('%s → %s', (spec, problem) => {
    expect(periodProblem(spec)).toBe(problem);
    expect(isPeriodSpec(spec)).toBe(problem === null);
    if (problem)
      expect(
        resolvePeriod(spec, Date.parse('2026-03-02T09:00:00Z'), { timeZone: 'Europe/Rome', sla3WindowDays: 60 }),
      ).toBeNull();
  });
  it('a year below 100 is never read as 19xx', () => {
    expect(
      resolvePeriod('0050-05', Date.parse('2026-03-02T09:00:00Z'), { timeZone: 'Europe/Rome', sla3WindowDays: 60 }),
    ).toBeNull();
  });
});
