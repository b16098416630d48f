// Every appointment e-mail in every language, kind and audience: all texts found (no raw keys left),
// the customer's name, date and time in the text and the HTML, HTML escaped.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/domain/vocabulary';
import { appointmentLead } from '../../../shared/rules/testing/fixtures';
import { renderAppointmentMail, type AppointmentMailKind } from './appointmentMails';
import { syncT } from './mailT';

const lead = {
  ...appointmentLead({ firstName: 'Zoé <b>', lastName: "D'Amico", requestFor: 'Tagliando & freni' }),
  number: 'ASL-2026-000042',
};
const dealer = {
  name: 'Autohaus Süd',
  email: 'desk@dealer.example',
  phone: '+39 02 1234',
  address: 'Via Roma 1, Milano',
};
const AT = Date.parse('2026-03-05T09:00:00Z');

describe('renderAppointmentMail (table)', () => {
  for (const lang of LANGUAGES) {
    for (const kind of ['confirmation', 'reminder', 'cancellation'] as AppointmentMailKind[]) {
      for (const who of ['customer', 'dealer'] as const) {
        it(`${lang} ${kind} ${who}`, () => {
          const m = renderAppointmentMail(kind, who, lead, AT, lang, 'Europe/Rome', dealer);
          for (const part of [m.subject, m.text, m.summary]) expect(part).not.toMatch(/appointment\.|\{\{/);
          expect(m.text).toContain("Zoé <b> D'Amico");
          expect(m.html).toContain("Zoé &lt;b&gt; D'Amico");
          expect(m.html).not.toContain('<b> D');
          expect(m.text).toContain('10:00'); // 09:00Z = 10:00 in Rome
          expect(m.text).toContain('ASL-2026-000042');
        });
      }
    }
  }
  it('texts differ per language', () => {
    const subjects = LANGUAGES.map(
      (l) => renderAppointmentMail('confirmation', 'customer', lead, AT, l, 'Europe/Rome', dealer).subject,
    );
    expect(new Set(subjects).size).toBe(4);
    expect(syncT('mail', 'xx')('test.subject')).toBe('ASLM Desk — test e-mail'); // unknown language → English
  });
});
