// Business time (docs/rules.md §6): opening hours per weekday and public holidays, in the dealer's zone.
import type { RuleSettings } from '../domain/settings';
import { addCalendarDays, fromWallTime, localDate, wallTime } from './time';

type Hours = Pick<RuleSettings, 'openingHours' | 'holidays' | 'timeZone'>;

const hm = (s: string): [number, number] => {
  const [h, m] = s.split(':').map(Number);
  return [h ?? 0, m ?? 0];
};

function span(day: number, s: Hours): { open: number; close: number } | null {
  const w = wallTime(day, s.timeZone);
  if (s.holidays.includes(localDate(day, s.timeZone))) return null;
  const h = s.openingHours[w.weekday];
  if (!h) return null;
  const at = (t: string) => {
    const [hh, mm] = hm(t);
    return fromWallTime({ year: w.year, month: w.month, day: w.day, hour: hh, minute: mm, second: 0 }, s.timeZone);
  };
  return { open: at(h.open), close: at(h.close) };
}

/** Whether the dealership is open at `ms`. */
export function isOpen(ms: number, s: Hours): boolean {
  const sp = span(ms, s);
  return sp !== null && ms >= sp.open && ms < sp.close;
}

/** The first open instant at or after `ms` (looks ahead at most a year). */
export function nextOpening(ms: number, s: Hours): number {
  for (let i = 0; i < 366; i++) {
    const day = i === 0 ? ms : addCalendarDays(ms, i, s.timeZone);
    const sp = span(day, s);
    if (!sp) continue;
    if (i === 0) {
      if (ms < sp.open) return sp.open;
      if (ms < sp.close) return ms;
      continue;
    }
    return sp.open;
  }
  return ms;
}

/** Same clock time on the next open day after the local day of `ms`. */
function sameTimeNextOpenDay(ms: number, s: Hours): number {
  for (let i = 1; i < 367; i++) {
    const day = addCalendarDays(ms, i, s.timeZone);
    if (span(day, s)) return day;
  }
  return addCalendarDays(ms, 1, s.timeZone);
}

/**
 * The "within 1 business day" deadline: the same clock time on the next open day, counting from
 * the next opening time when the lead arrived while the dealership was closed.
 */
export function businessDayDeadline(assignedAt: number, s: Hours): number {
  return sameTimeNextOpenDay(nextOpening(assignedAt, s), s);
}

/** Whether the first contact came within 1 business day. */
export function withinOneBusinessDay(assignedAt: number, firstContactAt: number | null, s: Hours): boolean {
  return firstContactAt !== null && firstContactAt <= businessDayDeadline(assignedAt, s);
}

/** Open milliseconds between two instants (for "48 working hours"). */
export function workingMsBetween(from: number, to: number, s: Hours): number {
  if (to <= from) return 0;
  let total = 0;
  let cursor = from;
  for (let i = 0; i < 400 && cursor < to; i++) {
    const sp = span(cursor, s);
    if (sp) total += Math.max(0, Math.min(to, sp.close) - Math.max(cursor, sp.open));
    const w = wallTime(cursor, s.timeZone);
    cursor = addCalendarDays(
      fromWallTime({ year: w.year, month: w.month, day: w.day, hour: 0, minute: 0, second: 0 }, s.timeZone),
      1,
      s.timeZone,
    );
  }
  return total;
}

/** Whether the local day of `ms` is a working day (opening hours that weekday, not a public holiday). */
export function isWorkingDay(ms: number, s: Hours): boolean {
  return span(ms, s) !== null;
}

/**
 * The instant `ms` of working-day time after `from` (docs/rules.md §8: "48 hours within a working period" are two
 * working days). The clock runs around the clock on working days and pauses on closed days and public
 * holidays; it does NOT pause outside opening hours (that would stretch 48 hours to about a week).
 */
export function addWorkingDayMs(from: number, ms: number, s: Hours): number {
  let remaining = ms;
  let cursor = from;
  for (let i = 0; i < 800; i++) {
    const w = wallTime(cursor, s.timeZone);
    const dayStart = fromWallTime(
      { year: w.year, month: w.month, day: w.day, hour: 0, minute: 0, second: 0 },
      s.timeZone,
    );
    const next = addCalendarDays(dayStart, 1, s.timeZone);
    if (span(cursor, s)) {
      if (remaining <= next - cursor) return cursor + remaining;
      remaining -= next - cursor;
    }
    cursor = next;
  }
  return from + ms;
}
