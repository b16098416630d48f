import { describe, expect, it } from 'vitest';
import type { OutboxState } from '../../../shared/contract/mail';
import type { AppointmentMailRow } from '../../store/repos/outbox';
import { holders, parseAppointmentKey, strandedInvitation } from './calendarHolders';

const row = (seq: number, kind: string, who: string, a: string, state: OutboxState): AppointmentMailRow => ({
  a,
  kind: `appointment_${kind}`,
  k: `appt:7:${seq}:${kind}:${who}:h${a.length}`,
  state,
});

describe('calendarHolders', () => {
  it('parses the dedupe key; anything else is no appointment e-mail', () => {
    expect(parseAppointmentKey('appt:7:3:reminder:dealer:abc')).toEqual({ leadId: 7, seq: 3, who: 'dealer' });
    expect(parseAppointmentKey('APPT:7:3:confirmation:customer:abc')).toEqual({ leadId: 7, seq: 3, who: 'customer' });
    expect(parseAppointmentKey('digest:2026-03-02:1')).toBeNull();
  });

  it('holders: the latest e-mail not cancelled is an invitation received; a CANCEL sent or queued ends it', () => {
    const rows = [
      row(0, 'confirmation', 'customer', 'old@x.it', 'sent'),
      row(0, 'confirmation', 'dealer', 'desk@x.it', 'sent'),
      row(1, 'cancellation', 'customer', 'old@x.it', 'queued'),
      row(1, 'confirmation', 'customer', 'new@x.it', 'cancelled'),
      row(1, 'reminder', 'customer', 'rem@x.it', 'sent'),
      row(1, 'confirmation', 'customer', 'failed@x.it', 'failed'),
    ];
    expect(holders(rows, 'customer')).toEqual(['rem@x.it']);
    expect(holders(rows, 'dealer')).toEqual(['desk@x.it']);
  });

  it('stranded: an invitation sent over a cancel is, unless a newer invitation or a CANCEL follows at that address', () => {
    const old = row(0, 'confirmation', 'customer', 'Mario@x.it', 'sent');
    const q = { k: old.k, kind: old.kind, a: old.a };
    expect(strandedInvitation([old, row(0, 'reminder', 'customer', 'Mario@x.it', 'cancelled')], q)).toBe(true);
    // The same booking's reminder sent too: the same invitation (same SEQUENCE).
    expect(strandedInvitation([old, row(0, 'reminder', 'customer', 'mario@x.it', 'sent')], q)).toBe(true);
    expect(strandedInvitation([old, row(1, 'confirmation', 'customer', 'mario@x.it', 'queued')], q)).toBe(false);
    expect(strandedInvitation([old, row(1, 'cancellation', 'customer', 'mario@x.it', 'sending')], q)).toBe(false);
    // Another address's or audience's e-mails change nothing for this one.
    expect(strandedInvitation([old, row(1, 'confirmation', 'dealer', 'mario@x.it', 'queued')], q)).toBe(true);
    expect(strandedInvitation([old, row(1, 'cancellation', 'customer', 'other@x.it', 'queued')], q)).toBe(true);
    // A CANCEL row itself is never withdrawn.
    const cancel = row(2, 'cancellation', 'customer', 'mario@x.it', 'sent');
    expect(strandedInvitation([cancel], { k: cancel.k, kind: cancel.kind, a: cancel.a })).toBe(false);
  });
});
