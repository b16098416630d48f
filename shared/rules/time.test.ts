import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MIN, iso } from './testing/fixtures';
import {
  addCalendarDays,
  calendarDaysBetween,
  fromWallTime,
  isValidTimeZone,
  localDate,
  startOfLocalDay,
  wallTime,
} from './time';

const ROME = 'Europe/Rome';
const UTC = 'UTC';

describe('addCalendarDays: same wall-clock time N local days later', () => {
  it.each([
    // [what, tz, from, days, expected, elapsed hours]
    ['spring forward (Sat → Sun 29 Mar): 23 h', ROME, '2026-03-28T12:00+01:00', 1, '2026-03-29T12:00+02:00', 23],
    [
      'spring forward, 10 days across the change: 239 h',
      ROME,
      '2026-03-25T10:00+01:00',
      10,
      '2026-04-04T10:00+02:00',
      239,
    ],
    ['the day after the change: back to 24 h', ROME, '2026-03-29T12:00+02:00', 1, '2026-03-30T12:00+02:00', 24],
    ['before the switch on the DST night itself', ROME, '2026-03-28T01:30+01:00', 1, '2026-03-29T01:30+01:00', 24],
    ['fall back (Sat → Sun 25 Oct): 25 h', ROME, '2026-10-24T12:00+02:00', 1, '2026-10-25T12:00+01:00', 25],
    ['fall back, 10 days across the change: 241 h', ROME, '2026-10-20T10:00+02:00', 10, '2026-10-30T10:00+01:00', 241],
    ['backwards across spring forward', ROME, '2026-04-04T10:00+02:00', -10, '2026-03-25T10:00+01:00', -239],
    ['backwards across fall back', ROME, '2026-10-30T10:00+01:00', -10, '2026-10-20T10:00+02:00', -241],
    ['60 days across spring forward', ROME, '2026-03-10T10:00+01:00', 60, '2026-05-09T10:00+02:00', 60 * 24 - 1],
    ['year end', ROME, '2026-12-25T09:00+01:00', 10, '2027-01-04T09:00+01:00', 240],
    ['leap day (UTC)', UTC, '2028-02-28T10:00Z', 1, '2028-02-29T10:00Z', 24],
    ['UTC has no DST: 10 days = 240 h', UTC, '2026-03-25T10:00Z', 10, '2026-04-04T10:00Z', 240],
    ['UTC: 60 days = 1440 h', UTC, '2026-10-01T00:00Z', 60, '2026-11-30T00:00Z', 1440],
    ['zero days', ROME, '2026-07-01T08:15+02:00', 0, '2026-07-01T08:15+02:00', 0],
  ])('%s', (_what, tz, from, days, expected, hours) => {
    const out = addCalendarDays(iso(from), days, tz);
    expect(new Date(out).toISOString()).toBe(new Date(iso(expected)).toISOString());
    expect((out - iso(from)) / HOUR).toBe(hours);
  });

  it('keeps the milliseconds', () => {
    expect(addCalendarDays(iso('2026-03-28T12:00:00.123+01:00'), 1, ROME)).toBe(iso('2026-03-29T12:00:00.123+02:00'));
  });

  it('a wall time that does not exist (02:30 on 29 Mar in Rome) moves forward by the gap: 03:30 CEST', () => {
    expect(addCalendarDays(iso('2026-03-28T02:30+01:00'), 1, ROME)).toBe(iso('2026-03-29T03:30+02:00'));
  });

  it('a wall time that happens twice (02:30 on 25 Oct in Rome) lands on 02:30 that day', () => {
    const out = addCalendarDays(iso('2026-10-24T02:30+02:00'), 1, ROME);
    expect([iso('2026-10-25T02:30+02:00'), iso('2026-10-25T02:30+01:00')]).toContain(out);
    expect(wallTime(out, ROME)).toMatchObject({ day: 25, hour: 2, minute: 30 });
  });
});

describe('wallTime', () => {
  it.each([
    // [instant, tz, y, mo, d, h, mi, s, weekday]
    ['2026-03-02T08:00:00Z', ROME, 2026, 3, 2, 9, 0, 0, 1],
    ['2026-03-29T00:59:59Z', ROME, 2026, 3, 29, 1, 59, 59, 0],
    ['2026-03-29T01:00:00Z', ROME, 2026, 3, 29, 3, 0, 0, 0],
    ['2026-10-25T00:30:00Z', ROME, 2026, 10, 25, 2, 30, 0, 0],
    ['2026-10-25T01:30:00Z', ROME, 2026, 10, 25, 2, 30, 0, 0],
    ['2026-03-01T23:00:00Z', ROME, 2026, 3, 2, 0, 0, 0, 1],
    ['2026-12-31T23:30:00Z', ROME, 2027, 1, 1, 0, 30, 0, 5],
    ['2026-12-31T23:30:00Z', UTC, 2026, 12, 31, 23, 30, 0, 4],
    ['2026-03-07T12:00:00Z', UTC, 2026, 3, 7, 12, 0, 0, 6],
  ])('%s in %s', (at, tz, year, month, day, hour, minute, second, weekday) => {
    expect(wallTime(iso(at), tz)).toEqual({ year, month, day, hour, minute, second, weekday });
  });
});

