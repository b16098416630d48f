import { describe, expect, it } from 'vitest';
import type { RecordContactInput } from '../../contract/inputs';
import {
  ASSIGNED_AT as A,
  HOUR,
  appointmentLead,
  contactAgainLead,
  contactedLead,
  ctx,
  errorOf,
  iso,
  makeLead,
  unwrap,
} from '../testing/fixtures';
import { recordContact } from './recordContact';

const call: RecordContactInput = {
  direction: 'outbound',
  channel: 'phone',
  outcome: 'no_answer',
  verbatim: null,
  answer: null,
};
const N = A + 2 * HOUR; // Monday 11:00 in Rome

describe('recordContact: the first contact', () => {
  it('sets the first contact date and the SLA first contact flag; the time is the save time', () => {
    const r = unwrap(recordContact(makeLead(), { ...call, verbatim: 'Call me tomorrow', answer: 'Will do' }, ctx(N)));
    expect(r.patch).toEqual({
      contactAttempts: 1,
      lastContactAt: N,
      lastOutcome: 'no_answer',
      firstContactAt: N,
      sla1Met: true,
      updatedAt: N,
    });
    expect(r.history).toEqual([
      { at: N, userId: 7, field: 'contact', oldValue: null, newValue: '#1 outbound/phone/no_answer' },
      { at: N, userId: 7, field: 'firstContactAt', oldValue: null, newValue: '2026-03-02T10:00:00.000Z' },
      { at: N, userId: 7, field: 'sla1Met', oldValue: null, newValue: 'true' },
    ]);
    expect(r.contact).toEqual({
      at: N,
      userId: 7,
      direction: 'outbound',
      channel: 'phone',
      outcome: 'no_answer',
      verbatim: 'Call me tomorrow',
      answer: 'Will do',
    });
    expect(r.effects).toEqual([]);
  });

  it.each([
    ['right after assignment', A + 1, true],
    ['exactly 24 h after assignment', A + 24 * HOUR, true],
    ['24 h + 1 ms after assignment', A + 24 * HOUR + 1, false],
    ['three days later', A + 72 * HOUR, false],
  ])('SLA first contact: %s → %s', (_what, now, met) => {
    expect(unwrap(recordContact(makeLead(), call, ctx(now))).patch.sla1Met).toBe(met);
  });

  it.each([
    // 24 elapsed hours, not wall-clock: Sat 12:00 CET + 24 h = Sun 13:00 CEST; Sat 12:00 CEST + 24 h = Sun 11:00 CET.
    ['spring forward, Sunday 12:30 CEST (23.5 h)', '2026-03-28T12:00+01:00', '2026-03-29T12:30+02:00', true],
    ['spring forward, Sunday 13:00:00.001 CEST', '2026-03-28T12:00+01:00', '2026-03-29T13:00:00.001+02:00', false],
    ['fall back, Sunday 11:00 CET (24 h)', '2026-10-24T12:00+02:00', '2026-10-25T11:00+01:00', true],
    [
      'fall back, Sunday 11:30 CET (24.5 h, wall clock before 12:00)',
      '2026-10-24T12:00+02:00',
      '2026-10-25T11:30+01:00',
      false,
    ],
  ])('SLA first contact across DST: %s → %s', (_what, assigned, now, met) => {
    expect(unwrap(recordContact(makeLead({ assignedAt: iso(assigned) }), call, ctx(iso(now)))).patch.sla1Met).toBe(met);
  });

  it('UTC settings: same 24 h', () => {
    const l = makeLead({ assignedAt: iso('2026-03-28T12:00Z') });
    expect(unwrap(recordContact(l, call, ctx(iso('2026-03-29T12:00Z'), { timeZone: 'UTC' }))).patch.sla1Met).toBe(true);
    expect(unwrap(recordContact(l, call, ctx(iso('2026-03-29T12:00Z') + 1, { timeZone: 'UTC' }))).patch.sla1Met).toBe(
      false,
    );
  });
});

describe('recordContact: later contacts', () => {
  it('the second contact keeps the first contact date and SLA flag', () => {
    const l = contactedLead({ sla1Met: true });
    const now = A + 30 * HOUR;
    const r = unwrap(recordContact(l, { ...call, outcome: 'voicemail' }, ctx(now)));
    expect(r.patch).toEqual({ contactAttempts: 2, lastContactAt: now, lastOutcome: 'voicemail', updatedAt: now });
    expect(r.history).toEqual([
      { at: now, userId: 7, field: 'contact', oldValue: null, newValue: '#2 outbound/phone/voicemail' },
    ]);
  });

  it('a late second contact does not turn a met SLA 1 into missed', () => {
    const r = unwrap(recordContact(contactedLead({ sla1Met: true }), call, ctx(A + 100 * HOUR)));
    expect(r.patch).not.toHaveProperty('sla1Met');
    expect(r.patch).not.toHaveProperty('firstContactAt');
  });

  it('contacts beyond the fifth are still recorded (the log keeps every contact)', () => {
    const r = unwrap(
      recordContact(
        contactedLead({ contactAttempts: 5 }),
        { ...call, direction: 'inbound', channel: 'email', outcome: 'reached' },
        ctx(N),
      ),
    );
    expect(r.patch.contactAttempts).toBe(6);
    expect(r.history[0]?.newValue).toBe('#6 inbound/email/reached');
  });

  it.each([
    ['Assigned to Dealer without any contact (no contact needed to record one)', makeLead()],
    ['Assigned to Dealer, contacted', contactedLead()],
    ['Appointment Taken (not expired)', appointmentLead()],
  ])('is allowed on a lead %s', (_what, l) => {
    expect(recordContact(l, call, ctx(N)).ok).toBe(true);
  });

  it.each([
    ['Closed In Sale', contactedLead({ status: 'closed_sale', closedAt: N - HOUR })],
    ['Closed No Sale', contactedLead({ status: 'closed_no_sale', closeReason: 'other', closedAt: N - HOUR })],
    ['Lost Sale', makeLead({ status: 'lost' })],
    ['a frozen appointment', appointmentLead({ frozen: true })],
    ['a Contact Again lead (only its date may change)', contactAgainLead()],
  ])('is refused on %s: LEAD_IS_FINAL', (_what, l) => {
    expect(errorOf(recordContact(l, call, ctx(N)))).toEqual({ code: 'LEAD_IS_FINAL' });
  });

  it('writes the acting user, or null for the System user', () => {
    const r = unwrap(recordContact(makeLead(), call, ctx(N, {}, { id: null, name: 'System' })));
    expect(r.history.every((h) => h.userId === null)).toBe(true);
    expect(r.contact?.userId).toBeNull();
  });
});
