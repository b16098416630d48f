// The Close No Sale reasons as the Italian manual (seed 004, "Motivo della chiusura senza vendita") lists them:
// the order, the Italian labels word for word, the other languages keeping every item of each label (the
// trade-in of "Leasing/noleggio/permuta" included), and the manual's only category (Not Interested Now →
// Contact Again). The dialog itself is checked end to end in test/e2e/desk.e2e.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOSE_REASON_CATEGORY, CLOSE_REASONS, PICKABLE_CLOSE_REASONS } from '../../shared/domain/vocabulary';

const domain = (lang: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../locales', lang, 'domain.json'), 'utf8')) as {
    closeReason: Record<string, string>;
    reason: Record<string, string>;
    closeCategory: Record<string, string>;
  };

/** The manual's list, in its order (004, "Processo ASLM – CONTATTO LEAD = KO" and "QUALIFICA DEL LEAD = KO"). */
const MANUAL_IT = [
  ['no_privacy_consent', 'Nessun consenso privacy in DMS'],
  ['not_eligible', "Non idoneo per il prodotto/l'offerta"],
  ['trade_in_new_vehicle', 'Permuta con nuovo veicolo'],
  ['not_current_owner', 'Non proprietario attuale/Veicolo venduto'],
  ['leasing_rental', 'Leasing/noleggio/permuta'],
  ['owner_not_driver', 'Il proprietario non è il guidatore'],
  ['customer_refuses', "Il Cliente rifiuta l'offerta/preventivo"],
] as const;

describe('Close No Sale reasons (manual 004)', () => {
  it("the pickable list is the manual's, in its order, then Customer not reachable and Other; Contact Again is not pickable", () => {
    expect(PICKABLE_CLOSE_REASONS).toEqual([...MANUAL_IT.map(([id]) => id), 'not_reachable', 'other']);
    expect(CLOSE_REASONS.at(-1)).toBe('contact_again');
    expect(PICKABLE_CLOSE_REASONS).not.toContain('contact_again');
  });

  it('the Italian labels are the manual\'s words; "Altro" and "Contatta di nuovo" as the manual names them', () => {
    const it = domain('it');
    for (const [id, label] of MANUAL_IT) {
      expect(it.closeReason[id]).toBe(label);
      expect(it.reason[id]).toBe(label);
    }
    expect(it.closeReason.other).toBe('Altro');
    expect(it.closeReason.contact_again).toBe('Contatta di nuovo');
  });

  it.each([
    ['en', ['Leasing', 'rental', 'trade-in']],
    ['fr', ['Leasing', 'location', 'reprise']],
    ['de', ['Leasing', 'Miete', 'Inzahlungnahme']],
    ['it', ['Leasing', 'noleggio', 'permuta']],
  ])('%s: "Leasing/noleggio/permuta" keeps its three items, the trade-in included', (lang, parts) => {
    expect(domain(lang).closeReason.leasing_rental).toBe(parts.join('/'));
  });

  it.each(['en', 'fr', 'de', 'it'])(
    '%s: every reason has a label with as many "/"-separated items as the Italian one',
    (lang) => {
      const d = domain(lang);
      const it = domain('it');
      for (const r of CLOSE_REASONS) {
        expect(d.closeReason[r], r).toBeTruthy();
        expect(d.reason[r]).toBe(d.closeReason[r]);
        expect(d.closeReason[r]!.split('/').length, `${lang} ${r}`).toBe(it.closeReason[r]!.split('/').length);
      }
    },
  );

  it('no invented category: only Contact Again has one, Not Interested Now', () => {
    expect(Object.entries(CLOSE_REASON_CATEGORY).filter(([, c]) => c !== null)).toEqual([
      ['contact_again', 'not_interested_now'],
    ]);
    expect(domain('en').closeCategory.not_interested_now).toBe('Not Interested Now');
  });
});
