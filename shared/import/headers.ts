// Lead import: header aliases in EN/IT/FR/DE and the suggested column mapping (pure).
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from './fields';

export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Header aliases (folded: lower case, no accents, punctuation as spaces). */
const ALIASES: Record<ImportField, string[]> = {
  externalId: [
    'id',
    'external id',
    'lead id',
    'record id',
    'as lead id',
    'sfdc id',
    'salesforce id',
    'id lead',
    'identifiant',
    'lead nummer',
    'lead nr',
    'codice lead',
    'riferimento',
    'reference',
    'ref',
  ],
  firstName: ['first name', 'firstname', 'given name', 'forename', 'name first', 'nome', 'prenom', 'vorname'],
  lastName: [
    'last name',
    'lastname',
    'surname',
    'family name',
    'cognome',
    'nom',
    'nom de famille',
    'nachname',
    'familienname',
    'name',
  ],
  fullName: [
    'full name',
    'customer name',
    'customer',
    'as lead name',
    'lead name',
    'nominativo',
    'cliente',
    'nom complet',
    'client',
    'kunde',
    'kundenname',
    'vollstandiger name',
  ],
  email: [
    'email',
    'e mail',
    'mail',
    'email address',
    'e mail address',
    'indirizzo email',
    'adresse e mail',
    'courriel',
    'e mail adresse',
  ],
  phone: [
    'phone',
    'telephone',
    'contact number',
    'phone number',
    'mobile',
    'mobile phone',
    'cell',
    'telefono',
    'cellulare',
    'numero di telefono',
    'tel',
    'portable',
    'numero de telephone',
    'telefon',
    'handy',
    'mobiltelefon',
    'telefonnummer',
  ],
  otherPhone: [
    'other phone',
    'phone 2',
    'second phone',
    'altro telefono',
    'telefono 2',
    'autre telephone',
    'telephone 2',
    'weiteres telefon',
    'telefon 2',
  ],
  vin: [
    'vin',
    'vin code',
    'chassis',
    'chassis number',
    'telaio',
    'numero telaio',
    'vis',
    'numero de chassis',
    'fahrgestellnummer',
    'fin',
    'niv',
  ],
  campaign: ['campaign', 'as campaign', 'campaign name', 'campagna', 'campagne', 'kampagne', 'aktion'],
  leadType: ['lead type', 'type', 'tipo lead', 'tipo', 'type de lead', 'typ', 'lead typ'],
  source: ['source', 'lead source', 'origin', 'channel', 'fonte', 'origine', 'canale', 'quelle', 'herkunft', 'kanal'],
  language: [
    'language',
    'preferred language',
    'lang',
    'lingua',
    'lingua preferita',
    'langue',
    'langue preferee',
    'sprache',
    'bevorzugte sprache',
  ],
  country: ['country', 'paese', 'nazione', 'pays', 'land'],
  state: ['state', 'province', 'region', 'provincia', 'regione', 'departement', 'bundesland', 'kanton'],
  city: ['city', 'town', 'citta', 'comune', 'localita', 'ville', 'localite', 'stadt', 'ort'],
  zip: ['zip', 'zip code', 'postal code', 'postcode', 'cap', 'code postal', 'cp', 'plz', 'postleitzahl'],
  requestFor: [
    'request for',
    'request type',
    'richiesta per',
    'tipo richiesta',
    'demande pour',
    'type de demande',
    'anfrage fur',
    'anfrageart',
  ],
  requestDetails: [
    'request details',
    'request',
    'message',
    'comments',
    'dettagli richiesta',
    'richiesta',
    'messaggio',
    'details de la demande',
    'demande',
    'anfrage',
    'nachricht',
    'anfragedetails',
  ],
  preferredAt1: [
    'preferred date',
    'preferred date time 1',
    'preferred date 1',
    'data preferita',
    'data preferita 1',
    'date souhaitee',
    'date souhaitee 1',
    'wunschtermin',
    'wunschtermin 1',
  ],
  preferredAt2: ['preferred date time 2', 'preferred date 2', 'data preferita 2', 'date souhaitee 2', 'wunschtermin 2'],
  preferredAt3: ['preferred date time 3', 'preferred date 3', 'data preferita 3', 'date souhaitee 3', 'wunschtermin 3'],
  campaignNotes: ['campaign notes', 'note campagna', 'notes campagne', 'kampagnennotizen'],
  customerNotes: [
    'customer notes',
    'notes',
    'note',
    'note cliente',
    'notes client',
    'bemerkungen',
    'notizen',
    'kundennotizen',
  ],
  additionalServices: ['additional services', 'servizi aggiuntivi', 'services supplementaires', 'zusatzleistungen'],
  assignedAt: [
    'date assigned to dealer',
    'assigned date',
    'assigned to dealer',
    'created date',
    'data assegnazione',
    'data assegnazione concessionario',
    'date d attribution',
    'date de creation',
    'zuweisungsdatum',
    'erstellt am',
  ],
  consentDirectMarketing: [
    'consent direct marketing',
    'direct marketing',
    'marketing',
    'consenso marketing',
    'consentement marketing',
    'einwilligung marketing',
  ],
  consentProfiling: ['consent profiling', 'profiling', 'profilazione', 'profilage', 'profiling einwilligung'],
  consentEmail: ['consent email', 'by email', 'consenso email', 'consentement email', 'einwilligung email'],
  consentPhone: ['consent phone', 'by phone', 'consenso telefono', 'consentement telephone', 'einwilligung telefon'],
  consentPost: ['consent post', 'by post', 'consenso posta', 'consentement courrier', 'einwilligung post'],
  consentSms: ['consent sms', 'by sms', 'consenso sms', 'consentement sms', 'einwilligung sms'],
};

/** Suggests a field for each header it recognizes (each field used once, first header wins). */
export function suggestMapping(headers: readonly string[]): ImportMapping['columns'] {
  const out: ImportMapping['columns'] = {};
  const used = new Set<string>();
  const byAlias = new Map<string, ImportField>();
  for (const f of IMPORT_FIELDS) for (const a of ALIASES[f]) if (!byAlias.has(a)) byAlias.set(a, f);
  for (const f of IMPORT_FIELDS)
    byAlias.set(fold(f.replace(/[A-Z]/g, (c) => ` ${c}`)), byAlias.get(fold(f.replace(/[A-Z]/g, (c) => ` ${c}`))) ?? f);
  for (const h of headers) {
    const f = byAlias.get(fold(h));
    if (f && out[f] === undefined && !used.has(h)) {
      out[f] = h;
      used.add(h);
    }
  }
  // "Name" alone next to a first-name column is the last name; alone, it is the full name.
  if (out.lastName && !out.firstName && fold(out.lastName) === 'name' && !out.fullName) {
    out.fullName = out.lastName;
    delete out.lastName;
  }
  return out;
}
