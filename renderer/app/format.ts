// THE formatter of dates, times and numbers in the user's language (en → en-GB, fr-FR, de-DE, it-IT), in this PC's
// time zone; every screen goes through it (four-digit years in every language, thousands separators).
// Dates with times and whole numbers — what the lists and the counts show at start-up — are written here from the
// date's fields, as Intl writes them in these four locales (format.test.ts compares them for many values): a page's
// first use of Intl reads the ICU data, 30–110 ms of the start-up's main thread. Everything else goes through Intl.
import { localeTag } from '../i18n/localeTag';

interface Pattern {
  /** Between day, month and year. */
  date: string;
  /** Between the date and the time. */
  time: string;
  /** Thousands separator, and the smallest number that gets one (Italian: 10 000, not 1 000). */
  group: string;
  groupFrom: number;
}
const PATTERNS: Record<string, Pattern> = {
  'en-GB': { date: '/', time: ', ', group: ',', groupFrom: 1_000 },
  'fr-FR': { date: '/', time: ' ', group: '\u202f', groupFrom: 1_000 },
  'de-DE': { date: '.', time: ', ', group: '.', groupFrom: 1_000 },
  'it-IT': { date: '/', time: ', ', group: '.', groupFrom: 10_000 },
};
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The date (and time) in this PC's zone, or null when Intl must write it (a year outside 1000–9999). */
function written(ms: number, lang: string, withTime: boolean): string | null {
  const p = PATTERNS[localeTag(lang)];
  const d = new Date(ms);
  const y = d.getFullYear();
  if (!p || !(y >= 1000 && y <= 9999)) return null;
  const date = `${pad(d.getDate())}${p.date}${pad(d.getMonth() + 1)}${p.date}${y}`;
  return withTime ? `${date}${p.time}${pad(d.getHours())}:${pad(d.getMinutes())}` : date;
}

/** A whole number with its thousands separators, or null when Intl must write it. */
function writtenInteger(n: number, lang: string): string | null {
  const p = PATTERNS[localeTag(lang)];
  if (!p || !Number.isSafeInteger(n) || Object.is(n, -0)) return null;
  const digits = String(Math.abs(n));
  const grouped = Math.abs(n) < p.groupFrom ? digits : digits.replace(/\B(?=(\d{3})+$)/g, p.group);
  return n < 0 ? `-${grouped}` : grouped;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(localeTag(lang), opts);
    cache.set(key, f);
  }
  return f;
}
const DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
export const formatDateTime = (ms: number | null | undefined, lang: string): string =>
  ms === null || ms === undefined ? '' : (written(ms, lang, true) ?? fmt(lang, { ...DATE, ...TIME }).format(ms));
export const formatDate = (ms: number | null | undefined, lang: string): string =>
  ms === null || ms === undefined ? '' : (written(ms, lang, false) ?? fmt(lang, DATE).format(ms));

/** A calendar day stored as `YYYY-MM-DD` (holidays, workshop days, KPI periods), independent of the PC's zone. */
export type DayStyle = 'short' | 'weekday' | 'long';
const DAY: Record<DayStyle, Intl.DateTimeFormatOptions> = {
  short: { ...DATE, timeZone: 'UTC' },
  weekday: { weekday: 'short', day: '2-digit', month: '2-digit', timeZone: 'UTC' },
  long: { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
};
export function formatDay(day: string, lang: string, style: DayStyle = 'short'): string {
  const t = Date.parse(`${day}T12:00:00Z`);
  return Number.isNaN(t) ? day : fmt(lang, DAY[style]).format(t);
}
/** A span of calendar days: "16/11/2026 – 22/11/2026". */
export const formatDayRange = (from: string, to: string, lang: string): string =>
  from === to ? formatDay(from, lang) : `${formatDay(from, lang)} – ${formatDay(to, lang)}`;

const numbers = new Map<string, Intl.NumberFormat>();
function num(lang: string, opts: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(opts)}`;
  let f = numbers.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeTag(lang), opts);
    numbers.set(key, f);
  }
  return f;
}
export const formatNumber = (n: number, lang: string, maximumFractionDigits?: number): string =>
  writtenInteger(n, lang) ?? num(lang, maximumFractionDigits === undefined ? {} : { maximumFractionDigits }).format(n);
export const formatPercent = (n: number | null, lang: string): string =>
  n === null ? '—' : num(lang, { style: 'percent', maximumFractionDigits: 1 }).format(n);
export const formatMegabytes = (bytes: number, lang: string): string =>
  num(lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1_048_576);
export const daysBetween = (from: number, to: number): number => Math.max(0, Math.floor((to - from) / 86_400_000));
