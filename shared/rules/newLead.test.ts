import { describe, expect, it } from 'vitest';
import { DEFAULT_CAMPAIGNS } from '../domain/vocabulary';
import type { NewLead } from '../contract/inputs';
import { VIN, iso, settings } from './testing/fixtures';
import { initialLead, leadNumber } from './newLead';
import { followUpLead } from './sweeps';
import { contactAgainLead } from './testing/fixtures';

const NOW = iso('2026-03-02T09:00+01:00');
const c = { now: NOW, settings: settings(), campaigns: [...DEFAULT_CAMPAIGNS] as readonly string[] };

const input = (p: Partial<NewLead> = {}): NewLead => ({
  firstName: 'Anna',
  lastName: 'Verdi',
  leadType: 'customer_driven',
  source: 'web',
  campaign: 'service_reminder',
  email: null,
  phone: '+39 333 1234567',
  otherPhone: null,
  vin: null,
  language: 'it',
  country: 'IT',
  state: null,
  city: 'Modena',
  zip: null,
  requestFor: 'Service',
  requestDetails: null,
  preferredAt1: null,
  preferredAt2: null,
  preferredAt3: null,
  customerNotes: null,
  campaignNotes: null,
  additionalServices: null,
  assigneeId: 3,
  customerId: null,
  ...p,
});

describe('initialLead: validation errors', () => {
  it.each([
    ['both names blank', { firstName: ' ', lastName: '' }, 'NAME_REQUIRED', 'lastName'],
    ['unknown campaign', { campaign: 'black_friday' }, 'CAMPAIGN_UNKNOWN', 'campaign'],
    ['e-mail without @', { email: 'anna.example.it' }, 'EMAIL_INVALID', 'email'],
    ['e-mail without a dot in the domain', { email: 'anna@example' }, 'EMAIL_INVALID', 'email'],
    ['e-mail with a space', { email: 'anna verdi@example.it' }, 'EMAIL_INVALID', 'email'],
    ['VIN with an O', { vin: 'ZAM45VLA8O0123456' }, 'VIN_INVALID', 'vin'],
    ['VIN too short', { vin: 'ZAM45VLA8J012345' }, 'VIN_INVALID', 'vin'],
    [
      'names checked before the campaign',
      { firstName: '', lastName: '', campaign: 'nope' },
      'NAME_REQUIRED',
      'lastName',
    ],
    ['campaign checked before the e-mail', { campaign: 'nope', email: 'bad' }, 'CAMPAIGN_UNKNOWN', 'campaign'],
    ['e-mail checked before the VIN', { email: 'bad', vin: 'bad' }, 'EMAIL_INVALID', 'email'],
  ] as const)('%s → %s', (_what, p, code, field) => {
    expect(initialLead(input(p), c)).toEqual({ ok: false, error: { code, field } });
  });

  it.each([
    ['only a last name', { firstName: '', lastName: 'Verdi' }],
    ['only a first name', { firstName: 'Anna', lastName: ' ' }],
    ['a campaign added in the settings', { campaign: 'black_friday' }],
    ['no e-mail and no VIN', {}],
    ['a lowercase VIN with dashes', { vin: 'zam-45vla8j-0123456' }],
  ])('accepts %s', (_what, p) => {
    const cc = { ...c, campaigns: [...c.campaigns, 'black_friday'] };
    expect(initialLead(input(p), cc).ok).toBe(true);
  });
});

describe('initialLead: initial values', () => {
  const r = initialLead(
    input({
      firstName: ' Anna ',
      email: 'Anna.Verdi@Example.IT',
      vin: 'zam 45vla8j 0123456',
      consents: { email: true },
    }),
    c,
  );
  const lead = r.ok ? r.value : (undefined as never);

  it('starts Assigned to Dealer, reaching the dealer now, with nothing done yet', () => {
    expect(r.ok).toBe(true);
    expect(lead).toMatchObject({
      version: 1,
      status: 'assigned',
      frozen: false,
      createdAt: NOW,
      assignedAt: NOW,
      updatedAt: NOW,
      recontacted: false,
      masterLeadId: null,
      appointmentAt: null,
      recontactAt: null,
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
      endOfOwnership: null,
      assigneeId: 3,
    });
  });

  it('normalizes: trimmed names, lowercase e-mail, uppercase VIN without separators', () => {
    expect([lead.firstName, lead.lastName, lead.email, lead.vin]).toEqual([
      'Anna',
      'Verdi',
      'anna.verdi@example.it',
      VIN,
    ]);
  });

  it('fills every missing consent with false', () => {
    expect(lead.consents).toEqual({
      directMarketing: false,
      profiling: false,
      email: true,
      phone: false,
      post: false,
      sms: false,
      fax: false,
      social: false,
    });
  });

  it('a follow-up lead is created Recontacted, with its master, reaching the dealer at the recontact date', () => {
    const master = contactAgainLead({ id: 12, vin: VIN, recontactAt: iso('2026-05-04T08:00+02:00') });
    const fr = initialLead(followUpLead(master), { ...c, now: iso('2026-05-04T08:15+02:00') });
    expect(fr.ok && fr.value).toMatchObject({
      status: 'assigned',
      recontacted: true,
      masterLeadId: 12,
      source: 'recontact',
      campaign: master.campaign,
      assigneeId: master.assigneeId,
      assignedAt: iso('2026-05-04T08:00+02:00'),
      createdAt: iso('2026-05-04T08:15+02:00'),
      vin: VIN,
      contactAttempts: 0,
      closeReason: null,
    });
  });
});

describe('leadNumber', () => {
  it.each([
    [2026, 123, 'ASL-2026-000123'],
    [2026, 1, 'ASL-2026-000001'],
    [2027, 999999, 'ASL-2027-999999'],
  ])('%s/%s → %s', (year, seq, expected) => {
    expect(leadNumber(year, seq)).toBe(expected);
  });
});
