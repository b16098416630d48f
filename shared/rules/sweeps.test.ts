import { describe, expect, it } from 'vitest';
import type { Lead } from '../domain/lead';
import {
  DAY,
  HOUR,
  VIN,
  appointmentLead,
  contactAgainLead,
  contactedLead,
  iso,
  makeLead,
  settings,
} from './testing/fixtures';
import {
  appointmentExpirySweep,
  followUpLead,
  lostSaleSweep,
  recontactDue,
  reminderAt,
  type SweepChange,
} from './sweeps';

const s = settings();
const A = iso('2026-03-10T10:00+01:00');
/** 60 calendar days after A in Rome (across spring forward: 1439 h). */
const LOST_DUE = iso('2026-05-09T10:00+02:00');
const apply = (leads: Lead[], changes: SweepChange[]): Lead[] =>
  leads.map((l) => ({ ...l, ...(changes.find((c) => c.leadId === l.id)?.changes.patch ?? {}) }));

describe('lostSaleSweep', () => {
  it.each([
    ['1 ms before the 60 days', LOST_DUE - 1, 0],
    ['exactly 60 calendar days (only 1439 elapsed hours across DST)', LOST_DUE, 1],
    ['60 × 24 h', A + 60 * DAY, 1],
    ['caught up three days late', LOST_DUE + 3 * DAY, 1],
  ])('%s → %s change(s)', (_what, now, n) => {
    expect(lostSaleSweep([makeLead({ id: 5, assignedAt: A })], now, s)).toHaveLength(n);
  });

  it('sets Lost Sale at the due time, written by System', () => {
    const now = LOST_DUE + 3 * DAY;
    const [c] = lostSaleSweep([makeLead({ id: 5, assignedAt: A })], now, s);
    expect(c).toEqual({
      leadId: 5,
      effectiveAt: LOST_DUE,
      changes: {
        patch: { status: 'lost', closedAt: LOST_DUE, updatedAt: now },
        history: [
          { at: LOST_DUE, userId: null, field: 'status', oldValue: 'assigned', newValue: 'lost' },
          { at: LOST_DUE, userId: null, field: 'closedAt', oldValue: null, newValue: '2026-05-09T08:00:00.000Z' },
        ],
        effects: [],
      },
    });
  });

  it.each<[string, Lead]>([
    ['appointment', appointmentLead({ assignedAt: A })],
    ['frozen appointment', appointmentLead({ assignedAt: A, frozen: true })],
    ['closed in sale', contactedLead({ assignedAt: A, status: 'closed_sale', closedAt: A + DAY })],
    ['closed no sale', contactedLead({ assignedAt: A, status: 'closed_no_sale', closedAt: A + DAY })],
    ['already lost', makeLead({ assignedAt: A, status: 'lost', closedAt: LOST_DUE })],
  ])('leaves a lead in status %s alone', (_what, l) => {
    expect(lostSaleSweep([l], LOST_DUE + 10 * DAY, s)).toEqual([]);
  });

  it('a contacted lead still Assigned to Dealer is lost too (only the status matters)', () => {
    expect(lostSaleSweep([contactedLead({ assignedAt: A })], LOST_DUE, s)).toHaveLength(1);
  });

  it('is idempotent: a second run over the changed leads yields nothing', () => {
    const leads = [
      makeLead({ id: 1, assignedAt: A }),
      makeLead({ id: 2, assignedAt: A + 5 * DAY }),
      makeLead({ id: 3, assignedAt: A - 10 * DAY }),
    ];
    const now = LOST_DUE + HOUR;
    const first = lostSaleSweep(leads, now, s);
    expect(first.map((c) => c.leadId)).toEqual([1, 3]);
    expect(lostSaleSweep(apply(leads, first), now + DAY, s)).toEqual([]);
  });

  it.each([
    ['UTC: 60 × 24 h', settings({ timeZone: 'UTC' }), iso('2026-03-10T10:00Z'), iso('2026-05-09T10:00Z')],
    ['lostAfterDays = 30', settings({ lostAfterDays: 30 }), A, iso('2026-04-09T10:00+02:00')],
  ])('settings: %s', (_what, st, assignedAt, due) => {
    expect(lostSaleSweep([makeLead({ assignedAt })], due - 1, st)).toEqual([]);
    expect(lostSaleSweep([makeLead({ assignedAt })], due, st)[0]?.effectiveAt).toBe(due);
  });
});

