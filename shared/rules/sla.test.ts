import { describe, expect, it } from 'vitest';
import type { Lead } from '../domain/lead';
import { HOUR, MIN, iso, settings } from './testing/fixtures';
import {
  appointmentExpiresAt,
  lostDueAt,
  sla1DueAt,
  sla1State,
  sla2DueAt,
  sla2State,
  sla3Managed,
  type SlaState,
} from './sla';

const rome = settings();
const utc = settings({ timeZone: 'UTC' });

/** Tuesday 10 March 2026, 10:00 in Rome (no DST change in the next 10 days). */
const A = iso('2026-03-10T10:00+01:00');

describe('SLA 1 – first contact within 24 calendar hours of assignment', () => {
  it.each<[string, number | null, number, SlaState]>([
    // [what, firstContactAt, evaluated at, state]
    ['contact right at assignment', A, A + 48 * HOUR, 'met'],
    ['contact exactly 24 h after assignment', A + 24 * HOUR, A + 48 * HOUR, 'met'],
    ['contact 24 h + 1 ms after assignment', A + 24 * HOUR + 1, A + 48 * HOUR, 'missed'],
    ['no contact, evaluated exactly at the deadline', null, A + 24 * HOUR, 'pending'],
    ['no contact, 1 ms past the deadline', null, A + 24 * HOUR + 1, 'missed'],
    ['no contact, just assigned', null, A, 'pending'],
    ['as of before the contact: the contact does not count yet (window open)', A + 2 * HOUR, A + HOUR, 'pending'],
    ['as of before the late contact: window elapsed, not done as of then', A + 30 * HOUR, A + 25 * HOUR, 'missed'],
    ['as of before the late contact, window still open', A + 30 * HOUR, A + 23 * HOUR, 'pending'],
    ['as of exactly the contact time: counts', A + 5 * HOUR, A + 5 * HOUR, 'met'],
  ])('%s → %s', (_what, firstContactAt, at, expected) => {
    expect(sla1State({ assignedAt: A, firstContactAt }, at, rome)).toBe(expected);
  });

  it.each<[string, string, string, SlaState]>([
    // SLA 1 counts 24 elapsed hours even when the clock jumps: a DST night does not change it.
    [
      'spring forward: 23.5 elapsed hours (wall clock already past) → met',
      '2026-03-28T12:00+01:00',
      '2026-03-29T12:30+02:00',
      'met',
    ],
    [
      'spring forward: exactly 24 elapsed hours (13:00 CEST) → met',
      '2026-03-28T12:00+01:00',
      '2026-03-29T13:00+02:00',
      'met',
    ],
    ['spring forward: 24 h + 1 min → missed', '2026-03-28T12:00+01:00', '2026-03-29T13:01+02:00', 'missed'],
    [
      'fall back: 24.5 elapsed hours (wall clock not yet at 12:00) → missed',
      '2026-10-24T12:00+02:00',
      '2026-10-25T11:30+01:00',
      'missed',
    ],
    [
      'fall back: exactly 24 elapsed hours (11:00 CET) → met',
      '2026-10-24T12:00+02:00',
      '2026-10-25T11:00+01:00',
      'met',
    ],
  ])('%s', (_what, assigned, contact, expected) => {
    expect(sla1State({ assignedAt: iso(assigned), firstContactAt: iso(contact) }, iso(contact) + HOUR, rome)).toBe(
      expected,
    );
  });

  it.each([
    ['Rome, spring forward', rome, '2026-03-28T12:00+01:00', '2026-03-29T13:00+02:00'],
    ['Rome, fall back', rome, '2026-10-24T12:00+02:00', '2026-10-25T11:00+01:00'],
    ['UTC', utc, '2026-03-28T12:00Z', '2026-03-29T12:00Z'],
    ['setting sla1Hours = 48', settings({ sla1Hours: 48 }), '2026-03-10T10:00+01:00', '2026-03-12T10:00+01:00'],
  ])('sla1DueAt: %s', (_what, s, assigned, due) => {
    expect(sla1DueAt(iso(assigned), s)).toBe(iso(due));
  });
});

