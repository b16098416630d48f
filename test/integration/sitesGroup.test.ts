// Sites (issue 15, docs/rules.md §11.8): who changes the group's things, through the real core on both stores. With one
// site, `group` is `manage` exactly (a manager of the one site changes everything); with several, the group's
// settings are a group-wide manager's, and a site's manager changes only their site's own settings and people —
// anything else answers GROUP_MANAGER_ONLY. The second site makes the managers group-wide, and one must stay so.
import { afterAll, describe, expect, it } from 'vitest';
import type { AppSettings } from '../../shared/contract/app';
import { CHANNEL_PERMISSIONS } from '../../shared/contract/permissions';
import type { SiteSettings } from '../../shared/contract/sites';
import { err, ok, openTestApp, sqlGet, sqlRun } from './helpers';

const app = openTestApp(Date.parse('2026-11-20T10:00:00Z'));
afterAll(() => app.close());

type U = { id: number; siteId?: number | null };
const core = () => app.core;
const asUser = (id: number) => ok(core(), 'people.switch', { userId: id });
const GROUP = Object.entries(CHANNEL_PERMISSIONS)
  .filter(([, p]) => p === 'group')
  .map(([c]) => c);
/** The central check itself (the dispatcher's, before any handler) for a channel whose input is hard to make valid. */
const refusal = async (channel: string, input: unknown, id: number) =>
  core()
    .people.authorize(channel, input, { id, name: 'x' })
    .then(
      () => null,
      (e: { code: string; field?: string }) => e.code,
    );

