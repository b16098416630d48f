import { describe, expect, it } from 'vitest';
import { parseDateTime } from './parseDateTime';

const at = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();

describe("parseDateTime (a typed date-time, day month year, this PC's zone)", () => {
  const ok: [string, number, boolean?][] = [
    ['25/11/2026 14:30', at(2026, 11, 25, 14, 30)], // fr, it, en-gb
    ['25.11.2026 14:30', at(2026, 11, 25, 14, 30)], // de
    ['25.11.2026, 14:30 Uhr', at(2026, 11, 25, 14, 30)],
    ['5/3/2026 9:05', at(2026, 3, 5, 9, 5)],
    ['25-11-26 14h30', at(2026, 11, 25, 14, 30)],
    ['25/11/2026 14.30', at(2026, 11, 25, 14, 30)],
    ['25/11/2026 14', at(2026, 11, 25, 14, 0)],
    ['25/11/2026 2:30 PM', at(2026, 11, 25, 14, 30)],
    ['25/11/2026 12:00 am', at(2026, 11, 25, 0, 0)],
    ['2026-11-25 14:30', at(2026, 11, 25, 14, 30)],
    ['  29/02/2028 08:00 ', at(2028, 2, 29, 8, 0)], // leap year
    ['25/11/2026', at(2026, 11, 25), true],
    ['2026-11-25', at(2026, 11, 25), true],
  ];
  it.each(ok)('%s', (text, ms, dateOnly) => {
    expect(parseDateTime(text, { dateOnly })).toEqual({ kind: 'ok', ms });
  });

  const bad: [string, boolean?][] = [
    ['31/02/2026 10:00'],
    ['29/02/2027 10:00'],
    ['32/01/2026 10:00'],
    ['10/13/2026 10:00'],
    ['25/11/2026 24:00'],
    ['25/11/2026 14:60'],
    ['25/11/2026 13:00 PM'],
    ['25/11/2026'], // a date-time needs its time
    ['25/11/2026 14:30', true],
    ['tomorrow'],
    ['25/11'],
    ['31/04/2026', true],
    ['2026-02-30', true],
  ];
  it.each(bad)('%s is refused', (text, dateOnly) => {
    expect(parseDateTime(text, { dateOnly })).toEqual({ kind: 'invalid' });
  });

  it('blank is empty', () => {
    expect(parseDateTime('  ')).toEqual({ kind: 'empty' });
  });
});
