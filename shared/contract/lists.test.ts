import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_PREFS, LIST_COLUMNS, listPrefsSchema, normalizeListPrefs } from './lists';

describe('the list layout', () => {
  it.each([
    ['defaults stay', DEFAULT_LIST_PREFS, [...LIST_COLUMNS], []],
    [
      'duplicates dropped, missing columns appended',
      { ...DEFAULT_LIST_PREFS, order: ['sla', 'name', 'sla'] },
      ['sla', 'name', ...LIST_COLUMNS.filter((c) => c !== 'sla' && c !== 'name')],
      [],
    ],
    [
      'the name cannot be hidden',
      { ...DEFAULT_LIST_PREFS, hidden: ['name', 'source', 'source'] },
      [...LIST_COLUMNS],
      ['source'],
    ],
  ] as const)('%s', (_name, input, order, hidden) => {
    const p = normalizeListPrefs(listPrefsSchema.parse(input));
    expect(p.order).toEqual(order);
    expect(p.hidden).toEqual(hidden);
  });
  it.each([
    ['a width too small', { widths: { name: 10 } }],
    ['an unknown column', { order: ['name', 'vin'] }],
    ['a page size not offered', { pageSize: 30 }],
  ])('refuses %s', (_name, input) => {
    expect(listPrefsSchema.safeParse(input).success).toBe(false);
  });
  it('fills what is missing with the defaults', () => {
    expect(listPrefsSchema.parse({})).toEqual(DEFAULT_LIST_PREFS);
  });
});
