// Lead import: value parsing (dates, booleans, lead types, sources, languages, campaigns) and turning one
// mapped row into a new-lead input with per-row validation (the same rules as the form: initialLead).
// Pure: no Node, no clock (every function takes what it needs). Fields: fields.ts; header aliases: headers.ts.
import type { NewLead, NewLeadInput } from '../contract/inputs';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from './fields';
import { fold } from './headers';
import type { RuleSettings } from '../domain/settings';
import { LEAD_TYPES, SOURCES, type Language, type LeadType, type Source } from '../domain/vocabulary';
import { initialLead, type NewLeadRow } from '../rules/newLead';
import { phoneProblem } from '../rules/contact';
import { fromWallTime } from '../rules/time';
import { isValidVin, normalizeVin } from '../rules/vin';
import { MAX_YEAR, MIN_YEAR, isRealDate } from '../domain/timeBounds';

export * from './fields';
export { suggestMapping } from './headers';

// ---- value parsing -------------------------------------------------------------------------

const YES = new Set(['1', 'y', 'yes', 'true', 'x', 'si', 'sì', 'oui', 'o', 'ja', 'j', 'vero', 'vrai', 'wahr']);
const NO = new Set(['', '0', 'n', 'no', 'false', 'non', 'nein', 'falso', 'faux', 'falsch']);
export function parseBool(v: string): boolean | null {
  const s = v.trim().toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}

/**
 * Dates as real files write them: dd/mm/yyyy, dd.mm.yyyy, dd-mm-yyyy, yyyy-mm-dd (ISO, with or
 * without a time and zone), two-digit years, an optional hh:mm[:ss]; wall times are in the dealer's
 * zone. Returns null for an empty cell, NaN for an unreadable one, a date that does not exist (31 February is
 * not rolled over to 3 March) or a year outside `years` (inclusive).
 */
export function parseDate(
  raw: string,
  timeZone: string,
  order: 'dmy' | 'mdy' = 'dmy',
  years: readonly [number, number] = [1900, 2200],
): number | null {
  const s = raw.trim();
  if (!s) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.exec(s);
  if (iso) {
    // Date.parse rolls 2026-02-31 over to 3 March and reads year 0001: the date must exist and be in range.
    const y = +iso[1]!;
    if (
      !isRealDate(y, +iso[2]!, +iso[3]!) ||
      y < years[0] ||
      y > years[1] ||
      +iso[4]! > 23 ||
      +iso[5]! > 59 ||
      +(iso[6] ?? 0) > 59
    )
      return NaN;
    const t = Date.parse(s);
    return Number.isNaN(t) ? NaN : t;
  }
  let y: number, mo: number, d: number;
  let rest = '';
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](.*))?$/.exec(s);
  if (m) {
    y = +m[1]!;
    mo = +m[2]!;
    d = +m[3]!;
    rest = m[4] ?? '';
  } else {
    m = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:[ T,]+(.*))?$/.exec(s);
    if (!m) return NaN;
    const a = +m[1]!;
    const b = +m[2]!;
    [d, mo] = order === 'mdy' ? [b, a] : [a, b];
    y = +m[3]!;
    if (m[3]!.length === 2) y += y < 70 ? 2000 : 1900;
    rest = m[4] ?? '';
  }
  let hh = 0,
    mm = 0,
    ss = 0;
  if (rest.trim()) {
    const t = /^(\d{1,2})[:.h](\d{2})(?:[:.](\d{2}))?(?:\.\d+)?$/.exec(rest.trim());
    if (!t) return NaN;
    hh = +t[1]!;
    mm = +t[2]!;
    ss = +(t[3] ?? 0);
    if (hh > 23 || mm > 59 || ss > 59) return NaN;
  }
  if (!isRealDate(y, mo, d) || y < years[0] || y > years[1]) return NaN;
  return fromWallTime({ year: y, month: mo, day: d, hour: hh, minute: mm, second: ss }, timeZone);
}

/** A lead's dates (assignment, preferred dates) are within the years the desk handles (domain/timeBounds.ts). */
const LEAD_YEARS = [MIN_YEAR, MAX_YEAR] as const;

