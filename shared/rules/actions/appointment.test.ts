import { describe, expect, it } from 'vitest';
import type { Lead } from '../../domain/lead';
import {
  ASSIGNED_AT as A,
  DAY,
  HOUR,
  MIN,
  appointmentLead,
  contactedLead,
  ctx,
  errorOf,
  iso,
  makeLead,
  unwrap,
} from '../testing/fixtures';
import { makeAppointment } from './appointment';

const N = A + 2 * HOUR; // Monday 2 March 11:00 (Rome, UTC+1)
const X = iso('2026-03-05T10:00+01:00');

describe('makeAppointment: booking', () => {
  it('Assigned → Appointment Taken; sets the qualification date and SLA 2 the first time', () => {
    const r = unwrap(makeAppointment(contactedLead(), { appointmentAt: X, sendEmail: true }, ctx(N)));
    expect(r.patch).toEqual({
      status: 'appointment',
      appointmentAt: X,
      appointmentEmail: true,
      qualifiedAt: N,
      sla2Met: true,
      updatedAt: N,
    });
    expect(r.history).toEqual([
      { at: N, userId: 7, field: 'status', oldValue: 'assigned', newValue: 'appointment' },
      { at: N, userId: 7, field: 'appointmentAt', oldValue: null, newValue: '2026-03-05T09:00:00.000Z' },
      { at: N, userId: 7, field: 'appointmentEmail', oldValue: 'false', newValue: 'true' },
      { at: N, userId: 7, field: 'qualifiedAt', oldValue: null, newValue: '2026-03-02T10:00:00.000Z' },
      { at: N, userId: 7, field: 'sla2Met', oldValue: null, newValue: 'true' },
    ]);
    expect(r.effects).toEqual([
      { kind: 'appointmentBooked', appointmentAt: X, previousAppointmentAt: null, sendToCustomer: true },
    ]);
  });

  it('without the e-mail flag: no e-mail to the customer, no appointmentEmail change', () => {
    const r = unwrap(makeAppointment(contactedLead(), { appointmentAt: X, sendEmail: false }, ctx(N)));
    expect(r.patch).not.toHaveProperty('appointmentEmail');
    expect(r.effects).toEqual([
      { kind: 'appointmentBooked', appointmentAt: X, previousAppointmentAt: null, sendToCustomer: false },
    ]);
  });

  it.each([
    // SLA 2 = same wall-clock time 10 calendar days later in Rome; across spring forward that is 239 h.
    ['exactly 10 days later (239 h across DST)', '2026-03-25T10:00+01:00', '2026-04-04T10:00+02:00', true],
    ['10 days + 1 ms later', '2026-03-25T10:00+01:00', '2026-04-04T10:00:00.001+02:00', false],
    [
      '240 h later across spring forward (already 11:00 on day 10)',
      '2026-03-25T10:00+01:00',
      '2026-04-04T11:00+02:00',
      false,
    ],
    ['240.5 h later across fall back (09:30 on day 10)', '2026-10-20T10:00+02:00', '2026-10-30T09:30+01:00', true],
  ])('SLA 2 at the first appointment: %s → %s', (_what, assigned, now, met) => {
    const l = contactedLead({ assignedAt: iso(assigned) });
    const r = unwrap(makeAppointment(l, { appointmentAt: iso(now) + DAY, sendEmail: false }, ctx(iso(now))));
    expect(r.patch).toMatchObject({ qualifiedAt: iso(now), sla2Met: met });
  });
});

describe('makeAppointment: rescheduling (pressed again)', () => {
  const booked = appointmentLead({ appointmentAt: X, qualifiedAt: N, sla2Met: true, appointmentEmail: true });
  const later = A + 20 * DAY; // past the SLA 2 window: must not change the SLA 2 already met
  const Y = iso('2026-03-25T15:30+01:00');

  it('moves the appointment; the qualification date and SLA 2 stay as they were', () => {
    const r = unwrap(makeAppointment(booked, { appointmentAt: Y, sendEmail: true }, ctx(later)));
    expect(r.patch).toEqual({ appointmentAt: Y, updatedAt: later });
    expect(r.history).toEqual([
      {
        at: later,
        userId: 7,
        field: 'appointmentAt',
        oldValue: '2026-03-05T09:00:00.000Z',
        newValue: '2026-03-25T14:30:00.000Z',
      },
    ]);
  });

  it('tells the app the previous date, so the old reminder is cancelled and a new confirmation goes out', () => {
    const r = unwrap(makeAppointment(booked, { appointmentAt: Y, sendEmail: true }, ctx(later)));
    expect(r.effects).toEqual([
      { kind: 'appointmentBooked', appointmentAt: Y, previousAppointmentAt: X, sendToCustomer: true },
    ]);
  });

  it('turning the e-mail flag off is recorded', () => {
    const r = unwrap(makeAppointment(booked, { appointmentAt: Y, sendEmail: false }, ctx(later)));
    expect(r.patch).toEqual({ appointmentAt: Y, appointmentEmail: false, updatedAt: later });
    expect(r.history.map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
      ['appointmentAt', '2026-03-05T09:00:00.000Z', '2026-03-25T14:30:00.000Z'],
      ['appointmentEmail', 'true', 'false'],
    ]);
  });

  it('rescheduling while the old appointment is already past is fine', () => {
    expect(makeAppointment(booked, { appointmentAt: X + 7 * DAY, sendEmail: false }, ctx(X + DAY)).ok).toBe(true);
  });
});

describe('makeAppointment: errors', () => {
  it.each<[string, Lead, number, number, { code: string; field?: string }]>([
    // [what, lead, now, appointmentAt, error]
    ['appointment exactly now', contactedLead(), N, N, { code: 'APPOINTMENT_IN_PAST', field: 'appointmentAt' }],
    ['appointment a minute ago', contactedLead(), N, N - MIN, { code: 'APPOINTMENT_IN_PAST', field: 'appointmentAt' }],
    [
      'rescheduled into the past',
      appointmentLead(),
      N,
      N - DAY,
      { code: 'APPOINTMENT_IN_PAST', field: 'appointmentAt' },
    ],
    ['no contact recorded yet', makeLead(), N, X, { code: 'CONTACT_ATTEMPT_REQUIRED' }],
    [
      'no contact and a past date: the contact is checked first',
      makeLead(),
      N,
      N - DAY,
      { code: 'CONTACT_ATTEMPT_REQUIRED' },
    ],
    ['frozen appointment', appointmentLead({ frozen: true }), N, X, { code: 'LEAD_IS_FINAL' }],
    [
      'Lost Sale without contacts: final is checked first',
      makeLead({ status: 'lost' }),
      N,
      X,
      { code: 'LEAD_IS_FINAL' },
    ],
    ['Closed In Sale', contactedLead({ status: 'closed_sale' }), N, X, { code: 'LEAD_IS_FINAL' }],
    [
      'Closed No Sale',
      contactedLead({ status: 'closed_no_sale', closeReason: 'not_reachable' }),
      N,
      X,
      { code: 'LEAD_IS_FINAL' },
    ],
  ])('%s → %j', (_what, l, now, appointmentAt, error) => {
    expect(errorOf(makeAppointment(l, { appointmentAt, sendEmail: true }, ctx(now)))).toEqual(error);
  });

  it('1 ms in the future is accepted', () => {
    expect(makeAppointment(contactedLead(), { appointmentAt: N + 1, sendEmail: false }, ctx(N)).ok).toBe(true);
  });
});
