// Calendar arithmetic in the dealer's time zone, with Intl only (no Node, no DOM, no clock).

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time of an instant in a zone, from Intl (≈ 5 µs a call). */
function intlWallTime(ms: number, timeZone: string): WallTime {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) out[p.type] = p.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour),
    minute: Number(out.minute),
    second: Number(out.second),
    weekday: WEEKDAYS[out.weekday ?? 'Sun'] ?? 0,
  };
}

/** The zone's offset from UTC at a whole second, from Intl. */
function intlOffset(second: number, timeZone: string): number {
  const w = intlWallTime(second, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - second;
}

/**
 * Per zone, per UTC hour: the zone's offset when it is the same at the hour's first and last second (NaN when it
 * changes within the hour: a DST switch). A switch is instantaneous and a zone never switches twice within an hour,
 * so the offset read there holds for the whole hour. Memo only: the same results as Intl (time.test.ts compares).
 */
const hourOffsets = new Map<string, Map<number, number>>();

/** The wall-clock time of an instant in a zone. */
export function wallTime(ms: number, timeZone: string): WallTime {
  const hour = Math.floor(ms / HOUR);
  let zone = hourOffsets.get(timeZone);
  if (!zone) hourOffsets.set(timeZone, (zone = new Map()));
  let off = zone.get(hour);
  if (off === undefined) {
    const first = intlOffset(hour * HOUR, timeZone);
    off = first === intlOffset(hour * HOUR + HOUR - 1000, timeZone) ? first : NaN;
    if (zone.size >= 200_000) zone.clear();
    zone.set(hour, off);
  }
  if (Number.isNaN(off)) return intlWallTime(ms, timeZone);
  const d = new Date(ms + off);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

function offsetAt(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The instant at which the zone's clock shows the given wall time (the later offset wins in a gap). */
export function fromWallTime(w: Omit<WallTime, 'weekday'>, timeZone: string, millis = 0): number {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, millis);
  let guess = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(guess, timeZone);
  if (second !== guess) guess = second;
  return guess;
}

/** Same wall-clock time `days` calendar days later in the zone (a DST day lasts 23 or 25 hours). */
export function addCalendarDays(ms: number, days: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  const millis = ((ms % 1000) + 1000) % 1000;
  return fromWallTime(
    { ...w, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() },
    timeZone,
    millis,
  );
}

/** "YYYY-MM-DD" of the instant in the zone. */
export function localDate(ms: number, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Midnight starting the local day of the instant. */
export function startOfLocalDay(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  return fromWallTime({ year: w.year, month: w.month, day: w.day, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** Whole calendar days from `from` to `to` in the zone (local dates, not 24-hour blocks). */
export function calendarDaysBetween(from: number, to: number, timeZone: string): number {
  const a = localDate(from, timeZone).split('-').map(Number) as [number, number, number];
  const b = localDate(to, timeZone).split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / DAY);
}

export const toIso = (ms: number): string => new Date(ms).toISOString();
