import { describe, expect, it } from 'vitest';
import type { ClosedInSaleInput } from '../../contract/inputs';
import type { Lead } from '../../domain/lead';
import {
  ASSIGNED_AT as A,
  DAY,
  HOUR,
  VIN,
  appointmentLead,
  contactedLead,
  ctx,
  errorOf,
  iso,
  makeLead,
  unwrap,
} from '../testing/fixtures';
import { closedInSale } from './close';

const N = A + 3 * HOUR;
const ISO_N = '2026-03-02T11:00:00.000Z';
const no: ClosedInSaleInput = { vin: null, notes: null };

describe('closedInSale: effects (table)', () => {
  const cases: { name: string; lead: () => Lead; effects: unknown[] }[] = [
    {
      name: 'from appointment → none (the customer still comes: invitation and reminder stay)',
      lead: () => appointmentLead({ vin: VIN }),
      effects: [],
    },
    { name: 'from assigned → none', lead: () => contactedLead({ vin: VIN, managementNotes: 'sold' }), effects: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = unwrap(closedInSale(c.lead(), no, ctx(N)));
      expect(r.effects.map((e) => ({ kind: e.kind }))).toEqual(c.effects);
    });
  }
});

describe('closedInSale: success', () => {
  it('after an appointment, with the VIN already on the lead: notes are not needed', () => {
    const l = appointmentLead({ vin: VIN });
    const r = unwrap(closedInSale(l, no, ctx(N)));
    expect(r.patch).toEqual({ status: 'closed_sale', closedAt: N, updatedAt: N });
    expect(r.history).toEqual([
      { at: N, userId: 7, field: 'status', oldValue: 'appointment', newValue: 'closed_sale' },
      { at: N, userId: 7, field: 'closedAt', oldValue: null, newValue: ISO_N },
    ]);
    // The planned appointment stays: the customer still comes to the workshop (no CANCEL, the reminder is kept).
    expect(r.effects).toEqual([]);
  });

  it('without an appointment: VIN typed in the dialog (normalized), notes given, qualification set now', () => {
    const r = unwrap(
      closedInSale(contactedLead(), { vin: 'zam-45vla8j 0123456', notes: 'Tyres sold at the desk' }, ctx(N)),
    );
    expect(r.patch).toEqual({
      status: 'closed_sale',
      vin: VIN,
      managementNotes: 'Tyres sold at the desk',
      closedAt: N,
      qualifiedAt: N,
      sla2Met: true,
      updatedAt: N,
    });
    expect(r.history.map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
      ['status', 'assigned', 'closed_sale'],
      ['vin', null, VIN],
      ['managementNotes', null, 'Tyres sold at the desk'],
      ['closedAt', null, ISO_N],
      ['qualifiedAt', null, ISO_N],
      ['sla2Met', null, 'true'],
    ]);
  });

  it('without an appointment, the notes already on the lead are enough', () => {
    const r = unwrap(closedInSale(contactedLead({ vin: VIN, managementNotes: 'Customer came in' }), no, ctx(N)));
    expect(r.patch).not.toHaveProperty('managementNotes');
    expect(r.patch.status).toBe('closed_sale');
  });

  it('a VIN in the dialog replaces the one on the lead', () => {
    const other = 'ZAM57XSA1K1234567';
    const r = unwrap(closedInSale(appointmentLead({ vin: VIN }), { vin: other, notes: null }, ctx(N)));
    expect(r.patch.vin).toBe(other);
  });

  it('closing late: SLA 2 is missed when the qualification happens now, after 10 days', () => {
    const now = iso('2026-03-12T09:00:00.001+01:00'); // 10 calendar days + 1 ms after Mon 2 March 09:00
    const r = unwrap(closedInSale(contactedLead({ vin: VIN }), { vin: null, notes: 'late' }, ctx(now)));
    expect(r.patch).toMatchObject({ qualifiedAt: now, sla2Met: false });
  });

  it('an earlier appointment keeps its qualification date and SLA 2', () => {
    const r = unwrap(
      closedInSale(appointmentLead({ vin: VIN, qualifiedAt: A + 2 * HOUR, sla2Met: true }), no, ctx(A + 40 * DAY)),
    );
    expect(r.patch).not.toHaveProperty('qualifiedAt');
    expect(r.patch).not.toHaveProperty('sla2Met');
  });
});

describe('closedInSale: errors, in the order they are checked', () => {
  it.each<[string, Lead, ClosedInSaleInput, { code: string; field?: string }]>([
    ['no VIN anywhere', contactedLead(), { vin: null, notes: 'n' }, { code: 'VIN_REQUIRED', field: 'vin' }],
    ['a blank VIN', contactedLead(), { vin: '   ', notes: 'n' }, { code: 'VIN_REQUIRED', field: 'vin' }],
    [
      'a VIN with an O',
      contactedLead(),
      { vin: 'ZAM45VLA8O0123456', notes: 'n' },
      { code: 'VIN_INVALID', field: 'vin' },
    ],
    [
      'a 16-character VIN',
      appointmentLead(),
      { vin: 'ZAM45VLA8J012345', notes: null },
      { code: 'VIN_INVALID', field: 'vin' },
    ],
    [
      'an invalid VIN in the dialog overrides a valid one on the lead',
      appointmentLead({ vin: VIN }),
      { vin: 'BAD', notes: null },
      { code: 'VIN_INVALID', field: 'vin' },
    ],
    [
      'an invalid VIN left on the lead',
      appointmentLead({ vin: 'WRONGVIN' }),
      no,
      { code: 'VIN_INVALID', field: 'vin' },
    ],
    ['no appointment and no notes', contactedLead({ vin: VIN }), no, { code: 'NOTES_REQUIRED', field: 'notes' }],
    [
      'no appointment and blank notes',
      contactedLead({ vin: VIN }),
      { vin: null, notes: '  ' },
      { code: 'NOTES_REQUIRED', field: 'notes' },
    ],
    ['no VIN and no notes: the VIN error comes first', contactedLead(), no, { code: 'VIN_REQUIRED', field: 'vin' }],
    [
      'invalid VIN and no notes: the VIN error comes first',
      contactedLead(),
      { vin: 'ZAM45VLA8I0123456', notes: null },
      { code: 'VIN_INVALID', field: 'vin' },
    ],
    ['no contact yet (checked before the VIN)', makeLead(), no, { code: 'CONTACT_ATTEMPT_REQUIRED' }],
    ['no contact yet, valid VIN and notes', makeLead(), { vin: VIN, notes: 'n' }, { code: 'CONTACT_ATTEMPT_REQUIRED' }],
    [
      'already Closed In Sale',
      contactedLead({ status: 'closed_sale', vin: VIN }),
      { vin: VIN, notes: 'n' },
      { code: 'LEAD_IS_FINAL' },
    ],
    [
      'Closed No Sale',
      contactedLead({ status: 'closed_no_sale', closeReason: 'other' }),
      { vin: VIN, notes: 'n' },
      { code: 'LEAD_IS_FINAL' },
    ],
    ['Lost Sale', makeLead({ status: 'lost' }), { vin: VIN, notes: 'n' }, { code: 'LEAD_IS_FINAL' }],
    ['a frozen appointment', appointmentLead({ frozen: true, vin: VIN }), no, { code: 'LEAD_IS_FINAL' }],
  ])('%s → %j', (_what, l, input, error) => {
    expect(errorOf(closedInSale(l, input, ctx(N)))).toEqual(error);
  });
});
