// Report periods (docs/rules.md §6, issue #7): a period is the set of leads ASSIGNED in it, counted in
// the dealer's zone — an ISO week runs Monday 00:00 → next Monday 00:00, a month from the 1st 00:00
// to the next 1st, a custom range from its first day 00:00 to the day after its last day 00:00 — and
// it is evaluated as of min(period end, now): an SLA whose window is still open then is pending.
// SLA 3 keeps the domain's own window: the leads assigned in the 60 days before that report date.
import type { RuleSettings } from '../../domain/settings';
import { addCalendarDays, fromWallTime, wallTime } from '../time';
import { inYearRange } from '../../domain/timeBounds';

export type PeriodKind = 'week' | 'month' | 'custom';
/**
 * When a period's figures are evaluated: `end` = as at the end of the period (min(period end, now)): the same
 * report printed later gives the same figures; `now` = as of now: what became known since counts too (a week's
 * SLA 2 misses show once their 10 days have passed).
 */
export const AS_OF = ['end', 'now'] as const;
export type AsOf = (typeof AS_OF)[number];
export interface Period {
  /** Canonical spec: "2026-W47", "2026-11" or "2026-11-01..2026-11-15". */
  spec: string;
  kind: PeriodKind;
  /** First day and last day (inclusive), local "YYYY-MM-DD". */
  firstDay: string;
  lastDay: string;
  /** Leads assigned in [from, to). */
  from: number;
  to: number;
  /** The report date: min(to, now) as at the end of the period, or now. */
  at: number;
  asOf: AsOf;
  /** SLA 3's window: leads assigned in [sla3From, at). */
  sla3From: number;
}

export const PERIOD_PRESETS = ['this-week', 'last-week', 'this-month', 'last-month'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const utcDate = (s: string): Date | null => {
  const m = DATE.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return ymd(d) === s ? d : null;
};
const midnight = (d: Date, tz: string) =>
  fromWallTime(
    { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0, second: 0 },
    tz,
  );

/** Monday of ISO week 1 of `year` (UTC calendar date). */
function isoWeekOneMonday(year: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  return new Date(Date.UTC(year, 0, 4 - ((jan4.getUTCDay() + 6) % 7)));
}
/** ISO weeks in `year` (52 or 53). */
const isoWeeksIn = (year: number) =>
  Math.round((isoWeekOneMonday(year + 1).getTime() - isoWeekOneMonday(year).getTime()) / (7 * 86_400_000));

/** The ISO week ("2026-W47") containing a local calendar date. */
export function isoWeekOf(d: Date): string {
  const thursday = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7)),
  );
  const year = thursday.getUTCFullYear();
  const week =
    1 + Math.round((thursday.getTime() - isoWeekOneMonday(year).getTime() - 3 * 86_400_000) / (7 * 86_400_000));
  return `${year}-W${pad(week)}`;
}

/** The local calendar date (as a UTC Date) of an instant in the zone. */
function localDay(ms: number, tz: string): Date {
  const w = wallTime(ms, tz);
  return new Date(Date.UTC(w.year, w.month - 1, w.day));
}

/** A preset ("this-week"…) as a spec, relative to `now` in the zone. */
export function presetSpec(preset: PeriodPreset, now: number, tz: string): string {
  const today = localDay(now, tz);
  switch (preset) {
    case 'this-week':
      return isoWeekOf(today);
    case 'last-week':
      return isoWeekOf(new Date(today.getTime() - 7 * 86_400_000));
    case 'this-month':
      return ymd(today).slice(0, 7);
    case 'last-month':
      return ymd(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1))).slice(0, 7);
  }
}

/** Whether a string is a valid period spec or preset. */
export function isPeriodSpec(spec: string): boolean {
  return (PERIOD_PRESETS as readonly string[]).includes(spec) || periodDays(spec) !== null;
}

/**
 * Why a string is not a period the desk handles, or null when it is one: DATE_OUT_OF_RANGE for a year outside
 * 2000–2100 (a "0050-05" is not 1950, a "9999-W52" not a report), DATE_INVALID for a week, month or day that
 * does not exist or a range that ends before it starts, INVALID_INPUT for anything else.
 */