const slug = (s: string) => fold(s).replace(/ /g, '_');

/** Lead type from its id or a label (EN/IT/FR/DE). */
export function parseLeadType(v: string): LeadType | null {
  const s = fold(v);
  if (!s) return null;
  if (/^(customer|cliente|client|kunde)/.test(s) || s === 'cd' || s.includes('customer driven'))
    return 'customer_driven';
  if (
    /^(hq|head|headquarter|sede|casa madre|siege|zentrale|hersteller|brand)/.test(s) ||
    s === 'hqd' ||
    s.includes('hq driven')
  )
    return 'hq_driven';
  return (LEAD_TYPES as readonly string[]).includes(slug(v)) ? (slug(v) as LeadType) : null;
}

const SOURCE_WORDS: [RegExp, Source][] = [
  [/^(web|website|sito|site|internet|online|form)/, 'web'],
  [/^(owner app|app|owner|my maserati|application)/, 'owner_app'],
  [/^(spontaneous|spontane|spontan|walk in|dealer)/, 'spontaneous'],
  [/^(hq|campaign|campagna|campagne|kampagne|headquarter|sede)/, 'hq_campaign'],
  [/^(recontact|ricontatto|recontacter|wiederkontakt)/, 'recontact'],
];
export function parseSource(v: string): Source | null {
  const s = fold(v);
  if (!s) return null;
  if ((SOURCES as readonly string[]).includes(slug(v))) return slug(v) as Source;
  for (const [re, src] of SOURCE_WORDS) if (re.test(s)) return src;
  return null;
}

export function parseLanguage(v: string): Language | null {
  const s = fold(v);
  if (!s) return null;
  const table: Record<string, Language> = {
    en: 'en',
    eng: 'en',
    english: 'en',
    inglese: 'en',
    anglais: 'en',
    englisch: 'en',
    fr: 'fr',
    fra: 'fr',
    fre: 'fr',
    french: 'fr',
    francese: 'fr',
    francais: 'fr',
    franzosisch: 'fr',
    de: 'de',
    deu: 'de',
    ger: 'de',
    german: 'de',
    tedesco: 'de',
    allemand: 'de',
    deutsch: 'de',
    it: 'it',
    ita: 'it',
    italian: 'it',
    italiano: 'it',
    italien: 'it',
    italienisch: 'it',
  };
  return table[s] ?? table[s.slice(0, 2)] ?? null;
}

/** Campaign id from an id or a label ("Service Reminder", "AS Extended Warranties – WEB"). */
export function parseCampaign(v: string, campaigns: readonly string[]): string | null {
  const s = slug(v);
  if (!s) return null;
  if (campaigns.includes(s)) return s;
  const noPrefix = s.replace(/^as_/, '');
  if (campaigns.includes(noPrefix)) return noPrefix;
  const special: Record<string, string> = {
    extended_warranties_web: 'extended_warranty_web',
    as_extended_warranties_web: 'extended_warranty_web',
    extended_warranty: 'extended_warranty_web',
    accessories_wheels_and_tyres: 'accessories_wheels_tyres',
    wheels_and_tyres: 'accessories_wheels_tyres',
    warranty_end: 'warranty_end_reminder',
    service: 'service_reminder',
    richiamo_tagliando: 'service_reminder',
    rappel_entretien: 'service_reminder',
    service_erinnerung: 'service_reminder',
    fine_garanzia: 'warranty_end_reminder',
    fin_de_garantie: 'warranty_end_reminder',
    garantieende: 'warranty_end_reminder',
  };
  const sp = special[noPrefix];
  return sp && campaigns.includes(sp) ? sp : null;
}

/** Digits of a phone number, for duplicate matching (the last 9 digits ignore country codes and trunk 0s). */
export function phoneKey(p: string | null | undefined): string | null {
  const d = (p ?? '').replace(/\D/g, '');
  return d.length >= 6 ? d.slice(-9) : null;
}

// ---- one row ---------------------------------------------------------------------------------

