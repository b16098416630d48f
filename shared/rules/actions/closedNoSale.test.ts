import { describe, expect, it } from 'vitest';
import type { ClosedNoSaleInput } from '../../contract/inputs';
import type { Lead } from '../../domain/lead';
import { CLOSE_REASON_CATEGORY, PICKABLE_CLOSE_REASONS } from '../../domain/vocabulary';
import {
  ASSIGNED_AT as A,
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
import { closedNoSale } from './close';

const N = A + 3 * HOUR;
const ISO_N = '2026-03-02T11:00:00.000Z';
const EOO = iso('2026-02-15T00:00+01:00');
const input = (p: Partial<ClosedNoSaleInput>): ClosedNoSaleInput => ({
  reason: null,
  notes: null,
  endOfOwnership: null,
  ...p,
});

describe('closedNoSale: success', () => {
  it("Assigned → Closed No Sale with the reason (no category: the manual's list is flat); qualification set now", () => {
    const r = unwrap(closedNoSale(contactedLead(), input({ reason: 'customer_refuses' }), ctx(N)));
    expect(r.patch).toEqual({
      status: 'closed_no_sale',
      closeReason: 'customer_refuses',
      closedAt: N,
      qualifiedAt: N,
      sla2Met: true,
      updatedAt: N,
    });
    expect(r.history.map((h) => [h.field, h.oldValue, h.newValue, h.userId, h.at])).toEqual([
      ['status', 'assigned', 'closed_no_sale', 7, N],
      ['closeReason', null, 'customer_refuses', 7, N],
      ['closedAt', null, ISO_N, 7, N],
      ['qualifiedAt', null, ISO_N, 7, N],
      ['sla2Met', null, 'true', 7, N],
    ]);
    expect(r.effects).toEqual([]);
  });

  it.each(PICKABLE_CLOSE_REASONS.map((r) => [r]))('reason %s can be picked', (reason) => {
    const r = unwrap(
      closedNoSale(contactedLead({ vin: VIN }), input({ reason, notes: 'why', endOfOwnership: EOO }), ctx(N)),
    );
    expect(r.patch).toMatchObject({ status: 'closed_no_sale', closeReason: reason });
    expect(CLOSE_REASON_CATEGORY[reason]).toBeNull();
    expect(r.patch.closeCategory ?? null).toBeNull();
  });

  it('Other with notes in the dialog: the notes are written', () => {
    const r = unwrap(closedNoSale(contactedLead(), input({ reason: 'other', notes: 'Moved abroad' }), ctx(N)));
    expect(r.patch).toMatchObject({ closeReason: 'other', managementNotes: 'Moved abroad' });
  });

  it('Other with notes already on the lead is enough', () => {
    expect(
      closedNoSale(contactedLead({ managementNotes: 'Moved abroad' }), input({ reason: 'other' }), ctx(N)).ok,
    ).toBe(true);
  });

  it('Not current owner: the end-of-ownership date goes on the lead and to the vehicle', () => {
    const r = unwrap(
      closedNoSale(contactedLead({ vin: VIN }), input({ reason: 'not_current_owner', endOfOwnership: EOO }), ctx(N)),
    );
    expect(r.patch).toMatchObject({ closeReason: 'not_current_owner', endOfOwnership: EOO });
    expect(r.history).toContainEqual({
      at: N,
      userId: 7,
      field: 'endOfOwnership',
      oldValue: null,
      newValue: '2026-02-14T23:00:00.000Z',
    });
    expect(r.effects).toEqual([{ kind: 'vehicleEndOfOwnership', vin: VIN, date: EOO }]);
  });

  it('Not current owner without a VIN on the lead: date on the lead, no vehicle to update', () => {
    const r = unwrap(
      closedNoSale(contactedLead(), input({ reason: 'not_current_owner', endOfOwnership: EOO }), ctx(N)),
    );
    expect(r.patch.endOfOwnership).toBe(EOO);
    expect(r.effects).toEqual([]);
  });

  it('an end-of-ownership date with another reason is ignored', () => {
    const r = unwrap(
      closedNoSale(contactedLead({ vin: VIN }), input({ reason: 'leasing_rental', endOfOwnership: EOO }), ctx(N)),
    );
    expect(r.patch).not.toHaveProperty('endOfOwnership');
    expect(r.effects).toEqual([]);
  });

  it('from Appointment Taken: the appointment is cancelled; the earlier qualification stays', () => {
    const X = iso('2026-03-05T10:00+01:00');
    const r = unwrap(
      closedNoSale(
        appointmentLead({ appointmentAt: X, vin: VIN }),
        input({ reason: 'not_current_owner', endOfOwnership: EOO }),
        ctx(N),
      ),
    );
    expect(r.effects).toEqual([
      { kind: 'appointmentCancelled', appointmentAt: X },
      { kind: 'vehicleEndOfOwnership', vin: VIN, date: EOO },
    ]);
    expect(r.patch).not.toHaveProperty('qualifiedAt');
    expect(r.history[0]).toEqual({
      at: N,
      userId: 7,
      field: 'status',
      oldValue: 'appointment',
      newValue: 'closed_no_sale',
    });
  });
});

describe('closedNoSale: errors', () => {
  it.each<[string, Lead, Partial<ClosedNoSaleInput>, { code: string; field?: string }]>([
    ['no reason', contactedLead(), {}, { code: 'REASON_REQUIRED', field: 'reason' }],
    [
      'Contact again picked by hand',
      contactedLead(),
      { reason: 'contact_again' },
      { code: 'REASON_INVALID', field: 'reason' },
    ],
    [
      'Contact again picked by hand, with a date-like note',
      contactedLead(),
      { reason: 'contact_again', notes: 'in June' },
      { code: 'REASON_INVALID', field: 'reason' },
    ],
    ['Other without notes', contactedLead(), { reason: 'other' }, { code: 'NOTES_REQUIRED', field: 'notes' }],
    [
      'Other with blank notes',
      contactedLead(),
      { reason: 'other', notes: ' \n ' },
      { code: 'NOTES_REQUIRED', field: 'notes' },
    ],
    [
      'Not current owner without the date',
      contactedLead({ vin: VIN }),
      { reason: 'not_current_owner' },
      { code: 'END_OF_OWNERSHIP_REQUIRED', field: 'endOfOwnership' },
    ],
    [
      'Not current owner without the date, even with notes',
      contactedLead(),
      { reason: 'not_current_owner', notes: 'sold' },
      { code: 'END_OF_OWNERSHIP_REQUIRED', field: 'endOfOwnership' },
    ],
    ['no contact yet (checked before the reason)', makeLead(), {}, { code: 'CONTACT_ATTEMPT_REQUIRED' }],
    ['no contact yet, valid reason', makeLead(), { reason: 'not_reachable' }, { code: 'CONTACT_ATTEMPT_REQUIRED' }],
    [
      'Closed In Sale',
      contactedLead({ status: 'closed_sale' }),
      { reason: 'not_reachable' },
      { code: 'LEAD_IS_FINAL' },
    ],
    [
      'already Closed No Sale',
      contactedLead({ status: 'closed_no_sale', closeReason: 'other' }),
      { reason: 'not_reachable' },
      { code: 'LEAD_IS_FINAL' },
    ],
    ['Lost Sale', makeLead({ status: 'lost' }), { reason: 'not_reachable' }, { code: 'LEAD_IS_FINAL' }],
    ['a frozen appointment', appointmentLead({ frozen: true }), { reason: 'not_reachable' }, { code: 'LEAD_IS_FINAL' }],
  ])('%s → %j', (_what, l, p, error) => {
    expect(errorOf(closedNoSale(l, input(p), ctx(N)))).toEqual(error);
  });
});
