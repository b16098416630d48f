import { describe, expect, it } from 'vitest';
import type { Lead } from '../../domain/lead';
import {
  ASSIGNED_AT as A,
  DAY,
  HOUR,
  MIN,
  appointmentLead,
  contactAgainLead,
  contactedLead,
  ctx,
  errorOf,
  iso,
  makeLead,
  unwrap,
} from '../testing/fixtures';
import { contactAgain, isPendingRecontact } from './contactAgain';

const N = A + 3 * HOUR;
const ISO_N = '2026-03-02T11:00:00.000Z';
const R = iso('2026-06-01T09:00+02:00');

describe('contactAgain: closing as Not interested now → Contact again', () => {
  it('from Assigned: Closed No Sale, category/reason set, date planned, qualification set now', () => {
    const r = unwrap(contactAgain(contactedLead(), { recontactAt: R }, ctx(N)));
    expect(r.patch).toEqual({
      status: 'closed_no_sale',
      closeReason: 'contact_again',
      closeCategory: 'not_interested_now',
      recontactAt: R,
      closedAt: N,
      qualifiedAt: N,
      sla2Met: true,
      updatedAt: N,
    });
    expect(r.history.map((h) => [h.field, h.oldValue, h.newValue, h.userId])).toEqual([
      ['status', 'assigned', 'closed_no_sale', 7],
      ['closeReason', null, 'contact_again', 7],
      ['recontactAt', null, '2026-06-01T07:00:00.000Z', 7],
      ['closedAt', null, ISO_N, 7],
      ['qualifiedAt', null, ISO_N, 7],
      ['sla2Met', null, 'true', 7],
    ]);
    expect(r.effects).toEqual([{ kind: 'followUpDue', at: R }]);
  });

  it('from Appointment Taken: the appointment is cancelled; the earlier qualification stays', () => {
    const X = iso('2026-03-05T10:00+01:00');
    const r = unwrap(contactAgain(appointmentLead({ appointmentAt: X }), { recontactAt: R }, ctx(N)));
    expect(r.effects).toEqual([
      { kind: 'appointmentCancelled', appointmentAt: X },
      { kind: 'followUpDue', at: R },
    ]);
    expect(r.patch).not.toHaveProperty('qualifiedAt');
    expect(r.patch).toMatchObject({ status: 'closed_no_sale', closeReason: 'contact_again' });
  });

  it('the result is a pending Contact Again lead', () => {
    const l = contactedLead();
    const after = { ...l, ...unwrap(contactAgain(l, { recontactAt: R }, ctx(N))).patch } as Lead;
    expect(isPendingRecontact(after)).toBe(true);
  });
});

describe('contactAgain: changing the date of a pending Contact Again lead (the one exception to "final")', () => {
  const pending = contactAgainLead({ recontactAt: R });
  const R2 = iso('2026-07-15T10:00+02:00');

  it.each([
    ['to a later date', R2, '2026-07-15T08:00:00.000Z'],
    ['to an earlier date still in the future', N + DAY, '2026-03-03T11:00:00.000Z'],
  ])('moves the date %s: only recontactAt changes', (_what, newAt, isoNew) => {
    const r = unwrap(contactAgain(pending, { recontactAt: newAt }, ctx(N)));
    expect(r.patch).toEqual({ recontactAt: newAt, updatedAt: N });
    expect(r.history).toEqual([
      { at: N, userId: 7, field: 'recontactAt', oldValue: '2026-06-01T07:00:00.000Z', newValue: isoNew },
    ]);
    expect(r.effects).toEqual([{ kind: 'followUpDue', at: newAt }]);
  });

  it('still possible after the old date has passed, as long as the follow-up does not exist (PC was off)', () => {
    const r = unwrap(contactAgain(pending, { recontactAt: R + 10 * DAY }, ctx(R + DAY)));
    expect(r.patch.recontactAt).toBe(R + 10 * DAY);
  });
});

describe('contactAgain: errors', () => {
  it.each<[string, Lead, number, number, { code: string; field?: string }]>([
    // [what, lead, now, recontactAt, error]
    ['date exactly now', contactedLead(), N, N, { code: 'RECONTACT_IN_PAST', field: 'recontactAt' }],
    ['date a minute ago', contactedLead(), N, N - MIN, { code: 'RECONTACT_IN_PAST', field: 'recontactAt' }],
    ['changing a pending date to now', contactAgainLead(), N, N, { code: 'RECONTACT_IN_PAST', field: 'recontactAt' }],
    [
      'changing a pending date to the past',
      contactAgainLead(),
      N,
      N - DAY,
      { code: 'RECONTACT_IN_PAST', field: 'recontactAt' },
    ],
    ['no contact yet', makeLead(), N, R, { code: 'CONTACT_ATTEMPT_REQUIRED' }],
    ['no contact yet and a past date: contact first', makeLead(), N, N - DAY, { code: 'CONTACT_ATTEMPT_REQUIRED' }],
    ['follow-up already created', contactAgainLead({ followUpLeadId: 99 }), N, R, { code: 'LEAD_IS_FINAL' }],
    [
      'Closed No Sale for another reason',
      contactedLead({ status: 'closed_no_sale', closeReason: 'customer_refuses' }),
      N,
      R,
      { code: 'LEAD_IS_FINAL' },
    ],
    ['Closed In Sale', contactedLead({ status: 'closed_sale' }), N, R, { code: 'LEAD_IS_FINAL' }],
    ['Lost Sale', makeLead({ status: 'lost' }), N, R, { code: 'LEAD_IS_FINAL' }],
    ['a frozen appointment', appointmentLead({ frozen: true }), N, R, { code: 'LEAD_IS_FINAL' }],
  ])('%s → %j', (_what, l, now, recontactAt, error) => {
    expect(errorOf(contactAgain(l, { recontactAt }, ctx(now)))).toEqual(error);
  });

  it('1 ms in the future is accepted', () => {
    expect(contactAgain(contactedLead(), { recontactAt: N + 1 }, ctx(N)).ok).toBe(true);
  });
});

describe('isPendingRecontact', () => {
  it.each<[string, Lead, boolean]>([
    ['Contact Again, no follow-up yet', contactAgainLead(), true],
    ['Contact Again, follow-up created', contactAgainLead({ followUpLeadId: 5 }), false],
    ['Closed No Sale, Other', contactedLead({ status: 'closed_no_sale', closeReason: 'other' }), false],
    ['Assigned with a recontact date', contactedLead({ recontactAt: R }), false],
  ])('%s → %s', (_what, l, pending) => {
    expect(isPendingRecontact(l)).toBe(pending);
  });
});
