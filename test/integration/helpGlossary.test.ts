// The Help screen's glossary holds every term of the manual's glossary (seed 001 EN "GLOSSARY", seed 004 IT
// "GLOSSARIO"): Salesforce terms, the lead management process, the lead classification and the list views'
// definitions, in the four languages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Item = { term: string; definition: string };
const glossary = (lang: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../locales', lang, 'help.json'), 'utf8')).help.glossary.items as Record<
    string,
    Item
  >;

/** Each term of the manual's glossary: [glossary key, the English manual's term, the Italian manual's term]. */
const MANUAL_TERMS: [string, string, string][] = [
  ['aslm', 'ASLM', 'ASLM'],
  ['lead', 'Lead', 'Lead'],
  ['status', 'Status', 'Stato'],
  ['assignedToDealer', 'Assigned to Dealer', 'Assegnato al Concessionario'],
  ['appointmentTaken', 'Appointment Taken', 'Appuntamento fissato'],
  ['closedStatuses', 'Closed No Sale / Closed In Sale', 'Chiusura senza vendita / Chiusura con vendita'],
  ['actionButton', 'Action button', 'Action button'],
  ['leadClosure', 'Lead closure', 'Chiusura lead'],
  ['leadManagement', 'Lead management', 'Gestione lead'],
  ['leadContact', 'Lead contact', 'Contatto lead'],
  ['leadQualification', 'Lead qualification', 'Qualifica lead'],
  ['leadAppointment', 'Lead appointment', 'Appuntamento lead'],
  ['customerDriven', 'Customer Driven', 'Su iniziativa del cliente'],
  ['hqDriven', 'HQ Driven', 'Su iniziativa della casa madre'],
  ['viewNotManagedYet', 'Not Managed Yet', 'Non ancora gestito'],
  ['viewInProgress', 'In Progress', 'In corso'],
  ['viewClosedInSale', 'Closed In Sale', 'Chiuso con vendita'],
  ['viewClosedNoSale', 'Closed No Sale', 'Chiuso senza vendita'],
  ['viewLost', 'Lost Sale', 'Vendita persa'],
];

describe("Help glossary = the manual's glossary", () => {
  it.each(MANUAL_TERMS)('%s: "%s" (EN) / "%s" (IT) is in the glossary', (key, en, itTerm) => {
    expect(glossary('en')[key]?.term.toLowerCase()).toContain(en.toLowerCase());
    expect(glossary('it')[key]?.term.toLowerCase()).toContain(itTerm.toLowerCase());
  });

  it.each(['en', 'fr', 'de', 'it'])('%s: every manual term has a term and a definition', (lang) => {
    const g = glossary(lang);
    for (const [key] of MANUAL_TERMS) {
      expect(g[key]?.term, `${lang} ${key}`).toBeTruthy();
      expect(g[key]!.definition.length, `${lang} ${key}`).toBeGreaterThan(40);
    }
  });

  it("in the manual's order: ASLM first, the list views last of the manual's terms", () => {
    const keys = Object.keys(glossary('en'));
    expect(keys.slice(0, MANUAL_TERMS.length)).toEqual(MANUAL_TERMS.map(([k]) => k));
  });

  it('the key definitions say what the manual says (final statuses cannot change; Lost after 60 days)', () => {
    const en = glossary('en');
    expect(en.closedStatuses!.definition).toMatch(/cannot be changed/);
    expect(en.viewLost!.definition).toMatch(/60 days/);
    expect(en.appointmentTaken!.definition).toMatch(/60 days/);
  });
});