describe('SLA 2 – qualification/management date within 10 calendar days', () => {
  const due = iso('2026-03-20T10:00+01:00');
  it.each<[string, number | null, number, SlaState]>([
    ['qualified at assignment', A, due + HOUR, 'met'],
    ['qualified exactly 10 days later', due, due + HOUR, 'met'],
    ['qualified 10 days + 1 ms later', due + 1, due + HOUR, 'missed'],
    ['not qualified, evaluated exactly at the deadline', null, due, 'pending'],
    ['not qualified, 1 ms past the deadline', null, due + 1, 'missed'],
    ['as of before the qualification (in the window)', A + 3 * 24 * HOUR, A + 2 * 24 * HOUR, 'pending'],
    ['as of before a late qualification, window elapsed', due + 5 * HOUR, due + 2 * HOUR, 'missed'],
  ])('%s → %s', (_what, qualifiedAt, at, expected) => {
    expect(sla2State({ assignedAt: A, qualifiedAt }, at, rome)).toBe(expected);
  });

  it.each([
    // [what, settings, assignedAt, due, elapsed hours]
    [
      'Rome, spring forward inside the window: same wall clock, 239 h',
      rome,
      '2026-03-25T10:00+01:00',
      '2026-04-04T10:00+02:00',
      239,
    ],
    [
      'Rome, fall back inside the window: same wall clock, 241 h',
      rome,
      '2026-10-20T10:00+02:00',
      '2026-10-30T10:00+01:00',
      241,
    ],
    ['Rome, no DST change: 240 h', rome, '2026-03-10T10:00+01:00', '2026-03-20T10:00+01:00', 240],
    ['UTC across the EU DST date: 240 h', utc, '2026-03-25T10:00Z', '2026-04-04T10:00Z', 240],
  ])('sla2DueAt: %s', (_what, s, assigned, dueIso, hours) => {
    const d = sla2DueAt(iso(assigned), s);
    expect(d).toBe(iso(dueIso));
    expect((d - iso(assigned)) / HOUR).toBe(hours);
  });

  it.each<[string, string, string, SlaState]>([
    [
      'spring: 238.5 elapsed hours, before 10:00 on day 10 → met',
      '2026-03-25T10:00+01:00',
      '2026-04-04T09:30+02:00',
      'met',
    ],
    [
      'spring: 10:00:00.001 on day 10 (only 239 h) → missed',
      '2026-03-25T10:00+01:00',
      '2026-04-04T10:00:00.001+02:00',
      'missed',
    ],
    ['fall: 240.5 elapsed hours but 09:30 on day 10 → met', '2026-10-20T10:00+02:00', '2026-10-30T09:30+01:00', 'met'],
    ['fall: exactly 10:00 on day 10 (241 h) → met', '2026-10-20T10:00+02:00', '2026-10-30T10:00+01:00', 'met'],
  ])('across DST: %s', (_what, assigned, qualified, expected) => {
    expect(sla2State({ assignedAt: iso(assigned), qualifiedAt: iso(qualified) }, iso(qualified) + MIN, rome)).toBe(
      expected,
    );
  });
});

describe('SLA 3 – fully managed (Closed In Sale / Closed No Sale) as of a date', () => {
  const at = iso('2026-04-30T12:00+02:00');
  it.each<[string, Pick<Lead, 'status' | 'closedAt'>, boolean]>([
    ['closed in sale before', { status: 'closed_sale', closedAt: at - HOUR }, true],
    ['closed in sale exactly at', { status: 'closed_sale', closedAt: at }, true],
    ['closed in sale after (not yet, as of at)', { status: 'closed_sale', closedAt: at + 1 }, false],
    ['closed no sale before', { status: 'closed_no_sale', closedAt: at - HOUR }, true],
    ['closed no sale after', { status: 'closed_no_sale', closedAt: at + HOUR }, false],
    ['lost is not managed (even with a closedAt)', { status: 'lost', closedAt: at - HOUR }, false],
    ['appointment taken is not managed', { status: 'appointment', closedAt: null }, false],
    ['assigned is not managed', { status: 'assigned', closedAt: null }, false],
    ['closed without a closing date (bad data) is not counted', { status: 'closed_sale', closedAt: null }, false],
  ])('%s → %s', (_what, l, expected) => {
    expect(sla3Managed(l, at)).toBe(expected);
  });
});

describe('sweep deadlines', () => {
  it.each([
    // [what, settings, assignedAt, lost due]
    ['Rome, 60 days across spring forward (1439 h)', rome, '2026-03-10T10:00+01:00', '2026-05-09T10:00+02:00'],
    ['Rome, 60 days across fall back (1441 h)', rome, '2026-10-01T10:00+02:00', '2026-11-30T10:00+01:00'],
    ['UTC: 60 × 24 h', utc, '2026-03-10T10:00Z', '2026-05-09T10:00Z'],
    ['setting lostAfterDays = 30', settings({ lostAfterDays: 30 }), '2026-03-10T10:00+01:00', '2026-04-09T10:00+02:00'],
  ])('lostDueAt: %s', (_what, s, assigned, due) => {
    expect(lostDueAt(iso(assigned), s)).toBe(iso(due));
  });

  it.each([
    // [what, assignedAt, appointmentAt, expiry]
    [
      'appointment after assignment: counts from the appointment',
      '2026-03-10T10:00+01:00',
      '2026-04-15T15:00+02:00',
      '2026-06-14T15:00+02:00',
    ],
    [
      'appointment before assignment: counts from the assignment',
      '2026-03-10T10:00+01:00',
      '2026-03-08T15:00+01:00',
      '2026-05-09T10:00+02:00',
    ],
    ['no appointment date: counts from the assignment', '2026-03-10T10:00+01:00', null, '2026-05-09T10:00+02:00'],
    ['same instant', '2026-03-10T10:00+01:00', '2026-03-10T10:00+01:00', '2026-05-09T10:00+02:00'],
  ])('appointmentExpiresAt: %s', (_what, assigned, appt, expiry) => {
    expect(appointmentExpiresAt(iso(assigned), appt === null ? null : iso(appt), rome)).toBe(iso(expiry));
  });
});
