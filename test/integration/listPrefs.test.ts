// The list layout is remembered per person in the core (desk.listPrefs.*), like the language.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListPrefs } from '../../shared/contract/lists';
import { DEFAULT_LIST_PREFS } from '../../shared/contract/lists';
import { err, ok, openTestApp, type TestApp } from './helpers';

let app: TestApp;
beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app.close());

describe('desk.listPrefs', () => {
  it('one layout per person, the defaults until they change it; a bad value changes nothing', async () => {
    const a = await ok<{ id: number }>(app.core, 'people.save', { name: 'Anna Bianchi', roles: ['service_advisor'] });
    const b = await ok<{ id: number }>(app.core, 'people.save', { name: 'Dino Desk', roles: ['booking_operator'] });
    await ok(app.core, 'people.switch', { userId: a.id });
    expect(await ok<ListPrefs>(app.core, 'desk.listPrefs.get', {})).toEqual(DEFAULT_LIST_PREFS);
    const saved = await ok<ListPrefs>(app.core, 'desk.listPrefs.set', {
      order: ['sla', 'name'],
      hidden: ['name', 'source'],
      widths: { name: 220 },
      pageSize: 100,
    });
    expect(saved.order.slice(0, 3)).toEqual(['sla', 'name', 'createdAt']);
    expect(saved.hidden).toEqual(['source']);
    await ok(app.core, 'people.switch', { userId: b.id });
    expect(await ok<ListPrefs>(app.core, 'desk.listPrefs.get', {})).toEqual(DEFAULT_LIST_PREFS);
    await ok(app.core, 'people.switch', { userId: a.id });
    expect(await ok<ListPrefs>(app.core, 'desk.listPrefs.get', {})).toEqual(saved);
    expect((await err(app.core, 'desk.listPrefs.set', { pageSize: 7 })).code).toBe('INVALID_INPUT');
    expect(await ok<ListPrefs>(app.core, 'desk.listPrefs.get', {})).toEqual(saved);
  });
});
