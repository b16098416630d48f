import { describe, expect, it } from 'vitest';
import { DEFAULT_CAMPAIGNS } from '../domain/vocabulary';
import { defaultRuleSettings } from '../domain/settings';
import {
  importMappingSchema,
  mapRow,
  parseBool,
  remapRow,
  parseCampaign,
  parseDate,
  parseLanguage,
  parseLeadType,
  parseSource,
  phoneKey,
  rowKeyText,
  suggestMapping,
} from './mapping';

const TZ = 'Europe/Rome';
const ctx = {
  now: Date.parse('2026-03-02T09:00:00Z'),
  settings: defaultRuleSettings(TZ),
  campaigns: [...DEFAULT_CAMPAIGNS],
};

describe('suggestMapping: header aliases in EN/IT/FR/DE', () => {
  const cases: [string[], Record<string, string>][] = [
    [
      ['First Name', 'Last Name', 'E-mail', 'Contact number', 'VIN', 'AS Campaign'],
      {
        firstName: 'First Name',
        lastName: 'Last Name',
        email: 'E-mail',
        phone: 'Contact number',
        vin: 'VIN',
        campaign: 'AS Campaign',
      },
    ],
    [
      ['Nome', 'Cognome', 'Cellulare', 'Telaio', 'Campagna', 'Lingua'],
      {
        firstName: 'Nome',
        lastName: 'Cognome',
        phone: 'Cellulare',
        vin: 'Telaio',
        campaign: 'Campagna',
        language: 'Lingua',
      },
    ],
    [
      ['Prénom', 'Nom', 'Courriel', 'Téléphone', 'Code postal', 'Ville'],
      {
        firstName: 'Prénom',
        lastName: 'Nom',
        email: 'Courriel',
        phone: 'Téléphone',
        zip: 'Code postal',
        city: 'Ville',
      },
    ],
    [
      ['Vorname', 'Nachname', 'Telefon', 'FIN', 'PLZ', 'Ort', 'Kampagne'],
      {
        firstName: 'Vorname',
        lastName: 'Nachname',
        phone: 'Telefon',
        vin: 'FIN',
        zip: 'PLZ',
        city: 'Ort',
        campaign: 'Kampagne',
      },
    ],
    [['Name', 'Email'], { fullName: 'Name', email: 'Email' }],
    [['Lead ID', 'Customer', 'Mobile'], { externalId: 'Lead ID', fullName: 'Customer', phone: 'Mobile' }],
  ];
  for (const [headers, expected] of cases)
    it(headers.join(', '), () => expect(suggestMapping(headers)).toEqual(expected));
});