export const IMPORT_ROW_ERRORS = [
  'NAME_REQUIRED',
  'NAME_INVALID',
  'CONTACT_REQUIRED',
  'EMAIL_INVALID',
  'PHONE_INVALID',
  'VIN_INVALID',
  'VIN_REQUIRED',
  'CAMPAIGN_REQUIRED',
  'CAMPAIGN_UNKNOWN',
  'LEAD_TYPE_REQUIRED',
  'LEAD_TYPE_UNKNOWN',
  'SOURCE_UNKNOWN',
  'LANGUAGE_UNKNOWN',
  'DATE_INVALID',
  'DATE_IN_FUTURE',
  'VALUE_TOO_LONG',
  'DUPLICATE_IN_FILE',
  'INVALID_INPUT',
] as const;
export type ImportRowError = (typeof IMPORT_ROW_ERRORS)[number];

export interface MappedRow {
  line: number;
  /** The values of the mapped fields, as read (trimmed). */
  values: Partial<Record<ImportField, string>>;
  input?: NewLeadInput;
  /** The row as initialLead builds it (only when valid). */
  lead?: NewLeadRow;
  assignedAt?: number;
  error?: { code: ImportRowError; field?: ImportField; value?: string };
}

export interface RowContext {
  now: number;
  settings: RuleSettings;
  campaigns: readonly string[];
  /** Memo of parsed dates for one file (files repeat the same dates many times). */
  dateCache?: Map<string, number | null>;
  /**
   * Memo of the parsed campaigns, sources, lead types and languages for one file (a file repeats the same few
   * values on every row). Keyed by kind and cell; only valid for this context's campaigns.
   */
  valueCache?: Map<string, string | null>;
}

type ValueKind = 'campaign' | 'source' | 'leadType' | 'language';
function parseValue(kind: ValueKind, v: string, ctx: RowContext): string | null {
  const key = `${kind}\u0000${v}`;
  const hit = ctx.valueCache?.get(key);
  if (hit !== undefined) return hit;
  const r =
    kind === 'campaign'
      ? parseCampaign(v, ctx.campaigns)
      : kind === 'source'
        ? parseSource(v)
        : kind === 'leadType'
          ? parseLeadType(v)
          : parseLanguage(v);
  ctx.valueCache?.set(key, r);
  return r;
}

/** A reader of the mapped cells of a record, for a file's headers (column positions resolved once). */
export function compilePick(
  headers: readonly string[],
  mapping: ImportMapping,
): (cells: readonly string[]) => Partial<Record<ImportField, string>> {
  const pairs = (Object.entries(mapping.columns) as [ImportField, string][])
    .map(([field, header]) => [field, headers.indexOf(header)] as const)
    .filter(([, i]) => i >= 0);
  return (cells) => {
    const values: Partial<Record<ImportField, string>> = {};
    for (const [field, idx] of pairs) {
      const v = (cells[idx] ?? '').trim();
      if (v !== '') values[field] = v;
    }
    return values;
  };
}

/** Reads the mapped cells of one record. */
export function pickValues(
  headers: readonly string[],
  cells: readonly string[],
  mapping: ImportMapping,
): Partial<Record<ImportField, string>> {
  return compilePick(headers, mapping)(cells);
}

function splitFullName(full: string): [string, string] {
  const s = full.trim().replace(/\s+/g, ' ');
  if (s.includes(',')) {
    const [last, first] = s.split(',', 2) as [string, string];
    return [first.trim(), last.trim()];
  }
  const i = s.lastIndexOf(' ');
  return i < 0 ? ['', s] : [s.slice(0, i), s.slice(i + 1)];
}

const MAX: Partial<Record<ImportField, number>> = {
  firstName: 100,
  lastName: 100,
  email: 254,
  phone: 40,
  otherPhone: 40,
  vin: 32,
  country: 80,
  state: 80,
  city: 80,
  zip: 20,
  requestFor: 200,
  requestDetails: 4000,
  campaignNotes: 4000,
  customerNotes: 4000,
  additionalServices: 1000,
  externalId: 200,
};

const MAX_ENTRIES = Object.entries(MAX) as [ImportField, number][];