describe('sites: the group-wide permission', () => {
  let groupMgr = 0;
  let mgrA = 0;
  let mgrB = 0;
  let advA = 0;
  let advB = 0;
  let siteB = 0;

  it("with one site, a manager of the site changes the group's settings as before", async () => {
    groupMgr = (await sqlGet<{ id: number }>(core(), 'SELECT id FROM users ORDER BY id LIMIT 1'))!.id;
    mgrA = (await ok<U>(core(), 'people.save', { name: 'Marta', roles: ['manager'] })).id;
    // Explicitly at the one site: still no difference.
    await sqlRun(core(), 'UPDATE users SET site_id = 1 WHERE id = ?', mgrA);
    await asUser(mgrA);
    for (const c of GROUP) expect(await refusal(c, {}, mgrA), c).toBeNull();
    const dealer = (await ok<AppSettings>(core(), 'settings.get', {})).dealer;
    await ok(core(), 'settings.setDealer', { ...dealer, name: 'Autohaus Uno' });
    await ok(core(), 'workshop.setCapacity', { capacity: 12 });
    expect((await ok<SiteSettings>(core(), 'sites.settings.save', { siteId: 1, capacity: 9 })).capacity).toBe(9);
    await ok(core(), 'sites.settings.save', { siteId: 1, capacity: null });
    advA = (await ok<U>(core(), 'people.save', { name: 'Anna', roles: ['service_advisor'] })).id;
    await ok(core(), 'people.resetPassword', { userId: advA });
    // The second site (a `group` channel: with one site, any manager): the managers become group-wide.
    siteB = (await ok<{ sites: { id: number }[] }>(core(), 'sites.save', { code: 'B', name: 'Süd' })).sites[1]!.id;
    const people = (await ok<{ users: U[] }>(core(), 'people.list', {})).users;
    expect(people.find((u) => u.id === mgrA)!.siteId).toBeNull();
    expect(people.find((u) => u.id === advA)!.siteId).toBe(1);
  });

  it("a site's manager is refused the group's channels and another site's settings and people", async () => {
    await asUser(groupMgr);
    await ok(core(), 'people.save', { id: mgrA, name: 'Marta', roles: ['manager'], siteId: 1 });
    mgrB = (await ok<U>(core(), 'people.save', { name: 'Bea', roles: ['manager'], siteId: siteB })).id;
    advB = (await ok<U>(core(), 'people.save', { name: 'Bruno', roles: ['service_advisor'], siteId: siteB })).id;
    await asUser(mgrA);
    for (const c of GROUP) expect(await refusal(c, {}, mgrA), c).toBe('GROUP_MANAGER_ONLY');
    const dealer = (await ok<AppSettings>(core(), 'settings.get', {})).dealer;
    for (const [channel, input] of [
      ['settings.setDealer', { ...dealer, name: 'Nord' }],
      ['workshop.setCapacity', { capacity: 3 }],
      ['sites.save', { code: 'C', name: 'Ovest' }],
      ['kpi.setDigestSettings', await ok(core(), 'kpi.digestSettings', {})],
    ] as const) {
      const e = await err(core(), channel, input);
      expect(e.code, channel).toBe('GROUP_MANAGER_ONLY');
    }
    // Another site's settings: neither read nor written; the person's own site's: both.
    for (const [channel, input] of [
      ['sites.settings.get', { siteId: siteB }],
      ['sites.settings.save', { siteId: siteB, capacity: 4 }],
    ] as const)
      expect(await err(core(), channel, input), channel).toMatchObject({ code: 'GROUP_MANAGER_ONLY', field: 'siteId' });
    expect((await ok<SiteSettings>(core(), 'sites.settings.save', { siteId: 1, capacity: 4 })).capacity).toBe(4);
    expect((await ok<SiteSettings>(core(), 'sites.settings.get', { siteId: 1 })).capacity).toBe(4);
    // People: another site's, a group-wide one, or moving someone out of the site: refused.
    const refused = [
      [{ id: advB, name: 'Bruno', roles: ['service_advisor'] }, 'id'],
      [{ id: groupMgr, name: 'Boss', roles: ['manager'] }, 'id'],
      [{ id: advA, name: 'Anna', roles: ['service_advisor'], siteId: siteB }, 'siteId'],
      [{ name: 'Zeno', roles: ['manager'], siteId: null }, 'siteId'],
      [{ id: mgrA, name: 'Marta', roles: ['manager'], siteId: null }, 'siteId'],
    ] as const;
    for (const [input, field] of refused)
      expect(await err(core(), 'people.save', input), input.name).toMatchObject({ code: 'GROUP_MANAGER_ONLY', field });
    expect(await err(core(), 'people.resetPassword', { userId: advB })).toMatchObject({ code: 'GROUP_MANAGER_ONLY' });
    // Their site's people: edited, and a new one (even a manager) works at their site, never group-wide.
    expect((await ok<U>(core(), 'people.save', { id: advA, name: 'Anna R.', roles: ['service_advisor'] })).siteId).toBe(
      1,
    );
    expect((await ok<U>(core(), 'people.save', { name: 'Ugo', roles: ['manager'] })).siteId).toBe(1);
    await ok(core(), 'people.resetPassword', { userId: advA });
  });

  it('a person of a site reads only their site’s own settings; a site manager of another site likewise', async () => {
    await asUser(advA);
    expect((await err(core(), 'sites.settings.get', { siteId: siteB })).code).toBe('GROUP_MANAGER_ONLY');
    // Its own beside the group's it would use without (for the settings cards).
    expect(await ok(core(), 'sites.settings.get', { siteId: 1 })).toMatchObject({
      capacity: 4,
      dealer: null,
      group: { capacity: 12, dealer: { name: 'Autohaus Uno' } },
    });
    expect((await err(core(), 'sites.settings.save', { siteId: 1, capacity: 5 })).code).toBe('FORBIDDEN');
    await asUser(mgrB);
    expect((await err(core(), 'sites.settings.save', { siteId: 1, capacity: 5 })).code).toBe('GROUP_MANAGER_ONLY');
    expect((await ok<SiteSettings>(core(), 'sites.settings.save', { siteId: siteB, capacity: 6 })).capacity).toBe(6);
  });

  it("a person of a site lists their site's people and the group-wide ones; a group-wide person lists everyone", async () => {
    const listed = async (id: number) => {
      await asUser(id);
      return (await ok<{ users: U[] }>(core(), 'people.list', {})).users;
    };
    const ids = (us: U[]) => us.map((u) => u.id);
    const ofA = await listed(mgrA);
    expect(ids(ofA)).toEqual(expect.arrayContaining([groupMgr, mgrA, advA]));
    expect(ids(ofA)).not.toContain(mgrB);
    expect(ids(ofA)).not.toContain(advB);
    expect(ofA.every((u) => u.siteId == null || u.siteId === 1)).toBe(true);
    // Without sign-in the header's "who is at the desk" offers everyone (anyone there may switch to anyone).
    const all = (await ok<{ users: U[] }>(core(), 'people.list', { forSwitch: true })).users;
    expect(ids(all)).toEqual(expect.arrayContaining([groupMgr, mgrA, advA, mgrB, advB]));
    // Who acts is still found, and the first screen's read (shell.boot) answers the same list.
    expect((await ok<{ user: U | null }>(core(), 'people.current', {})).user?.id).toBe(mgrA);
    const boot = await ok<{ calls: { channel: string; reply: { ok: boolean; value?: { users: U[] } } }[] }>(
      core(),
      'shell.boot',
      {},
    );
    expect(ids(boot.calls.find((x) => x.channel === 'people.list')!.reply.value!.users)).toEqual(ids(ofA));
    const ofB = await listed(advB);
    expect(ids(ofB)).toEqual(expect.arrayContaining([groupMgr, mgrB, advB]));
    expect(ids(ofB)).not.toContain(advA);
    expect(ids(ofB)).not.toContain(mgrA);
    expect(ids(await listed(groupMgr))).toEqual(expect.arrayContaining([groupMgr, mgrA, advA, mgrB, advB]));
  });

  it("the group-wide manager changes the group's and every site's; one must stay group-wide", async () => {
    await asUser(groupMgr);
    for (const c of GROUP) expect(await refusal(c, {}, groupMgr), c).toBeNull();
    await ok(core(), 'workshop.setCapacity', { capacity: 7 });
    await ok(core(), 'sites.save', { id: siteB, code: 'B', name: 'Autohaus Süd' });
    expect((await ok<SiteSettings>(core(), 'sites.settings.save', { siteId: siteB, capacity: 8 })).capacity).toBe(8);
    expect((await ok<SiteSettings>(core(), 'sites.settings.get', { siteId: 1 })).capacity).toBe(4);
    expect((await ok<U>(core(), 'people.save', { id: advB, name: 'Bruno', roles: ['service_advisor'] })).siteId).toBe(
      siteB,
    );
    // The only group-wide manager cannot become a site's (nor stop managing).
    expect(
      await err(core(), 'people.save', { id: groupMgr, name: 'Boss', roles: ['manager'], siteId: 1 }),
    ).toMatchObject({ code: 'LAST_GROUP_MANAGER', field: 'siteId' });
    expect((await err(core(), 'people.save', { id: groupMgr, name: 'Boss', roles: [] })).code).toBe(
      'LAST_GROUP_MANAGER',
    );
  });

  it('no group-wide manager at all (a database of before): the managers act for the group until one is named', async () => {
    await sqlRun(core(), 'UPDATE users SET site_id = 1 WHERE site_id IS NULL');
    await asUser(mgrA);
    await ok(core(), 'workshop.setCapacity', { capacity: 9 });
    expect(
      (await ok<U>(core(), 'people.save', { id: mgrA, name: 'Marta', roles: ['manager'], siteId: null })).siteId,
    ).toBeNull();
    await asUser(mgrB);
    expect((await err(core(), 'workshop.setCapacity', { capacity: 2 })).code).toBe('GROUP_MANAGER_ONLY');
  });
});