describe('value parsing', () => {
  const d = (s: string, o: 'dmy' | 'mdy' = 'dmy') => {
    const v = parseDate(s, TZ, o);
    return v === null || Number.isNaN(v) ? v : new Date(v).toISOString();
  };
  it.each([
    ['03/04/2026', '2026-04-02T22:00:00.000Z'],
    ['03.04.2026', '2026-04-02T22:00:00.000Z'],
    ['3-4-26', '2026-04-02T22:00:00.000Z'],
    ['2026-04-03', '2026-04-02T22:00:00.000Z'],
    ['2026-04-03 14:30', '2026-04-03T12:30:00.000Z'],
    ['03/04/2026 9.15', '2026-04-03T07:15:00.000Z'],
    ['2026-04-03T14:30:00Z', '2026-04-03T14:30:00.000Z'],
    ['', null],
  ])('date %s', (s, iso) => expect(d(s)).toBe(iso));
  it('month-first when told; impossible dates are NaN', () => {
    expect(d('04/03/2026', 'mdy')).toBe('2026-04-02T22:00:00.000Z');
    for (const bad of ['31/02/2026', '2026-13-01', 'tomorrow', '12/12/2026 25:00', '=TODAY()'])
      expect(d(bad)).toBeNaN();
  });
  it.each([
    '2026-02-31T10:00Z',
    '2026-02-29T10:00:00Z',
    '2026-04-31T10:00+02:00',
    '2026-13-01T10:00Z',
    '2026-00-10T10:00Z',
    '2026-03-01T24:00Z',
    '2026-03-01T10:60Z',
    '0001-01-01T00:00Z',
    '0000-00-00T00:00Z',
    '0001-01-01',
    '31/02/2026 10:00',
    '29/02/2025',
  ])('a date that does not exist or rolls over is NaN, never another day: %s', (bad) => expect(d(bad)).toBeNaN());
  it("a lead's dates are read within 2000–2100; the generic parser (vehicle registry) keeps 1900–2200", () => {
    expect(parseDate('1999-12-31', TZ, 'dmy', [2000, 2100])).toBeNaN();
    expect(parseDate('2101-01-01T00:00Z', TZ, 'dmy', [2000, 2100])).toBeNaN();
    expect(new Date(parseDate('2000-01-01T00:00Z', TZ, 'dmy', [2000, 2100])!).toISOString()).toBe(
      '2000-01-01T00:00:00.000Z',
    );
    expect(d('15/06/1995')).toBe('1995-06-14T22:00:00.000Z');
    expect(d('2024-02-29T10:00Z')).toBe('2024-02-29T10:00:00.000Z');
  });
  it('lead types, sources, languages, campaigns, booleans, phones', () => {
    expect(['Customer Driven', 'cliente', 'HQ Driven', 'Sede', 'hq_driven', 'x'].map(parseLeadType)).toEqual([
      'customer_driven',
      'customer_driven',
      'hq_driven',
      'hq_driven',
      'hq_driven',
      null,
    ]);
    expect(['Web', 'Owner App', 'HQ campaign', 'Spontaneous', 'recontact', 'fax'].map(parseSource)).toEqual([
      'web',
      'owner_app',
      'hq_campaign',
      'spontaneous',
      'recontact',
      null,
    ]);
    expect(['Italiano', 'FR', 'Deutsch', 'english', 'klingon'].map(parseLanguage)).toEqual([
      'it',
      'fr',
      'de',
      'en',
      null,
    ]);
    expect(
      ['Service Reminder', 'AS Extended Warranties – WEB', 'Accessories Wheels and Tyres', 'Black Friday'].map((c) =>
        parseCampaign(c, ctx.campaigns),
      ),
    ).toEqual(['service_reminder', 'extended_warranty_web', 'accessories_wheels_tyres', null]);
    expect(['Sì', 'oui', 'JA', '1', 'no', '', 'maybe'].map(parseBool)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      null,
    ]);
    expect([
      phoneKey('+39 333 123 4567'),
      phoneKey('0039 3331234567'),
      phoneKey('333-1234567'),
      phoneKey('12'),
    ]).toEqual(['331234567', '331234567', '331234567', null]);
  });
});

