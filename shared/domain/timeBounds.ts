// The range of times and dates the desk handles: years 2000 to 2100. Anything outside is a typo or a forged
// input (8.64e15, 9999-W52, year 0001) and is refused with DATE_OUT_OF_RANGE; a calendar date that does not
// exist (2026-02-31, 0000-00-00) is refused with DATE_INVALID instead of rolling over. Pure.

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** 2000-01-01T00:00:00Z. */
export const MIN_INSTANT = Date.UTC(MIN_YEAR, 0, 1);
/** The last millisecond of 2100 (UTC). */
export const MAX_INSTANT = Date.UTC(MAX_YEAR + 1, 0, 1) - 1;

export const inYearRange = (year: number): boolean => Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
export const inInstantRange = (ms: number): boolean => Number.isInteger(ms) && ms >= MIN_INSTANT && ms <= MAX_INSTANT;

/** Whether year/month/day is a real calendar date (no roll-over: 31 February is not 3 March). Any year. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (
    !Number.isInteger(year) ||
    !Number.isInteger(month) ||
    !Number.isInteger(day) ||
    month < 1 ||
    month > 12 ||
    day < 1
  )
    return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** A local calendar day "YYYY-MM-DD": null when it is one the desk handles, else why not. */
export function dayProblem(s: string): 'DATE_INVALID' | 'DATE_OUT_OF_RANGE' | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return 'DATE_INVALID';
  return inYearRange(Number(m[1])) ? null : 'DATE_OUT_OF_RANGE';
}
