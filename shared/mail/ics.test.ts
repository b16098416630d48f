import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { appointmentUid, buildIcs, foldLine, icsDate, icsStart } from './ics';

const base = {
  uid: appointmentUid(42),
  start: Date.parse('2026-03-05T09:00:00Z'),
  durationMinutes: 60,
  stamp: Date.parse('2026-03-02T08:00:00Z'),
  summary: 'Tagliando; Officina, Rossi',
  description: 'Riga 1\nRiga 2 — àèìòù',
  location: 'Via Roma 1, Milano',
  organizer: { email: 'desk@dealer.example', name: 'Concessionaria "Rossi"' },
  attendees: [{ email: 'mario@example.it', name: 'Mario Rossi' }],
};

describe('ics', () => {
  const cases = [
    { method: 'REQUEST' as const, sequence: 0, status: 'CONFIRMED' },
    { method: 'REQUEST' as const, sequence: 3, status: 'CONFIRMED' },
    { method: 'CANCEL' as const, sequence: 4, status: 'CANCELLED' },
  ];
  for (const c of cases) {
    it(`${c.method} seq ${c.sequence} parses with ical.js`, () => {
      const text = buildIcs({ ...base, method: c.method, sequence: c.sequence });
      for (const l of text.split('\r\n')) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
      const cal = new ICAL.Component(ICAL.parse(text));
      expect(cal.getFirstPropertyValue('method')).toBe(c.method);
      const ev = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
      expect(ev.uid).toBe('lead-42-appointment@aslm-desk.local');
      expect(ev.sequence).toBe(c.sequence);
      expect(ev.summary).toBe(base.summary);
      expect(ev.description).toBe(base.description);
      expect(ev.startDate.toJSDate().getTime()).toBe(base.start);
      expect(ev.endDate.toJSDate().getTime()).toBe(base.start + 3_600_000);
      expect(cal.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe(c.status);
    });
  }
  it('dates and folding', () => {
    expect(icsDate(Date.parse('2026-12-31T23:59:58Z'))).toBe('20261231T235958Z');
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(
      foldLine('é'.repeat(50))
        .split('\r\n ')
        .every((p) => new TextEncoder().encode(p).length <= 75),
    ).toBe(true);
  });
});

describe('icsStart', () => {
  it('reads back the start of an invitation it built; none without DTSTART', () => {
    const text = buildIcs({ ...base, method: 'REQUEST', sequence: 1 });
    expect(icsStart(text)).toBe(base.start);
    expect(icsStart('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')).toBeNull();
  });
});
