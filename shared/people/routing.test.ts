import { describe, expect, it } from 'vitest';
import type { Person } from './access';
import { route, type AssignmentRule, type LeadNature } from './routing';

const T = Date.parse('2026-03-02T09:00:00Z');
const H = 3_600_000;
const rule = (id: number, over: Partial<AssignmentRule>): AssignmentRule => ({
  id,
  campaign: null,
  source: null,
  leadType: null,
  requestFor: null,
  targetUserId: null,
  targetRole: null,
  rrCursor: 0,
  active: true,
  ...over,
});
const lead = (over: Partial<LeadNature> = {}): LeadNature => ({
  campaign: 'service_reminder',
  source: 'web',
  leadType: 'customer_driven',
  requestFor: null,
  ...over,
});
const person = (id: number, roles: Person['roles'], over: Partial<Person> = {}): Person => ({
  id,
  active: true,
  roles,
  absences: [],
  ...over,
});
const absent = { absences: [{ fromAt: T - H, toAt: T + 24 * H }] };

const people = [
  person(1, ['manager']),
  person(10, ['booking_operator']),
  person(11, ['booking_operator'], absent),
  person(12, ['booking_operator']),
  person(13, ['booking_operator'], { active: false }),
  person(20, ['service_advisor']),
  person(30, ['parts_staff'], absent),
];

describe('route: rule order', () => {
  const rules = [
    rule(1, { campaign: 'warranty_end_reminder', targetUserId: 20 }),
    rule(2, { source: 'web', leadType: 'customer_driven', targetRole: 'booking_operator' }),
    rule(3, { requestFor: 'tyres', targetRole: 'parts_staff' }),
    rule(4, { leadType: 'hq_driven', targetUserId: 20 }),
    rule(5, { source: 'owner_app', targetUserId: 99 }),
    rule(6, { source: 'owner_app', targetUserId: 20, active: false }),
  ];
  const cases: [string, LeadNature, number | null, number | null][] = [
    ['the first matching rule wins (1 before 2)', lead({ campaign: 'warranty_end_reminder' }), 20, 1],
    ['criteria combine (source AND type)', lead(), 10, 2],
    ['web but HQ-driven skips rule 2', lead({ leadType: 'hq_driven' }), 20, 4],
    [
      'request-for contains, but the pool is away → next rule',
      lead({ source: 'spontaneous', leadType: 'hq_driven', requestFor: 'Winter TYRES' }),
      20,
      4,
    ],
    [
      'a rule to an unknown person routes no one; an inactive rule is skipped',
      lead({ source: 'owner_app' }),
      null,
      null,
    ],
    ["nothing matches → the manager's queue", lead({ source: 'spontaneous' }), null, null],
  ];
  it.each(cases)('%s', (_n, l, assignee, ruleId) => {
    const r = route(l, rules, people, T);
    expect(r.assigneeId).toBe(assignee);
    expect(r.ruleId).toBe(ruleId);
  });
});

describe('route: round robin skipping absent and inactive members', () => {
  it('cycles 10 → 12 → 10 (11 absent, 13 inactive), then includes 11 once back', () => {
    let cursor = 0;
    const got: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = route(lead(), [rule(1, { targetRole: 'booking_operator', rrCursor: cursor })], people, T);
      got.push(r.assigneeId!);
      cursor = r.rrCursor!;
    }
    expect(got).toEqual([10, 12, 10, 12]);
    const later = T + 2 * 24 * H;
    const after: number[] = [];
    cursor = 10;
    for (let i = 0; i < 3; i++) {
      const r = route(lead(), [rule(1, { targetRole: 'booking_operator', rrCursor: cursor })], people, later);
      after.push(r.assigneeId!);
      cursor = r.rrCursor!;
    }
    expect(after).toEqual([11, 12, 10]);
  });
  it('a cursor pointing at a member who left wraps to the next id', () => {
    expect(route(lead(), [rule(1, { targetRole: 'booking_operator', rrCursor: 12 })], people, T).assigneeId).toBe(10);
    expect(route(lead(), [rule(1, { targetRole: 'booking_operator', rrCursor: 5 })], people, T).assigneeId).toBe(10);
  });
  it("a whole pool away → the manager's queue", () => {
    expect(route(lead(), [rule(1, { targetRole: 'parts_staff' })], people, T)).toEqual({
      assigneeId: null,
      ruleId: null,
    });
  });
});
