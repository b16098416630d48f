import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from './index';
import { CHANNEL_PERMISSIONS, permissionOf } from './permissions';

/** Writes that are personal choices or part of working a lead, not settings. */
const OPEN_WRITES = new Set(['settings.setLanguage', 'desk.listPrefs.set', 'customers.setConsents', 'people.switch']); // consents: checked against the lead (peopleService.authorize)

describe('the permission table', () => {
  it('names only real channels', () => {
    for (const c of Object.keys(CHANNEL_PERMISSIONS)) expect(CHANNEL_NAMES).toContain(c);
  });
  it('every channel that changes settings, people or rules needs `manage` (or `group`: a group-wide manager)', () => {
    const settingsWrites = CHANNEL_NAMES.filter(
      (c) => /\.(set[A-Z]?\w*|save|reset|delete)$/.test(c) && !OPEN_WRITES.has(c),
    );
    expect(settingsWrites.length).toBeGreaterThan(8);
    for (const c of settingsWrites) expect(['manage', 'group'], c).toContain(permissionOf(c));
  });
  it("the group's things need a group-wide manager; a site's own settings, its people and leads stay `manage`", () => {
    for (const c of ['settings.setRules', 'settings.setDealer', 'templates.save', 'sites.save', 'workshop.setCapacity'])
      expect(permissionOf(c), c).toBe('group');
    for (const c of ['sites.settings.save', 'people.save', 'assignment.rules.set', 'leads.reassign'])
      expect(permissionOf(c), c).toBe('manage');
  });
  it('every lead action is checked against the assignee', () => {
    for (const c of CHANNEL_NAMES.filter((x) =>
      /^leads\.(edit|recordContact|makeAppointment|closedInSale|closedNoSale|contactAgain)$/.test(x),
    )) {
      expect(permissionOf(c), c).toBe('lead');
    }
  });
  it('unknown names have no permission entry (prototype keys included)', () => {
    expect(permissionOf('__proto__')).toBeNull();
    expect(permissionOf('leads.list')).toBeNull();
  });
});
