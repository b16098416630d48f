// What the desk types in a date(-time) field, in its language's order (en-gb, fr, it, de: day month year),
// to epoch ms in this PC's zone. Pure: the parsing itself is dayjs customParseFormat in strict mode, so an
// impossible date (31/02, 24:00) is refused instead of rolling over.
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

export type Parsed = { kind: 'empty' } | { kind: 'ok'; ms: number } | { kind: 'invalid' };

// 25/11/2026 · 25.11.2026 · 25-11-26, then optionally 14:30 · 14.30 · 14h30 · 14 · 2:30 PM
const LOCAL =
  /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4}|\d{2})(?:(?:\s+|\s*,\s*|T)(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*(?:uhr)?)?$/i;
// 2026-11-25 14:30 (ISO, any language)
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:\s+|T)(\d{1,2})(?::(\d{2}))?)?$/;

const pad = (s: string | number) => String(s).padStart(2, '0');

export function parseDateTime(text: string, opts: { dateOnly?: boolean } = {}): Parsed {
  const s = text.normalize('NFKC').trim();
  if (s === '') return { kind: 'empty' };
  let d: string | undefined,
    m: string | undefined,
    y: string | undefined,
    h: string | undefined,
    min: string | undefined,
    ampm: string | undefined;
  const iso = ISO.exec(s);
  const loc = iso ? null : LOCAL.exec(s);
  if (iso) [, y, m, d, h, min] = iso as unknown as string[];
  else if (loc) [, d, m, y, h, min, ampm] = loc as unknown as string[];
  else return { kind: 'invalid' };
  if (!d || !m || !y) return { kind: 'invalid' };
  if (y.length === 2) y = `20${y}`;
  if (!opts.dateOnly && h === undefined) return { kind: 'invalid' }; // a date-time needs its time
  if (opts.dateOnly && h !== undefined) return { kind: 'invalid' };
  let hour = h === undefined ? 0 : Number(h);
  if (ampm) {
    if (hour < 1 || hour > 12) return { kind: 'invalid' };
    const pm = ampm.toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  const normal = `${y}-${pad(m)}-${pad(d)} ${pad(hour)}:${pad(min ?? '0')}`;
  const parsed = dayjs(normal, 'YYYY-MM-DD HH:mm', true);
  return parsed.isValid() ? { kind: 'ok', ms: parsed.valueOf() } : { kind: 'invalid' };
}
