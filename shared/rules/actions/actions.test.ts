import { describe, expect, it } from 'vitest';
import type { Lead } from '../../domain/lead';
import { ACTIONS, STATUSES, type ActionId } from '../../domain/vocabulary';
import type { RuleErrorCode } from '../errors';
import {
  ASSIGNED_AT as A,
  FINAL_LEADS,
  HOUR,
  appointmentLead,
  contactAgainLead,
  contactedLead,
  ctx,
  errorOf,
  makeLead,
  validInputs,
} from '../testing/fixtures';
import { availableActions, decide, isFinal, type ActionInputs } from './index';

const N = A + 5 * HOUR;
const inputs = validInputs(N);
const run = (a: ActionId, l: Lead) => decide(a, l, inputs[a] as ActionInputs[typeof a], ctx(N));

describe('a lead in a final status cannot be changed at all', () => {
  const cases = FINAL_LEADS.flatMap(([what, l]) => ACTIONS.map((a) => [what, a, l] as const));
  it.each(cases)('%s: %s → LEAD_IS_FINAL', (_what, action, l) => {
    expect(errorOf(run(action, l))).toEqual({ code: 'LEAD_IS_FINAL' });
  });

  it.each(ACTIONS.filter((a) => a !== 'contactAgain'))('pending Contact Again lead: %s → LEAD_IS_FINAL', (action) => {
    expect(errorOf(run(action, contactAgainLead()))).toEqual({ code: 'LEAD_IS_FINAL' });
  });

  it('pending Contact Again lead: contactAgain (change of date) is the one exception', () => {
    expect(run('contactAgain', contactAgainLead()).ok).toBe(true);
  });

  it.each<[string, Pick<Lead, 'status' | 'frozen'>, boolean]>([
    ['assigned', { status: 'assigned', frozen: false }, false],
    ['appointment', { status: 'appointment', frozen: false }, false],
    ['appointment, frozen', { status: 'appointment', frozen: true }, true],
    ['closed_sale', { status: 'closed_sale', frozen: false }, true],
    ['closed_no_sale', { status: 'closed_no_sale', frozen: false }, true],
    ['lost', { status: 'lost', frozen: false }, true],
  ])('isFinal: %s → %s', (_what, l, final) => {
    expect(isFinal(l)).toBe(final);
  });
});

describe('every action except Edit (and Record contact itself) needs a recorded contact', () => {
  it.each(ACTIONS.map((a) => [a, a === 'edit' || a === 'recordContact' ? null : 'CONTACT_ATTEMPT_REQUIRED'] as const))(
    '%s on a lead without contacts → %s',
    (action, code) => {
      expect(errorOf(run(action, makeLead()))?.code ?? null).toBe(code);
    },
  );

  it.each(ACTIONS)('%s on a contacted Assigned lead succeeds', (action) => {
    expect(errorOf(run(action, contactedLead()))).toBeNull();
  });
});

type Avail = Record<ActionId, RuleErrorCode | null>;
const all = (code: RuleErrorCode | null): Avail => Object.fromEntries(ACTIONS.map((a) => [a, code])) as Avail;

describe('availableActions: enabled buttons and the reason a button is disabled', () => {
  it.each<[string, Lead, Avail]>([
    [
      'new lead, no contact yet',
      makeLead(),
      {
        edit: null,
        recordContact: null,
        makeAppointment: 'CONTACT_ATTEMPT_REQUIRED',
        closedInSale: 'CONTACT_ATTEMPT_REQUIRED',
        closedNoSale: 'CONTACT_ATTEMPT_REQUIRED',
        contactAgain: 'CONTACT_ATTEMPT_REQUIRED',
      },
    ],
    ['Assigned, contacted', contactedLead(), all(null)],
    ['Appointment Taken', appointmentLead(), all(null)],
    ['pending Contact Again', contactAgainLead(), { ...all('LEAD_IS_FINAL'), contactAgain: null }],
    ...FINAL_LEADS.map(([what, l]): [string, Lead, Avail] => [what, l, all('LEAD_IS_FINAL')]),
  ])('%s', (_what, l, expected) => {
    const av = availableActions(l);
    const got = Object.fromEntries(ACTIONS.map((a) => [a, av[a].reason])) as Avail;
    expect(got).toEqual(expected);
    for (const a of ACTIONS) expect(av[a].enabled).toBe(expected[a] === null);
  });
});

describe('availableActions agrees with what each action decides', () => {
  // Every combination of status, frozen flag, contacts, close reason and follow-up.
  const variants: Lead[] = [];
  for (const status of STATUSES) {
    for (const frozen of [false, true]) {
      if (frozen && status !== 'appointment') continue;
      for (const contactAttempts of [0, 1]) {
        for (const closeReason of status === 'closed_no_sale' ? (['other', 'contact_again'] as const) : [null]) {
          for (const followUpLeadId of closeReason === 'contact_again' ? [null, 3] : [null]) {
            variants.push(
              makeLead({
                status,
                frozen,
                contactAttempts,
                closeReason,
                followUpLeadId,
                firstContactAt: contactAttempts ? A + HOUR : null,
                appointmentAt: status === 'appointment' ? A + 3 * 24 * HOUR : null,
                recontactAt: closeReason === 'contact_again' ? A + 40 * 24 * HOUR : null,
              }),
            );
          }
        }
      }
    }
  }

  it.each(
    variants.map((l) => [
      `${l.status}${l.frozen ? ' frozen' : ''}, ${l.contactAttempts} contact(s), ${l.closeReason ?? '-'}, follow-up ${l.followUpLeadId ?? '-'}`,
      l,
    ]),
  )('%s', (_name, l) => {
    const av = availableActions(l);
    for (const a of ACTIONS) {
      const err = errorOf(run(a, l));
      expect([a, err?.code ?? null]).toEqual([a, av[a].reason]);
      // STATUS_NOT_ALLOWED exists as a code, but every non-open status is final, so it is never the answer.
      expect(av[a].reason).not.toBe('STATUS_NOT_ALLOWED');
    }
  });
});
