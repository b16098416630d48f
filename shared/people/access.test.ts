import { describe, expect, it } from 'vitest';
import { canManage, canWorkLead, isAbsent, type Person } from './access';

const T = Date.parse('2026-03-02T09:00:00Z');
const H = 3_600_000;
const manager: Person = { id: 1, active: true, roles: ['manager'], absences: [] };
const alternate: Person = { id: 2, active: true, roles: ['alternate', 'service_advisor'], absences: [] };
const desk: Person = { id: 3, active: true, roles: ['booking_operator'], absences: [] };
const away = (p: Person): Person => ({ ...p, absences: [{ fromAt: T - H, toAt: T + H }] });

describe('isAbsent', () => {
  it.each([
    [T - H, T + H, true],
    [T, T + H, true],
    [T - H, T, false],
    [T + 1, T + H, false],
  ])('period %i..%i at now → %s', (fromAt, toAt, expected) => {
    expect(isAbsent([{ fromAt, toAt }], T)).toBe(expected);
  });
});

describe('canManage', () => {
  const cases: [string, Person, Person[], boolean][] = [
    ['the manager', manager, [manager, alternate, desk], true],
    ['an absent manager at the desk', away(manager), [away(manager), alternate], true],
    ['the alternate while the manager is present', alternate, [manager, alternate], false],
    ['the alternate while the manager is absent', alternate, [away(manager), alternate], true],
    ['the alternate while the manager is inactive', alternate, [{ ...manager, active: false }, alternate], true],
    ['an absent alternate while the manager is absent', away(alternate), [away(manager), away(alternate)], true],
    ['desk staff while the manager is absent', desk, [away(manager), desk], false],
    ['an inactive manager', { ...manager, active: false }, [manager], false],
  ];
  it.each(cases)('%s', (_name, user, everyone, expected) => {
    expect(canManage(user, everyone, T)).toBe(expected);
  });
  it('the alternate again once the absence is over', () => {
    expect(canManage(alternate, [away(manager), alternate], T + 2 * H)).toBe(false);
  });
});

describe('canWorkLead', () => {
  it.each([
    ['own lead', desk, 3, false, true],
    ['unassigned queue', desk, null, false, true],
    ["someone else's lead", desk, 7, false, false],
    ["someone else's lead, as manager", manager, 7, true, true],
  ] as const)('%s', (_n, user, assignee, manager, expected) => {
    expect(canWorkLead(user, assignee, manager)).toBe(expected);
  });
});
