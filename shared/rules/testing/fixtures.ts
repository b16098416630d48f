// Test fixtures for the rules module: a complete Lead with sensible defaults, a RuleContext builder,
// and instants written as ISO strings with an explicit offset (so expected values are computed by
// hand, independently of time.ts).
import type { Actor, Lead } from '../../domain/lead';
import { defaultRuleSettings, type RuleSettings } from '../../domain/settings';
import type { RuleContext } from '../context';
import type { Result, RuleError } from '../errors';
import type { ActionInputs } from '../actions';

export const TZ = 'Europe/Rome';
export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** An instant from an ISO string with an explicit offset, e.g. `iso('2026-03-29T12:00+02:00')`. */
export function iso(s: string): number {
  const v = Date.parse(s);
  if (Number.isNaN(v)) throw new Error(`bad ISO instant in a test: ${s}`);
  return v;
}

/** The person acting in the tests. */
export const USER: Actor = { id: 7, name: 'Giulia Rossi' };

/** A valid VIN (17 chars, no I/O/Q). */
export const VIN = 'ZAM45VLA8J0123456';

/** Monday 2 March 2026, 09:00 in Rome (UTC+1): the default assignment time. */
export const ASSIGNED_AT = iso('2026-03-02T09:00+01:00');

/** Rule settings: the defaults in Europe/Rome, with overrides. */
export function settings(overrides: Partial<RuleSettings> = {}): RuleSettings {
  return { ...defaultRuleSettings(overrides.timeZone ?? TZ), ...overrides };
}

/** A rule context at `now`, acting as USER unless told otherwise. */
export function ctx(now: number, overrides: Partial<RuleSettings> = {}, user: Actor = USER): RuleContext {
  return { now, user, settings: settings(overrides) };
}

/** A fresh lead, Assigned to Dealer, no contact yet, assigned at ASSIGNED_AT. */
export function makeLead(overrides: Partial<Lead> = {}): Lead {
  return {
    id: 1,
    number: 'ASL-2026-000001',
    version: 1,
    status: 'assigned',
    frozen: false,
    leadType: 'customer_driven',
    source: 'web',
    campaign: 'service_reminder',
    campaignNotes: null,
    recontacted: false,
    masterLeadId: null,
    customerId: 11,
    assigneeId: 7,
    createdAt: ASSIGNED_AT,
    assignedAt: ASSIGNED_AT,
    updatedAt: ASSIGNED_AT,
    consents: {
      directMarketing: true,
      profiling: false,
      email: true,
      phone: true,
      post: false,
      sms: false,
      fax: false,
      social: false,
    },
    firstName: 'Marco',
    lastName: 'Bianchi',
    email: 'marco.bianchi@example.it',
    phone: '+39 333 1234567',
    otherPhone: null,
    language: 'it',
    country: 'IT',
    state: null,
    city: 'Modena',
    zip: '41121',
    requestFor: 'Service',
    requestDetails: 'Annual service',
    preferredAt1: null,
    preferredAt2: null,
    preferredAt3: null,
    appointmentAt: null,
    recontactAt: null,
    customerNotes: null,
    additionalServices: null,
    vin: null,
    endOfOwnership: null,
    contactAttempts: 0,
    firstContactAt: null,
    lastContactAt: null,
    lastOutcome: null,
    sla1Met: null,
    qualifiedAt: null,
    sla2Met: null,
    closeReason: null,
    closeCategory: null,
    managementNotes: null,
    closedAt: null,
    followUpLeadId: null,
    appointmentEmail: false,
    appointmentKept: null,
    appointmentKeptAt: null,
    ...overrides,
  };
}

/** A lead with one recorded contact one hour after assignment (so every action is possible). */
export function contactedLead(overrides: Partial<Lead> = {}): Lead {
  const first = (overrides.assignedAt ?? ASSIGNED_AT) + HOUR;
  return makeLead({
    contactAttempts: 1,
    firstContactAt: first,
    lastContactAt: first,
    lastOutcome: 'reached',
    sla1Met: true,
    ...overrides,
  });
}

/** A lead with an appointment booked (Appointment Taken, not frozen). */
export function appointmentLead(overrides: Partial<Lead> = {}): Lead {
  const booked = (overrides.assignedAt ?? ASSIGNED_AT) + 2 * HOUR;
  return contactedLead({
    status: 'appointment',
    appointmentAt: iso('2026-03-05T10:00+01:00'),
    qualifiedAt: booked,
    sla2Met: true,
    ...overrides,
  });
}

/** A Contact Again lead whose follow-up has not been created yet. */
export function contactAgainLead(overrides: Partial<Lead> = {}): Lead {
  const closed = (overrides.assignedAt ?? ASSIGNED_AT) + 2 * HOUR;
  return contactedLead({
    status: 'closed_no_sale',
    closeReason: 'contact_again',
    closeCategory: 'not_interested_now',
    recontactAt: iso('2026-04-02T10:00+02:00'),
    closedAt: closed,
    qualifiedAt: closed,
    sla2Met: true,
    ...overrides,
  });
}

/** Leads in every final state, for "cannot be changed at all" tables. */
export const FINAL_LEADS: [string, Lead][] = [
  [
    'closed_sale',
    contactedLead({ status: 'closed_sale', vin: VIN, closedAt: ASSIGNED_AT + 3 * HOUR, managementNotes: 'sold' }),
  ],
  [
    'closed_no_sale',
    contactedLead({
      status: 'closed_no_sale',
      closeReason: 'customer_refuses',
      closeCategory: 'not_interested',
      closedAt: ASSIGNED_AT + 3 * HOUR,
    }),
  ],
  ['lost', makeLead({ status: 'lost', closedAt: ASSIGNED_AT + 60 * DAY })],
  ['frozen appointment', appointmentLead({ frozen: true })],
  ['contact again, follow-up created', contactAgainLead({ followUpLeadId: 99 })],
];

/** The value of an ok Result; throws (failing the test) with the error code otherwise. */
export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}${r.error.field ? ` (${r.error.field})` : ''}`);
  return r.value;
}

/** The error of a failed Result, or null when it succeeded. */
export const errorOf = <T>(r: Result<T>): RuleError | null => (r.ok ? null : r.error);

/** Valid inputs for every action at `now` (an appointment / recontact date in the future). */
export function validInputs(now: number): ActionInputs {
  return {
    edit: { requestDetails: 'Brakes squeal' },
    recordContact: { direction: 'outbound', channel: 'phone', outcome: 'reached', verbatim: null, answer: null },
    makeAppointment: { appointmentAt: now + DAY, sendEmail: false },
    closedInSale: { vin: VIN, notes: 'Sold at the desk' },
    closedNoSale: { reason: 'customer_refuses', notes: null, endOfOwnership: null },
    contactAgain: { recontactAt: now + 30 * DAY },
  };
}
