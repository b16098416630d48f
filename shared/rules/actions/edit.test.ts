import { describe, expect, it } from 'vitest';
import type { EditInput } from '../../contract/inputs';
import type { Lead } from '../../domain/lead';
import {
  ASSIGNED_AT as A,
  FINAL_LEADS,
  HOUR,
  VIN,
  appointmentLead,
  contactAgainLead,
  ctx,
  errorOf,
  iso,
  makeLead,
  unwrap,
} from '../testing/fixtures';
import { edit } from './edit';

const N = A + 3 * HOUR;

describe('edit: changes and history', () => {
  it.each<[string, Partial<Lead>, EditInput, Partial<Lead>, [string, string | null, string | null][]]>([
    // [what, lead overrides, input, expected patch (without updatedAt), history rows [field, old, new]]
    [
      'request details',
      {},
      { requestDetails: 'Brakes squeal' },
      { requestDetails: 'Brakes squeal' },
      [['requestDetails', 'Annual service', 'Brakes squeal']],
    ],
    [
      'VIN typed lowercase with dashes is stored normalized',
      {},
      { vin: 'zam-45vla8j-0123456' },
      { vin: VIN },
      [['vin', null, VIN]],
    ],
    ['VIN cleared', { vin: VIN }, { vin: null }, { vin: null }, [['vin', VIN, null]]],
    [
      'management notes',
      {},
      { managementNotes: 'Prefers mornings' },
      { managementNotes: 'Prefers mornings' },
      [['managementNotes', null, 'Prefers mornings']],
    ],
    [
      'customer notes',
      { customerNotes: 'old' },
      { customerNotes: 'new' },
      { customerNotes: 'new' },
      [['customerNotes', 'old', 'new']],
    ],
    [
      'e-mail changed',
      {},
      { email: 'marco@example.com' },
      { email: 'marco@example.com' },
      [['email', 'marco.bianchi@example.it', 'marco@example.com']],
    ],
    ['e-mail cleared', {}, { email: null }, { email: null }, [['email', 'marco.bianchi@example.it', null]]],
    [
      'preferred date-time (shown as an ISO instant)',
      {},
      { preferredAt1: iso('2026-03-06T09:30+01:00') },
      { preferredAt1: iso('2026-03-06T09:30+01:00') },
      [['preferredAt1', null, '2026-03-06T08:30:00.000Z']],
    ],
    [
      'several fields at once, unchanged ones dropped',
      {},
      { city: 'Bologna', zip: '41121', language: 'it', phone: '+39 051 000' },
      { city: 'Bologna', phone: '+39 051 000' },
      [
        ['city', 'Modena', 'Bologna'],
        ['phone', '+39 333 1234567', '+39 051 000'],
      ],
    ],
  ])('%s', (_what, overrides, input, patch, rows) => {
    const r = unwrap(edit(makeLead(overrides), input, ctx(N)));
    expect(r.patch).toEqual({ ...patch, updatedAt: N });
    expect(r.history.map((h) => [h.field, h.oldValue, h.newValue])).toEqual(rows);
    expect(r.history.every((h) => h.at === N && h.userId === 7)).toBe(true);
    expect(r.effects).toEqual([]);
  });

  it.each<[string, Partial<Lead>, EditInput]>([
    ['the same VIN written differently', { vin: VIN }, { vin: 'zam 45vla8j 0123456' }],
    ['absent keys', {}, { requestDetails: undefined }],
    ['an empty input', {}, {}],
    ['the same value', {}, { city: 'Modena' }],
  ])('no change, no history, no updatedAt: %s', (_what, overrides, input) => {
    expect(unwrap(edit(makeLead(overrides), input, ctx(N)))).toEqual({ patch: {}, history: [], effects: [] });
  });

  it.each([
    ['Assigned, no contact yet (Edit needs no contact)', makeLead()],
    ['Appointment Taken', appointmentLead()],
  ])('is allowed on %s', (_what, l) => {
    expect(edit(l, { requestDetails: 'x' }, ctx(N)).ok).toBe(true);
  });
});

describe('edit: errors', () => {
  it.each<[string, Lead, EditInput, { code: string; field?: string }]>([
    ['VIN with a Q', makeLead(), { vin: 'ZAM45VLA8Q0123456' }, { code: 'VIN_INVALID', field: 'vin' }],
    ['VIN too long', makeLead(), { vin: 'ZAM45VLA8J01234567' }, { code: 'VIN_INVALID', field: 'vin' }],
    ['e-mail without a domain', makeLead(), { email: 'marco@' }, { code: 'EMAIL_INVALID', field: 'email' }],
    ['e-mail with two @', makeLead(), { email: 'a@b@c.it' }, { code: 'EMAIL_INVALID', field: 'email' }],
    ['bad VIN and bad e-mail: VIN first', makeLead(), { vin: 'X', email: 'y' }, { code: 'VIN_INVALID', field: 'vin' }],
    [
      'a pending Contact Again lead (only its date may change)',
      contactAgainLead(),
      { requestDetails: 'x' },
      { code: 'LEAD_IS_FINAL' },
    ],
    ...FINAL_LEADS.map(([what, l]): [string, Lead, EditInput, { code: string }] => [
      `final: ${what}`,
      l,
      { requestDetails: 'x' },
      { code: 'LEAD_IS_FINAL' },
    ]),
    ['final is checked before the VIN', FINAL_LEADS[0]![1], { vin: 'bad' }, { code: 'LEAD_IS_FINAL' }],
  ])('%s → %j', (_what, l, input, error) => {
    expect(errorOf(edit(l, input, ctx(N)))).toEqual(error);
  });
});