export function periodProblem(spec: string): 'DATE_OUT_OF_RANGE' | 'DATE_INVALID' | 'INVALID_INPUT' | null {
  if (isPeriodSpec(spec)) return null;
  const years =
    (WEEK.exec(spec) ?? MONTH.exec(spec))
      ? [spec.slice(0, 4)]
      : RANGE.test(spec)
        ? [spec.slice(0, 4), spec.slice(12, 16)]
        : null;
  if (!years) return 'INVALID_INPUT';
  return years.every((y) => inYearRange(Number(y))) ? 'DATE_INVALID' : 'DATE_OUT_OF_RANGE';
}

/** First and last local day of a spec, or null when it is not one (or its years are outside 2000–2100). */
function periodDays(spec: string): { kind: PeriodKind; first: Date; last: Date; spec: string } | null {
  const p = periodDaysAnyYear(spec);
  return p && inYearRange(p.first.getUTCFullYear()) && inYearRange(p.last.getUTCFullYear()) ? p : null;
}

function periodDaysAnyYear(spec: string): { kind: PeriodKind; first: Date; last: Date; spec: string } | null {
  let m = WEEK.exec(spec);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (week < 1 || week > isoWeeksIn(year)) return null;
    const first = new Date(isoWeekOneMonday(year).getTime() + (week - 1) * 7 * 86_400_000);
    return { kind: 'week', first, last: new Date(first.getTime() + 6 * 86_400_000), spec };
  }
  m = MONTH.exec(spec);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    const first = new Date(Date.UTC(Number(m[1]), month - 1, 1));
    return { kind: 'month', first, last: new Date(Date.UTC(Number(m[1]), month, 0)), spec };
  }
  m = RANGE.exec(spec);
  if (m) {
    const first = utcDate(m[1]!);
    const last = utcDate(m[2]!);
    if (!first || !last || last < first || last.getTime() - first.getTime() > 400 * 86_400_000) return null;
    return { kind: 'custom', first, last, spec };
  }
  return null;
}

/** Which sentence says when the figures are evaluated: at the end of the period, during it (not over yet), or now, after it. */
export const evaluatedKey = (p: Pick<Period, 'asOf' | 'at' | 'to'>): 'end' | 'running' | 'now' =>
  p.at < p.to ? 'running' : p.asOf === 'now' && p.at > p.to ? 'now' : 'end';

/** Resolves a spec or preset to the period's instants, as of `now`. Returns null for a bad spec. */
export function resolvePeriod(
  specOrPreset: string,
  now: number,
  s: Pick<RuleSettings, 'timeZone' | 'sla3WindowDays'>,
  asOf: AsOf = 'end',
): Period | null {
  const spec = (PERIOD_PRESETS as readonly string[]).includes(specOrPreset)
    ? presetSpec(specOrPreset as PeriodPreset, now, s.timeZone)
    : specOrPreset;
  const p = periodDays(spec);
  if (!p) return null;
  const from = midnight(p.first, s.timeZone);
  const to = midnight(new Date(p.last.getTime() + 86_400_000), s.timeZone);
  const at = asOf === 'now' ? now : Math.min(to, now);
  return {
    spec: p.spec,
    kind: p.kind,
    firstDay: ymd(p.first),
    lastDay: ymd(p.last),
    from,
    to,
    at,
    asOf,
    sla3From: addCalendarDays(at, -s.sla3WindowDays, s.timeZone),
  };
}

/** The `count` ISO weeks ending with the week that holds the period's last day, oldest first. */
export function trendWeeks(
  p: Pick<Period, 'lastDay'>,
  now: number,
  s: Pick<RuleSettings, 'timeZone' | 'sla3WindowDays'>,
  count = 12,
): Period[] {
  const last = utcDate(p.lastDay)!;
  const out: Period[] = [];
  for (let i = count - 1; i >= 0; i--)
    out.push(resolvePeriod(isoWeekOf(new Date(last.getTime() - i * 7 * 86_400_000)), now, s)!);
  return out;
}