describe('appointmentExpirySweep', () => {
  const APPT = iso('2026-04-15T15:00+02:00');
  const EXPIRES = iso('2026-06-14T15:00+02:00'); // 60 days after the appointment (the later date)
  it.each<[string, number | null, number]>([
    ['appointment after assignment: 60 days after the appointment', APPT, EXPIRES],
    ['appointment before assignment: 60 days after the assignment', A - 2 * DAY, LOST_DUE],
    ['no appointment date: 60 days after the assignment', null, LOST_DUE],
  ])('%s', (_what, appointmentAt, due) => {
    const l = appointmentLead({ id: 9, assignedAt: A, appointmentAt });
    expect(appointmentExpirySweep([l], due - 1, s)).toEqual([]);
    const now = due + 2 * DAY;
    expect(appointmentExpirySweep([l], now, s)).toEqual([
      {
        leadId: 9,
        effectiveAt: due,
        changes: {
          patch: { frozen: true, updatedAt: now },
          history: [{ at: due, userId: null, field: 'frozen', oldValue: 'false', newValue: 'true' }],
          effects: [],
        },
      },
    ]);
  });

  it('keeps the status Appointment Taken (frozen, still shown as such)', () => {
    const [c] = appointmentExpirySweep([appointmentLead({ assignedAt: A, appointmentAt: APPT })], EXPIRES, s);
    expect(c?.changes.patch.status).toBeUndefined();
  });

  it.each<[string, Lead]>([
    ['assigned', makeLead({ assignedAt: A })],
    ['already frozen', appointmentLead({ assignedAt: A, appointmentAt: APPT, frozen: true })],
    [
      'closed in sale after an appointment',
      appointmentLead({ assignedAt: A, appointmentAt: APPT, status: 'closed_sale', closedAt: APPT }),
    ],
  ])('leaves alone: %s', (_what, l) => {
    expect(appointmentExpirySweep([l], EXPIRES + 30 * DAY, s)).toEqual([]);
  });

  it('is idempotent', () => {
    const leads = [
      appointmentLead({ id: 1, assignedAt: A, appointmentAt: APPT }),
      appointmentLead({ id: 2, assignedAt: A, appointmentAt: APPT + 5 * DAY }),
    ];
    const first = appointmentExpirySweep(leads, EXPIRES + HOUR, s);
    expect(first.map((c) => c.leadId)).toEqual([1]);
    expect(appointmentExpirySweep(apply(leads, first), EXPIRES + 2 * HOUR, s)).toEqual([]);
  });
});

describe('recontactDue', () => {
  const R = iso('2026-04-02T10:00+02:00');
  it.each<[string, Lead, number, boolean]>([
    ['date reached exactly', contactAgainLead({ recontactAt: R }), R, true],
    ['date passed (catch-up)', contactAgainLead({ recontactAt: R }), R + 3 * DAY, true],
    ['1 ms before the date', contactAgainLead({ recontactAt: R }), R - 1, false],
    ['follow-up already created', contactAgainLead({ recontactAt: R, followUpLeadId: 42 }), R + DAY, false],
    [
      'closed no sale for another reason',
      contactAgainLead({ recontactAt: R, closeReason: 'other', closeCategory: 'other' }),
      R + DAY,
      false,
    ],
    ['not closed (assigned) even with a recontact date', contactedLead({ recontactAt: R }), R + DAY, false],
    ['contact again without a date (bad data)', contactAgainLead({ recontactAt: null }), R + DAY, false],
  ])('%s → %s', (_what, l, now, due) => {
    expect(recontactDue([l], now)).toEqual(due ? [l] : []);
  });

  it('after the follow-up is linked the lead is no longer due (once)', () => {
    const l = contactAgainLead({ recontactAt: R });
    expect(recontactDue([l], R)).toHaveLength(1);
    expect(recontactDue([{ ...l, followUpLeadId: 2 }], R + DAY)).toEqual([]);
  });
});

