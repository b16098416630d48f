// Dates, times and numbers in the user's language, in this PC's time zone.
import { localeTag } from '../i18n';

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) { f = new Intl.DateTimeFormat(localeTag(lang), opts); cache.set(key, f); }
  return f;
}
export const formatDateTime = (ms: number | null | undefined, lang: string): string =>
  ms === null || ms === undefined ? '' : fmt(lang, { dateStyle: 'short', timeStyle: 'short' }).format(ms);
export const formatDate = (ms: number | null | undefined, lang: string): string =>
  ms === null || ms === undefined ? '' : fmt(lang, { dateStyle: 'short' }).format(ms);
export const formatNumber = (n: number, lang: string): string => new Intl.NumberFormat(localeTag(lang)).format(n);
export const formatPercent = (n: number | null, lang: string): string =>
  n === null ? '—' : new Intl.NumberFormat(localeTag(lang), { style: 'percent', maximumFractionDigits: 1 }).format(n);
export const daysBetween = (from: number, to: number): number => Math.max(0, Math.floor((to - from) / 86_400_000));
