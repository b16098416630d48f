// canUse: the renderer's reading of the permission table (shared/contract/permissions.ts) for the person at the desk.
import { describe, expect, it } from 'vitest';
import type { Current } from './usePeople';
import type { SitesInfo } from '../sites/useSites';
import { canUse } from './useCan';

const person = (canManage: boolean): Current => ({ user: null, canManage });
const sites = (multi: boolean, fixed: boolean): SitesInfo => ({
  sites: [],
  multi,
  scope: { siteId: fixed ? 2 : null, fixed },
});

describe('canUse', () => {
  it('open channels and per-lead ones are not decided here', () => {
    expect(canUse('leads.create', null, null)).toEqual({ can: true, why: null });
    expect(canUse('leads.edit', person(false), null)).toEqual({ can: true, why: null });
  });

  it('nothing is allowed until who acts (and, for the group, the sites) is known — no reason shown yet', () => {
    expect(canUse('people.save', null, null)).toEqual({ can: false, why: null });
    expect(canUse('templates.save', person(true), null)).toEqual({ can: false, why: null });
  });

  it('`manage`: the manager (or the alternate standing in), whatever the sites', () => {
    expect(canUse('people.save', person(false), sites(true, true))).toEqual({ can: false, why: 'manage' });
    expect(canUse('people.save', person(true), sites(true, true))).toEqual({ can: true, why: null });
    expect(canUse('sites.settings.save', person(true), sites(true, true)).can).toBe(true);
  });

  it('`group`: with several sites only someone working for every site; with one site, the manager', () => {
    expect(canUse('mail.settings.set', person(false), sites(false, false))).toEqual({ can: false, why: 'manage' });
    expect(canUse('mail.settings.set', person(true), sites(false, false))).toEqual({ can: true, why: null });
    expect(canUse('mail.settings.set', person(true), sites(true, false))).toEqual({ can: true, why: null });
    expect(canUse('mail.settings.set', person(true), sites(true, true))).toEqual({ can: false, why: 'group' });
    // Anyone of one site is told who can: a group manager.
    expect(canUse('backup.create', person(false), sites(true, true))).toEqual({ can: false, why: 'group' });
  });
});
