import { describe, expect, it } from 'vitest';
import { defaultRuleSettings } from '../../domain/settings';
import { businessDayDeadline } from '../businessTime';
import { businessDeadlineCalculator } from './businessDeadline';

describe('businessDeadlineCalculator', () => {
  for (const tz of ['Europe/Rome', 'America/New_York', 'Asia/Kolkata', 'UTC']) {
    it(`gives exactly businessDayDeadline's instant in ${tz}`, () => {
      const s = {
        ...defaultRuleSettings(tz),
        holidays: ['2026-03-30', '2026-10-26', '2026-12-25', '2026-12-26', '2026-11-02'],
      };
      const fast = businessDeadlineCalculator(s);
      let seed = 7;
      const rnd = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const start = Date.parse('2026-03-20T00:00:00Z');
      const samples: number[] = [];
      for (let i = 0; i < 1500; i++) samples.push(start + Math.floor(rnd() * 280 * 86_400_000));
      // Exact boundaries: openings, closings, midnights around the DST weekends.
      for (const iso of [
        '2026-03-28T17:30:00Z',
        '2026-03-29T00:30:00Z',
        '2026-03-29T01:00:00Z',
        '2026-10-24T10:30:00Z',
        '2026-10-25T01:30:00Z',
        '2026-03-27T17:30:00Z',
        '2026-11-07T11:30:00Z',
      ])
        samples.push(Date.parse(iso));
      for (const t of samples) expect([t, fast(t)]).toEqual([t, businessDayDeadline(t, s)]);
    });
  }
});