describe('followUpLead', () => {
  const master = contactAgainLead({
    id: 31,
    leadType: 'hq_driven',
    source: 'hq_campaign',
    campaign: 'warranty_end_reminder',
    campaignNotes: 'WER Q2',
    assigneeId: 4,
    customerId: 77,
    vin: VIN,
    email: 'x@example.com',
    phone: '+39 059 000',
    otherPhone: '+39 333 111',
    language: 'de',
    country: 'DE',
    state: 'BY',
    city: 'München',
    zip: '80331',
    requestFor: 'Warranty',
    requestDetails: 'Extend',
    customerNotes: 'call after 17',
    additionalServices: 'wash',
    recontactAt: iso('2026-06-01T09:00+02:00'),
    preferredAt1: iso('2026-03-04T09:00+01:00'),
    managementNotes: 'call back in June',
    appointmentAt: null,
  });
  const f = followUpLead(master);

  it('links to the master, is Recontacted, source Recontact, same campaign and assignee, reaches the dealer at the recontact date', () => {
    expect(f).toMatchObject({
      masterLeadId: 31,
      recontacted: true,
      source: 'recontact',
      campaign: 'warranty_end_reminder',
      assigneeId: 4,
      assignedAt: iso('2026-06-01T09:00+02:00'),
    });
  });

  it.each([
    'firstName',
    'lastName',
    'leadType',
    'email',
    'phone',
    'otherPhone',
    'vin',
    'language',
    'country',
    'state',
    'city',
    'zip',
    'requestFor',
    'requestDetails',
    'customerNotes',
    'campaignNotes',
    'additionalServices',
    'customerId',
    'consents',
  ] as const)('copies %s', (k) => {
    expect(f[k]).toEqual(master[k]);
  });

  it('does not share the consents object with the master', () => {
    expect(f.consents).not.toBe(master.consents);
  });
});

describe('reminderAt: the day before the appointment at the reminder hour (dealer time)', () => {
  it.each([
    ['ordinary day', {}, '2026-03-17T15:00+01:00', '2026-03-16T09:00+01:00'],
    [
      'appointment Monday after spring forward: reminder Sunday 09:00 CEST',
      {},
      '2026-03-30T10:00+02:00',
      '2026-03-29T09:00+02:00',
    ],
    [
      'appointment on the spring-forward Sunday: reminder Saturday 09:00 CET',
      {},
      '2026-03-29T10:00+02:00',
      '2026-03-28T09:00+01:00',
    ],
    [
      'appointment Monday after fall back: reminder Sunday 09:00 CET',
      {},
      '2026-10-26T08:00+01:00',
      '2026-10-25T09:00+01:00',
    ],
    [
      'appointment on the fall-back Sunday: reminder Saturday 09:00 CEST',
      {},
      '2026-10-25T10:00+01:00',
      '2026-10-24T09:00+02:00',
    ],
    ['appointment just after midnight', {}, '2026-03-18T00:30+01:00', '2026-03-17T09:00+01:00'],
    ['first of the month', {}, '2026-04-01T08:30+02:00', '2026-03-31T09:00+02:00'],
    ['reminderHour 18', { reminderHour: 18 }, '2026-03-17T15:00+01:00', '2026-03-16T18:00+01:00'],
    ['reminderHour 0', { reminderHour: 0 }, '2026-03-17T15:00+01:00', '2026-03-16T00:00+01:00'],
    ['UTC', { timeZone: 'UTC' }, '2026-03-01T10:00Z', '2026-02-28T09:00Z'],
    ['UTC, late evening appointment', { timeZone: 'UTC' }, '2026-03-17T23:30Z', '2026-03-16T09:00Z'],
  ])('%s', (_what, o, appointment, reminder) => {
    expect(reminderAt(iso(appointment), settings(o))).toBe(iso(reminder));
  });
});