// Module-level helpers (no closure created per row: mapRow runs for every row of a file).
function rowError(
  line: number,
  values: Partial<Record<ImportField, string>>,
  code: ImportRowError,
  field?: ImportField,
): MappedRow {
  return { line, values, error: { code, ...(field ? { field, value: values[field] ?? '' } : {}) } };
}
const consentOf = (values: Partial<Record<ImportField, string>>, f: ImportField): boolean =>
  values[f] === undefined ? false : (parseBool(values[f]!) ?? false);

/** Validates one mapped row and builds the new lead (the same rules as the form). */
export function mapRow(
  line: number,
  values: Partial<Record<ImportField, string>>,
  mapping: ImportMapping,
  ctx: RowContext,
): MappedRow {
  for (const [f, max] of MAX_ENTRIES) {
    if ((values[f]?.length ?? 0) > max) return rowError(line, values, 'VALUE_TOO_LONG', f);
  }
  let first = values.firstName ?? '';
  let last = values.lastName ?? '';
  if (!first && !last && values.fullName) [first, last] = splitFullName(values.fullName);
  if (!first.trim() && !last.trim())
    return rowError(line, values, 'NAME_REQUIRED', mapping.columns.lastName ? 'lastName' : 'fullName');

  const email = values.email?.toLowerCase() ?? null;
  const phone = values.phone ?? null;
  if (!email && !phone && !values.otherPhone) return rowError(line, values, 'CONTACT_REQUIRED', 'phone');
  if (phoneProblem(phone)) return rowError(line, values, 'PHONE_INVALID', 'phone');

  let campaign = mapping.defaults.campaign ?? null;
  if (values.campaign) {
    campaign = parseValue('campaign', values.campaign, ctx);
    if (!campaign) return rowError(line, values, 'CAMPAIGN_UNKNOWN', 'campaign');
  }
  if (!campaign) return rowError(line, values, 'CAMPAIGN_REQUIRED', 'campaign');

  let source: Source | null = mapping.defaults.source ?? null;
  if (values.source) {
    source = parseValue('source', values.source, ctx) as Source | null;
    if (!source) return rowError(line, values, 'SOURCE_UNKNOWN', 'source');
  }
  let leadType: LeadType | null = mapping.defaults.leadType ?? null;
  if (values.leadType) {
    leadType = parseValue('leadType', values.leadType, ctx) as LeadType | null;
    if (!leadType) return rowError(line, values, 'LEAD_TYPE_UNKNOWN', 'leadType');
  }
  if (!leadType && source)
    leadType = source === 'hq_campaign' ? 'hq_driven' : source === 'recontact' ? null : 'customer_driven';
  if (!leadType) return rowError(line, values, 'LEAD_TYPE_REQUIRED', 'leadType');
  if (!source) source = leadType === 'hq_driven' ? 'hq_campaign' : 'web';

  let language: Language = mapping.defaults.language ?? 'en';
  if (values.language) {
    const l = parseValue('language', values.language, ctx) as Language | null;
    if (!l) return rowError(line, values, 'LANGUAGE_UNKNOWN', 'language');
    language = l;
  }

  if (values.vin && !isValidVin(values.vin)) return rowError(line, values, 'VIN_INVALID', 'vin');
  if (!values.vin && leadType === 'hq_driven') return rowError(line, values, 'VIN_REQUIRED', 'vin');

  const dates: Partial<Record<'preferredAt1' | 'preferredAt2' | 'preferredAt3' | 'assignedAt', number | null>> = {};
  for (const f of ['preferredAt1', 'preferredAt2', 'preferredAt3', 'assignedAt'] as const) {
    const raw = values[f];
    let t: number | null = null;
    if (raw !== undefined) {
      const cached = ctx.dateCache?.get(raw);
      if (cached !== undefined) t = cached;
      else {
        t = parseDate(raw, ctx.settings.timeZone, mapping.dateOrder, LEAD_YEARS);
        ctx.dateCache?.set(raw, t);
      }
    }
    if (t !== null && Number.isNaN(t)) return rowError(line, values, 'DATE_INVALID', f);
    dates[f] = t;
  }
  const assignedAt = dates.assignedAt ?? ctx.now;
  if (assignedAt > ctx.now) return rowError(line, values, 'DATE_IN_FUTURE', 'assignedAt');

  // One literal with assignedAt in it: a spread copy ({ ...input, assignedAt }) made initialLead's reads 10× slower
  // (each copy its own object shape), and an import maps 50,000 rows.
  const input: NewLead & { assignedAt: number } = {
    assignedAt,
    firstName: first,
    lastName: last,
    leadType,
    source,
    campaign,
    email,
    phone,
    otherPhone: values.otherPhone ?? null,
    vin: values.vin ? normalizeVin(values.vin) : null,
    language,
    country: values.country ?? null,
    state: values.state ?? null,
    city: values.city ?? null,
    zip: values.zip ?? null,
    requestFor: values.requestFor ?? null,
    requestDetails: values.requestDetails ?? null,
    preferredAt1: dates.preferredAt1 ?? null,
    preferredAt2: dates.preferredAt2 ?? null,
    preferredAt3: dates.preferredAt3 ?? null,
    campaignNotes: values.campaignNotes ?? null,
    customerNotes: values.customerNotes ?? null,
    additionalServices: values.additionalServices ?? null,
    assigneeId: null,
    customerId: null,
    consents: {
      directMarketing: consentOf(values, 'consentDirectMarketing'),
      profiling: consentOf(values, 'consentProfiling'),
      email: consentOf(values, 'consentEmail'),
      phone: consentOf(values, 'consentPhone'),
      post: consentOf(values, 'consentPost'),
      sms: consentOf(values, 'consentSms'),
      fax: false,
      social: false,
    },
  };
  // The values above are already what the form's schema would produce (trimmed, nulls, known enums, lengths checked).
  const res = initialLead(input, { now: ctx.now, settings: ctx.settings, campaigns: ctx.campaigns });
  if (!res.ok) {
    const code = (IMPORT_ROW_ERRORS as readonly string[]).includes(res.error.code)
      ? (res.error.code as ImportRowError)
      : 'INVALID_INPUT';
    return rowError(
      line,
      values,
      code,
      (IMPORT_FIELDS as readonly string[]).includes(res.error.field ?? '')
        ? (res.error.field as ImportField)
        : undefined,
    );
  }
  return { line, values, input, lead: res.value, assignedAt };
}

