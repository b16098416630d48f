import { describe, expect, it } from 'vitest';
import { figureFilter, pct, ratio, slaRate, trafficLight } from './figures';

describe('KPI figures', () => {
  it.each([
    [0.7, 0.7, 'green'],
    [0.95, 0.7, 'green'],
    [0.6999, 0.7, 'amber'],
    [0.6, 0.7, 'amber'],
    [0.5999, 0.7, 'red'],
    [0.9, 0.9, 'green'],
    [0.8, 0.9, 'amber'],
    [0.79, 0.9, 'red'],
    [null, 0.7, 'none'],
    [0, 0, 'green'],
  ] as const)('rate %s against target %s is %s', (rate, target, light) => {
    expect(trafficLight(rate, target)).toBe(light);
  });

  it('rates leave pending leads out and are null without data', () => {
    expect(slaRate({ met: 3, missed: 1 })).toBe(0.75);
    expect(slaRate({ met: 0, missed: 0 })).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(1, 0)).toBeNull();
    expect(pct(0.7345, 'it-IT')).toBe('73,5 %');
    expect(pct(null)).toBe('—');
  });

  it('a figure carries its click-through filter', () => {
    expect(figureFilter({ from: 1, to: 2, at: 3 }, 'sla1_missed', { campaign: 'seasonal_promo' })).toEqual({
      metric: 'sla1_missed',
      from: 1,
      to: 2,
      at: 3,
      campaign: 'seasonal_promo',
    });
  });
});
