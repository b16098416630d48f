// A fast, cached version of businessDayDeadline (shared/rules/businessTime.ts) for computing the
// "within 1 business day" deadline of many leads (stored as leads.business_due_at). It gives exactly
// the same instant (a test compares both on thousands of instants, across DST changes and holidays):
// it only caches the zone's offset per 15 minutes and each local day's opening span.
import type { RuleSettings } from '../../domain/settings';
import { fromWallTime, wallTime } from '../time';

type Hours = Pick<RuleSettings, 'openingHours' | 'holidays' | 'timeZone'>;
const Q = 15 * 60_000;
const DAY = 86_400_000;

export function businessDeadlineCalculator(s: Hours): (assignedAt: number) => number {
  const offsets = new Map<number, number>();
  const offset = (ms: number): number => {
    const k = Math.floor(ms / Q);
    let o = offsets.get(k);
    if (o === undefined) {
      const t = k * Q;
      const w = wallTime(t, s.timeZone);
      o = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - t;
      offsets.set(k, o);
    }
    return o;
  };
  /** The same algorithm as time.ts#fromWallTime, on the cached offsets. */
  const fromLocal = (naive: number): number => {
    let guess = naive - offset(naive);
    const second = naive - offset(guess);
    if (second !== guess) guess = second;
    return guess;
  };
  const holidays = new Set(s.holidays);
  const spans = new Map<number, { open: number; close: number } | null>();
  /** Opening span of local day number `d` (days since 1970-01-01 in the zone). */
  const span = (d: number): { open: number; close: number } | null => {
    let sp = spans.get(d);
    if (sp !== undefined) return sp;
    const date = new Date(d * DAY);
    const key = date.toISOString().slice(0, 10);
    const h = holidays.has(key) ? null : s.openingHours[date.getUTCDay()];
    if (!h) sp = null;
    else {
      const at = (t: string) => {
        const [hh, mm] = t.split(':').map(Number);
        return fromWallTime(
          {
            year: date.getUTCFullYear(),
            month: date.getUTCMonth() + 1,
            day: date.getUTCDate(),
            hour: hh ?? 0,
            minute: mm ?? 0,
            second: 0,
          },
          s.timeZone,
        );
      };
      sp = { open: at(h.open), close: at(h.close) };
    }
    spans.set(d, sp);
    return sp;
  };
  const localDay = (ms: number): number => Math.floor((ms + offset(ms)) / DAY);

  return (assignedAt) => {
    // Next opening at or after assignedAt.
    let d = localDay(assignedAt);
    let start = assignedAt;
    const first = span(d);
    if (!(first && assignedAt < first.close)) {
      let found = false;
      for (let i = 1; i < 366; i++) {
        const sp = span(d + i);
        if (sp) {
          start = sp.open;
          d = d + i;
          found = true;
          break;
        }
      }
      if (!found) {
        start = assignedAt;
      }
    } else if (assignedAt < first.open) start = first.open;
    // Same clock time on the next open day after the local day of `start`.
    const local = start + offset(start);
    const day = localDay(start);
    const timeOfDay = local - day * DAY;
    for (let i = 1; i < 367; i++) {
      if (span(day + i)) return fromLocal((day + i) * DAY + timeOfDay);
    }
    return fromLocal((day + 1) * DAY + timeOfDay);
  };
}
