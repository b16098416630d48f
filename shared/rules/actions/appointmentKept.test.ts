import { describe, expect, it } from 'vitest';
import type { Lead } from '../../domain/lead';
import {
  DAY,
  HOUR,
  VIN,
  appointmentLead,
  contactAgainLead,
  contactedLead,
  ctx,
  errorOf,
  iso,
  makeLead,
  unwrap,
} from '../testing/fixtures';
import { canRecordAppointmentKept, setAppointmentKept } from './appointmentKept';
import { makeAppointment } from './appointment';

const APPT = iso('2026-03-05T10:00+01:00'); // the fixtures' appointment
const BEFORE = APPT - 1;
const AFTER = APPT + HOUR;

describe('canRecordAppointmentKept: which leads, and when (table)', () => {
  const cases: [string, Lead, number, string | null][] = [
    ['Appointment Taken, after its time', appointmentLead(), AFTER, null],
    ['Appointment Taken, exactly at its time', appointmentLead(), APPT, null],
    ['Appointment Taken, before its time', appointmentLead(), BEFORE, 'APPOINTMENT_NOT_YET'],
    [
      'frozen (expired) appointment: an indicator, still allowed',
      appointmentLead({ frozen: true }),
      APPT + 70 * DAY,
      null,
    ],
    [
      'Closed In Sale with an appointment (closed before the visit)',
      appointmentLead({ status: 'closed_sale', vin: VIN, closedAt: BEFORE - DAY }),
      AFTER,
      null,
    ],
    [
      'Closed In Sale with an appointment, before its time',
      appointmentLead({ status: 'closed_sale', vin: VIN, closedAt: BEFORE - DAY }),
      BEFORE,
      'APPOINTMENT_NOT_YET',
    ],
    [
      'Closed In Sale without an appointment',
      contactedLead({ status: 'closed_sale', vin: VIN, closedAt: AFTER }),
      AFTER,
      'NO_APPOINTMENT',
    ],
    [
      'Closed No Sale after the appointment time (e.g. a no-show, then closed)',
      appointmentLead({ status: 'closed_no_sale', closeReason: 'not_reachable', closedAt: AFTER }),
      AFTER + HOUR,
      null,
    ],
    [
      'Closed No Sale before the appointment time (cancelled it)',
      appointmentLead({ status: 'closed_no_sale', closeReason: 'customer_refuses', closedAt: BEFORE }),
      AFTER,
      'NO_APPOINTMENT',
    ],
    [
      'Contact Again before the appointment time (cancelled it)',
      contactAgainLead({ appointmentAt: APPT, closedAt: BEFORE }),
      AFTER,
      'NO_APPOINTMENT',
    ],
    ['Assigned, never booked', contactedLead(), AFTER, 'NO_APPOINTMENT'],
    ['Lost', makeLead({ status: 'lost', closedAt: AFTER }), AFTER, 'NO_APPOINTMENT'],
  ];
  it.each(cases)('%s', (_what, lead, now, code) => {
    expect(canRecordAppointmentKept(lead, now)?.code ?? null).toBe(code);
    const r = setAppointmentKept(lead, { kept: true }, ctx(now));
    if (code === null) expect(r.ok).toBe(true);
    else expect(errorOf(r)).toEqual({ code });
  });
});

describe('setAppointmentKept: what it writes', () => {
  it('arrived: the flag, when it was recorded, one history row; the status does not change', () => {
    const r = unwrap(setAppointmentKept(appointmentLead(), { kept: true }, ctx(AFTER)));
    expect(r.patch).toEqual({ appointmentKept: true, appointmentKeptAt: AFTER, updatedAt: AFTER });
    expect(r.history).toEqual([{ at: AFTER, userId: 7, field: 'appointmentKept', oldValue: null, newValue: 'true' }]);
    expect(r.effects).toEqual([]);
  });

  it('a correction (arrived → no-show) is a change with its own history row', () => {
    const r = unwrap(
      setAppointmentKept(
        appointmentLead({ appointmentKept: true, appointmentKeptAt: AFTER }),
        { kept: false },
        ctx(AFTER + DAY),
      ),
    );
    expect(r.patch).toEqual({ appointmentKept: false, appointmentKeptAt: AFTER + DAY, updatedAt: AFTER + DAY });
    expect(r.history).toEqual([
      { at: AFTER + DAY, userId: 7, field: 'appointmentKept', oldValue: 'true', newValue: 'false' },
    ]);
  });

  it('the same answer again changes nothing', () => {
    const r = unwrap(
      setAppointmentKept(
        appointmentLead({ appointmentKept: false, appointmentKeptAt: AFTER }),
        { kept: false },
        ctx(AFTER + DAY),
      ),
    );
    expect(r).toEqual({ patch: {}, history: [], effects: [] });
  });

  it('a new appointment (rescheduled after a no-show) starts unrecorded; the history keeps the no-show', () => {
    const l = appointmentLead({ appointmentKept: false, appointmentKeptAt: AFTER });
    const next = AFTER + 3 * DAY;
    const r = unwrap(makeAppointment(l, { appointmentAt: next, sendEmail: false }, ctx(AFTER + HOUR)));
    expect(r.patch).toMatchObject({ appointmentAt: next, appointmentKept: null, appointmentKeptAt: null });
    expect(r.history.find((h) => h.field === 'appointmentKept')).toEqual({
      at: AFTER + HOUR,
      userId: 7,
      field: 'appointmentKept',
      oldValue: 'false',
      newValue: null,
    });
  });
});
