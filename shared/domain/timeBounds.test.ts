import { describe, expect, it } from 'vitest';
import { MAX_INSTANT, MIN_INSTANT, dayProblem, inInstantRange, inYearRange, isRealDate } from './timeBounds';

describe("the desk's time bounds", () => {
  it.each([
    ['2026-03-02', null],
    ['2024-02-29', null],
    ['2000-01-01', null],
    ['2100-12-31', null],
    ['2026-02-31', 'DATE_INVALID'],
    ['2025-02-29', 'DATE_INVALID'],
    ['2100-02-29', 'DATE_INVALID'],
    ['0000-00-00', 'DATE_INVALID'],
    ['2026-13-01', 'DATE_INVALID'],
    ['2026-3-2', 'DATE_INVALID'],
    ['', 'DATE_INVALID'],
    ['1999-12-31', 'DATE_OUT_OF_RANGE'],
    ['2101-01-01', 'DATE_OUT_OF_RANGE'],
    ['0001-01-01', 'DATE_OUT_OF_RANGE'],
  ])('day %s → %s', (day, problem) => expect(dayProblem(day)).toBe(problem));
  it('years, instants and real dates', () => {
    expect([1999, 2000, 2100, 2101, 2026.5].map(inYearRange)).toEqual([false, true, true, false, false]);
    expect(
      [MIN_INSTANT - 1, MIN_INSTANT, MAX_INSTANT, MAX_INSTANT + 1, 8.64e15, Number.NaN, Infinity].map(inInstantRange),
    ).toEqual([false, true, true, false, false, false, false]);
    expect(new Date(MAX_INSTANT).toISOString()).toBe('2100-12-31T23:59:59.999Z');
    expect([isRealDate(2000, 2, 29), isRealDate(1900, 2, 29), isRealDate(2026, 4, 31), isRealDate(2026, 0, 1)]).toEqual(
      [true, false, false, false],
    );
  });
});