describe('fromWallTime', () => {
  it.each([
    ['winter (CET, UTC+1)', ROME, [2026, 1, 15, 10, 0, 0], '2026-01-15T09:00:00Z'],
    ['summer (CEST, UTC+2)', ROME, [2026, 7, 15, 10, 0, 0], '2026-07-15T08:00:00Z'],
    ['last minute before spring forward', ROME, [2026, 3, 29, 1, 59, 0], '2026-03-29T00:59:00Z'],
    ['first minute after spring forward', ROME, [2026, 3, 29, 3, 0, 0], '2026-03-29T01:00:00Z'],
    ['in the spring gap: later offset (02:30 → 03:30 CEST)', ROME, [2026, 3, 29, 2, 30, 0], '2026-03-29T01:30:00Z'],
    ['after fall back', ROME, [2026, 10, 25, 3, 0, 0], '2026-10-25T02:00:00Z'],
    ['local midnight on 1 Jan', ROME, [2027, 1, 1, 0, 0, 0], '2026-12-31T23:00:00Z'],
    ['UTC', UTC, [2026, 3, 29, 2, 30, 0], '2026-03-29T02:30:00Z'],
  ] as const)('%s', (_what, tz, [year, month, day, hour, minute, second], expected) => {
    expect(new Date(fromWallTime({ year, month, day, hour, minute, second }, tz)).toISOString()).toBe(
      new Date(expected).toISOString(),
    );
  });

  it('adds the milliseconds', () => {
    expect(fromWallTime({ year: 2026, month: 5, day: 4, hour: 8, minute: 30, second: 15 }, ROME, 250)).toBe(
      iso('2026-05-04T08:30:15.250+02:00'),
    );
  });

  describe.each([ROME, UTC, 'America/New_York'])('round trips in %s', (tz) => {
    // Every 15 minutes over both DST weekends of 2026 (EU and US).
    const spans: [string, string][] = [
      ['2026-03-07T00:00Z', '2026-03-09T12:00Z'],
      ['2026-03-28T00:00Z', '2026-03-30T00:00Z'],
      ['2026-10-24T00:00Z', '2026-10-26T00:00Z'],
      ['2026-10-31T12:00Z', '2026-11-02T12:00Z'],
    ];
    const instants = spans.flatMap(([a, b]) => {
      const out: number[] = [];
      for (let t = iso(a); t < iso(b); t += 15 * MIN) out.push(t);
      return out;
    });

    it('wallTime(fromWallTime(w)) === w for every wall time that exists', () => {
      for (const t of instants) {
        const w = wallTime(t, tz);
        const { weekday: _wd, ...wall } = w;
        expect(wallTime(fromWallTime(wall, tz), tz)).toEqual(w);
      }
    });

    it('fromWallTime(wallTime(t)) === t except in the repeated hour of a fall-back night', () => {
      for (const t of instants) {
        const { weekday: _wd, ...wall } = wallTime(t, tz);
        const back = fromWallTime(wall, tz);
        // In the repeated hour the same wall time has two instants, one hour apart.
        if (back !== t) expect(Math.abs(back - t)).toBe(HOUR);
        else expect(back).toBe(t);
      }
    });
  });
});

describe('localDate', () => {
  it.each([
    ['2026-03-28T23:30:00Z', ROME, '2026-03-29'],
    ['2026-03-28T23:30:00Z', UTC, '2026-03-28'],
    ['2026-12-31T23:00:00Z', ROME, '2027-01-01'],
    ['2026-12-31T22:59:59.999Z', ROME, '2026-12-31'],
    ['2026-06-30T22:00:00Z', ROME, '2026-07-01'],
    ['2026-06-30T21:59:59Z', ROME, '2026-06-30'],
  ])('%s in %s → %s', (at, tz, expected) => {
    expect(localDate(iso(at), tz)).toBe(expected);
  });
});

describe('startOfLocalDay', () => {
  it.each([
    ['spring-forward day (23 h long)', ROME, '2026-03-29T12:00+02:00', '2026-03-29T00:00+01:00'],
    ['fall-back day (25 h long)', ROME, '2026-10-25T12:00+01:00', '2026-10-25T00:00+02:00'],
    ['ordinary day', ROME, '2026-03-02T23:59:59+01:00', '2026-03-02T00:00+01:00'],
    ['UTC', UTC, '2026-03-29T12:00Z', '2026-03-29T00:00Z'],
  ])('%s', (_what, tz, at, expected) => {
    expect(startOfLocalDay(iso(at), tz)).toBe(iso(expected));
  });
});

