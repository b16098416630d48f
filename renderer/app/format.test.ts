// The dates with times and the whole numbers are written without Intl (a page's first use of Intl costs the start-up
// 30–110 ms): they must read exactly as Intl writes them, in each of the four languages, in this machine's time zone.
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from './format';

const LANGS = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE', it: 'it-IT' } as const;
const DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

// Every hour of two years around now (a summer-time change included), plus the edges of the four-digit years.
const times: number[] = [];
for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000 + 61_000) times.push(t);
times.push(0, -1, Date.UTC(1000, 0, 1, 12), Date.UTC(9999, 11, 31, 12), Date.UTC(999, 5, 1), Date.UTC(10000, 5, 1));
const numbers = [0, 1, 7, 999, 1000, 1234, 9999, 10_000, 12_345, 999_999, 1_000_000, 263_152, 1_234_567_890];
const others = [-0, -1, -1234, -12_345, 0.5, 1234.56, 12_345.678, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity];

describe('one formatter, written as Intl writes it', () => {
  it.each(Object.entries(LANGS))('%s: dates with and without the time', (lang, tag) => {
    const dt = new Intl.DateTimeFormat(tag, { ...DATE, ...TIME });
    const d = new Intl.DateTimeFormat(tag, DATE);
    for (const t of times) {
      expect(formatDateTime(t, lang)).toBe(dt.format(t));
      expect(formatDate(t, lang)).toBe(d.format(t));
    }
    expect(formatDateTime(null, lang)).toBe('');
    expect(formatDate(undefined, lang)).toBe('');
  });

  it.each(Object.entries(LANGS))(
    '%s: whole numbers with their separators, and the others through Intl',
    (lang, tag) => {
      for (const n of [...numbers, ...numbers.map((x) => -x), ...others]) {
        expect(formatNumber(n, lang)).toBe(new Intl.NumberFormat(tag).format(n));
        expect(formatNumber(n, lang, 1)).toBe(new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(n));
      }
    },
  );

  it('an unknown language is written as English', () => {
    expect(formatNumber(12_345, 'xx')).toBe('12,345');
    expect(formatDate(Date.UTC(2026, 10, 20, 12), 'xx')).toBe('20/11/2026');
  });
});