/**
 * A row mapped earlier (a preview, at `earlier`) brought to ctx.now: exactly what mapRow would return now for the
 * same values (mapping.test.ts checks it), without redoing the row when the time changes nothing. What depends on
 * the time: the default assignment date (now), the "date in the future" check and the new lead's createdAt/updatedAt.
 * A clock that went back, a row dated in the future and a row whose assignment date is the earlier now (the
 * default) are mapped again; other rows only get the new creation time: on a copy, or — `inPlace`, for a caller
 * that owns `r` — on `r.lead` itself (no copy of a 50,000-row file). Otherwise never mutates `r`.
 */
export function remapRow(
  r: MappedRow,
  earlier: number,
  mapping: ImportMapping,
  ctx: RowContext,
  inPlace = false,
): MappedRow {
  if (ctx.now === earlier) return r;
  if (ctx.now < earlier) return mapRow(r.line, r.values, mapping, ctx);
  // Errors found before the date check do not depend on the time; a row that passed the check earlier
  // passes it later too, so its later errors (initialLead's: name, campaign, e-mail, VIN) are the same.
  if (r.error) return r.error.code === 'DATE_IN_FUTURE' ? mapRow(r.line, r.values, mapping, ctx) : r;
  if (r.assignedAt === earlier) return mapRow(r.line, r.values, mapping, ctx);
  if (!inPlace) return { ...r, lead: { ...r.lead!, createdAt: ctx.now, updatedAt: ctx.now } };
  r.lead!.createdAt = ctx.now;
  r.lead!.updatedAt = ctx.now;
  return r;
}

/** The text that identifies a row when the file has no id column: its normalized mapped values. */
export function rowKeyText(values: Partial<Record<ImportField, string>>): string {
  return IMPORT_FIELDS.filter((f) => values[f] !== undefined)
    .map((f) => `${f}=${fold(values[f]!)}`)
    .join('\u001f');
}