describe('calendarDaysBetween', () => {
  it.each([
    ['one hour apart across local midnight', ROME, '2026-03-28T23:30+01:00', '2026-03-29T00:30+01:00', 1],
    ['same local day, almost 24 h apart', ROME, '2026-03-02T00:00+01:00', '2026-03-02T23:59+01:00', 0],
    ['across spring forward', ROME, '2026-03-28T12:00+01:00', '2026-04-07T12:00+02:00', 10],
    ['across spring forward, 239 h', ROME, '2026-03-25T10:00+01:00', '2026-04-04T10:00+02:00', 10],
    ['across fall back, 241 h', ROME, '2026-10-20T10:00+02:00', '2026-10-30T10:00+01:00', 10],
    ['backwards', ROME, '2026-04-07T12:00+02:00', '2026-03-28T12:00+01:00', -10],
    ['late evening to early morning, Rome: same day', ROME, '2026-03-28T23:30Z', '2026-03-29T00:30Z', 0],
    ['late evening to early morning, UTC: next day', UTC, '2026-03-28T23:30Z', '2026-03-29T00:30Z', 1],
    ['over a year end', ROME, '2026-12-31T20:00+01:00', '2027-01-01T08:00+01:00', 1],
    ['leap year February', UTC, '2028-02-01T00:00Z', '2028-03-01T00:00Z', 29],
  ])('%s', (_what, tz, a, b, days) => {
    expect(calendarDaysBetween(iso(a), iso(b), tz)).toBe(days);
  });

  it('is the inverse of addCalendarDays', () => {
    const start = iso('2026-03-20T10:00+01:00');
    for (let n = -40; n <= 240; n += 7)
      expect(calendarDaysBetween(start, addCalendarDays(start, n, ROME), ROME)).toBe(n);
  });

  it('counts 24 h blocks only in UTC', () => {
    expect(calendarDaysBetween(0, 10 * DAY, UTC)).toBe(10);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    [ROME, true],
    [UTC, true],
    ['America/New_York', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('%s → %s', (tz, ok) => {
    expect(isValidTimeZone(tz)).toBe(ok);
  });
});

describe('wallTime = Intl, hour by hour (the per-hour offset memo)', () => {
  // The reference: Intl itself, for every instant.
  const fmt = new Map<string, Intl.DateTimeFormat>();
  const intl = (ms: number, tz: string) => {
    let f = fmt.get(tz);
    if (!f)
      fmt.set(
        tz,
        (f = new Intl.DateTimeFormat('en-US', {
          timeZone: tz,
          hourCycle: 'h23',
          weekday: 'short',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        })),
      );
    const o: Record<string, string> = {};
    for (const p of f.formatToParts(new Date(ms))) o[p.type] = p.value;
    return {
      year: +o.year!,
      month: +o.month!,
      day: +o.day!,
      hour: +o.hour!,
      minute: +o.minute!,
      second: +o.second!,
      weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(o.weekday!),
    };
  };
  // Zones with DST at whole hours, at half hours (Lord Howe), odd offsets (Kathmandu +5:45, Chatham +12:45/+13:45),
  // the southern hemisphere, and none.
  const ZONES = [
    'Europe/Rome',
    'Europe/London',
    'Europe/Zurich',
    'America/New_York',
    'America/Sao_Paulo',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'UTC',
    'Asia/Tokyo',
  ];
  it.each(ZONES)('%s: 4,000 instants from 1970 to 2040, and every 5 s around each DST switch of 2024–2027', (tz) => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const from = Date.UTC(1970, 0, 1);
    const to = Date.UTC(2040, 0, 1);
    for (let i = 0; i < 4_000; i++) {
      const ms = Math.floor(from + rnd() * (to - from));
      expect(wallTime(ms, tz), `${tz} ${new Date(ms).toISOString()}`).toEqual(intl(ms, tz));
    }
    // Find the switches (the offset changes between two quarter hours) and check the seconds and milliseconds around them.
    const off = (ms: number) => {
      const w = intl(ms, tz);
      return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - (ms - (ms % 1000));
    };
    let switches = 0;
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2028, 0, 1); day += DAY) {
      if (off(day) === off(day + DAY)) continue;
      for (let t = day; t < day + DAY; t += 15 * MIN) {
        if (off(t) === off(t + 15 * MIN)) continue;
        switches++;
        for (let s = t - 5_000; s <= t + 15 * MIN + 5_000; s += 4_999)
          expect(wallTime(s, tz), `${tz} ${new Date(s).toISOString()}`).toEqual(intl(s, tz));
      }
    }
    if (['UTC', 'Asia/Tokyo', 'Asia/Kathmandu'].includes(tz)) expect(switches).toBe(0);
    else if (tz !== 'America/Sao_Paulo') expect(switches).toBe(8); // Brazil has had no DST since 2019
  });
});