describe('mapRow', () => {
  const mapping = importMappingSchema.parse({ columns: {}, defaults: { campaign: 'service_reminder', source: 'web' } });
  it("builds the lead with the form's rules (lower-cased e-mail, normalized VIN, defaults)", () => {
    const r = mapRow(
      7,
      { fullName: 'Rossi, Mario', email: 'Mario@Example.IT', vin: 'zam57xsa1k1234567', consentEmail: 'sì' },
      mapping,
      ctx,
    );
    expect(r.error).toBeUndefined();
    expect(r.lead).toMatchObject({
      firstName: 'Mario',
      lastName: 'Rossi',
      email: 'mario@example.it',
      vin: 'ZAM57XSA1K1234567',
      source: 'web',
      leadType: 'customer_driven',
      campaign: 'service_reminder',
      status: 'assigned',
    });
    expect(r.lead!.consents.email).toBe(true);
  });
  it('one name is enough; the row key ignores case and accents', () => {
    expect(mapRow(2, { lastName: 'Rossi', phone: '+39 333 1234567' }, mapping, ctx).lead).toMatchObject({
      firstName: '',
      lastName: 'Rossi',
    });
    expect(rowKeyText({ lastName: 'Müller', email: 'A@B.DE' })).toBe(
      rowKeyText({ lastName: 'muller', email: 'a@b.de' }),
    );
  });
  it.each([
    [{ email: 'a@b.it' }, 'NAME_REQUIRED'],
    [{ lastName: 'R' }, 'CONTACT_REQUIRED'],
    [{ lastName: 'R', phone: 'call me' }, 'PHONE_INVALID'],
    [{ lastName: 'R', email: 'a@b' }, 'EMAIL_INVALID'],
    [{ lastName: 'R', email: 'a@b.it', vin: 'ZAM57XSA1K123456O' }, 'VIN_INVALID'],
    [{ lastName: 'R', email: 'a@b.it', leadType: 'HQ' }, 'VIN_REQUIRED'],
    [{ lastName: 'R', email: 'a@b.it', campaign: 'Nope' }, 'CAMPAIGN_UNKNOWN'],
    [{ lastName: 'R', email: 'a@b.it', language: 'xx' }, 'LANGUAGE_UNKNOWN'],
    [{ lastName: 'R', email: 'a@b.it', assignedAt: '01/01/2030' }, 'DATE_IN_FUTURE'],
    [{ lastName: 'R', email: 'a@b.it', assignedAt: '0001-01-01T00:00Z' }, 'DATE_INVALID'],
    [{ lastName: 'R', email: 'a@b.it', assignedAt: '01/01/0001' }, 'DATE_INVALID'],
    [{ lastName: 'R', email: 'a@b.it', assignedAt: '15/06/1995' }, 'DATE_INVALID'],
    [{ lastName: 'R', email: 'a@b.it', preferredAt1: '2026-02-31T10:00Z' }, 'DATE_INVALID'],
    [{ lastName: 'R'.repeat(101), email: 'a@b.it' }, 'VALUE_TOO_LONG'],
  ])('%o → %s', (values, code) => expect(mapRow(2, values, mapping, ctx).error?.code).toBe(code));
  it('no campaign and no lead type anywhere', () => {
    const bare = importMappingSchema.parse({});
    expect(mapRow(2, { lastName: 'R', email: 'a@b.it' }, bare, ctx).error?.code).toBe('CAMPAIGN_REQUIRED');
    expect(mapRow(2, { lastName: 'R', email: 'a@b.it', campaign: 'seasonal_promo' }, bare, ctx).error?.code).toBe(
      'LEAD_TYPE_REQUIRED',
    );
  });
  it('remapRow: a row mapped at an earlier time, brought to a later (or earlier) one, is what mapRow gives then', () => {
    const rows: Record<string, string>[] = [
      { lastName: 'R', email: 'a@b.it' }, // assignment date = now (the default)
      { lastName: 'R', email: 'a@b.it', assignedAt: '01/03/2026' },
      { lastName: 'R', email: 'a@b.it', assignedAt: '2026-03-02T09:00:00Z' }, // exactly the first "now" below
      { lastName: 'R', email: 'a@b.it', assignedAt: '02/03/2026 10:30' }, // in the future until 09:30Z
      { lastName: 'R', email: 'a@b.it', assignedAt: '01/01/2030' }, // always in the future
      { lastName: 'R', email: 'a@b', assignedAt: '02/03/2026 10:30' }, // initialLead's error, or in the future
      { lastName: 'R', email: 'a@b' },
      { lastName: 'R', email: 'a@b.it', vin: 'ZAM57XSA1K123456O', assignedAt: '02/03/2026 10:30' },
      { lastName: 'R', phone: 'call me' },
      { lastName: 'R', email: 'a@b.it', assignedAt: 'tomorrow' },
      {
        fullName: 'Mario Rossi',
        email: 'a@b.it',
        consentEmail: 'sì',
        preferredAt1: '05/03/2026 9:00',
        assignedAt: '01/03/2026',
      },
    ];
    const times = [
      ctx.now - 86_400_000,
      ctx.now,
      ctx.now + 10 * 60_000,
      ctx.now + 3_600_000,
      ctx.now + 5 * 365 * 86_400_000,
    ];
    let checked = 0;
    for (const values of rows) {
      for (const earlier of times) {
        for (const later of times) {
          const before = mapRow(2, values, mapping, { ...ctx, now: earlier });
          const copy = structuredClone(before);
          const again = remapRow(before, earlier, mapping, { ...ctx, now: later });
          const expected = mapRow(2, values, mapping, { ...ctx, now: later });
          expect(again, `${JSON.stringify(values)} ${earlier} → ${later}`).toEqual(expected);
          expect(before).toEqual(copy); // never mutated
          // In place (the caller owns the row): the same result.
          expect(remapRow(structuredClone(before), earlier, mapping, { ...ctx, now: later }, true)).toEqual(expected);
          checked++;
        }
      }
    }
    expect(checked).toBe(rows.length * times.length * times.length);
  });
});
