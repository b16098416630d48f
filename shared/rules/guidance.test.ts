import { describe, expect, it } from 'vitest';
import { guidance } from './guidance';
import { nextStep } from './nextStep';
import { ASSIGNED_AT as A, HOUR, makeLead, settings } from './testing/fixtures';

const open = { status: 'assigned', closeReason: null, followUpLeadId: null, recontactAt: null } as const;
const call = (at: number) => ({ at, direction: 'outbound', channel: 'phone', outcome: 'no_answer' }) as const;

describe('guidance: the banner and the button follow the next step', () => {
  it.each([
    ['new lead', { kind: 'call', reason: 'new_lead' }, open, 'firstContact', 'recordContact'],
    ['voicemail', { kind: 'voicemail', reason: 'first_call_failed' }, open, 'tryAgain', 'recordContact'],
    ['call again', { kind: 'callAgain', reason: 'spread_attempts' }, open, 'tryAgain', 'recordContact'],
    [
      '3 failed calls: the e-mail, not "try again"',
      { kind: 'sendEmail', reason: 'attempts_exhausted' },
      open,
      'sendEmail',
      null,
    ],
    ['no phone: the e-mail, not "call"', { kind: 'sendEmail', reason: 'phone_missing' }, open, 'sendEmail', null],
    [
      'no contact data: close no sale',
      { kind: 'close', reason: 'no_contact_data' },
      open,
      'closeNoSale',
      'closedNoSale',
    ],
    [
      'no reply after the e-mail',
      { kind: 'close', reason: 'no_reply_after_email' },
      open,
      'closeNoSale',
      'closedNoSale',
    ],
    ['reached', { kind: 'qualify', reason: 'customer_reached' }, open, 'appointment', 'makeAppointment'],
    ['preferred dates', { kind: 'book', reason: 'preferred_date' }, open, 'appointment', 'makeAppointment'],
    [
      'appointment ahead',
      { kind: 'none', reason: 'appointment_planned' },
      { ...open, status: 'appointment' },
      'close',
      'closedInSale',
    ],
    [
      'appointment passed',
      { kind: 'close', reason: 'appointment_passed' },
      { ...open, status: 'appointment' },
      'close',
      'closedInSale',
    ],
    ['final', { kind: 'none', reason: 'final' }, { ...open, status: 'closed_sale' }, 'final', null],
    [
      'pending contact again',
      { kind: 'none', reason: 'final' },
      { ...open, status: 'closed_no_sale', closeReason: 'contact_again' },
      'pendingRecontact',
      'contactAgain',
    ],
  ] as const)('%s', (_, step, lead, hint, primary) => {
    expect(guidance(step, lead)).toEqual({ hint, primary });
  });

  it('never says "call" when the next step is the e-mail (the old banner did after 3 attempts)', () => {
    const lead = makeLead();
    const contacts = [call(A + HOUR), call(A + 20 * HOUR), call(A + 44 * HOUR)];
    const step = nextStep(lead, contacts, { now: A + 45 * HOUR, settings: settings() });
    expect(step.kind).toBe('sendEmail');
    expect(guidance(step, lead).hint).toBe('sendEmail');
  });
});
