// Phone numbers validated and normalized with libphonenumber for the customer's country (else the
// language's country). Pure.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Language } from '../domain/vocabulary';

const COUNTRY: Record<string, CountryCode> = {
  italy: 'IT',
  italia: 'IT',
  france: 'FR',
  germany: 'DE',
  deutschland: 'DE',
  allemagne: 'DE',
  switzerland: 'CH',
  schweiz: 'CH',
  suisse: 'CH',
  svizzera: 'CH',
  austria: 'AT',
  osterreich: 'AT',
  österreich: 'AT',
  belgium: 'BE',
  belgique: 'BE',
  luxembourg: 'LU',
  monaco: 'MC',
  spain: 'ES',
  'united kingdom': 'GB',
  uk: 'GB',
  netherlands: 'NL',
};
const LANG_COUNTRY: Record<Language, CountryCode> = { it: 'IT', fr: 'FR', de: 'DE', en: 'GB' };

/** The ISO country for a free-text country ("IT", "Italia") or, failing that, the language. */
export function phoneCountry(country: string | null | undefined, language: Language): CountryCode {
  const c = (country ?? '').trim();
  if (/^[A-Za-z]{2}$/.test(c)) return c.toUpperCase() as CountryCode;
  return COUNTRY[c.toLowerCase()] ?? LANG_COUNTRY[language];
}

export interface NormalizedPhone {
  e164: string | null;
  valid: boolean;
}

/** E.164 form and validity of a number; "00" international prefixes are read as "+". Empty → null. */
export function normalizePhone(
  raw: string | null | undefined,
  country: string | null | undefined,
  language: Language,
): NormalizedPhone | null {
  const s = (raw ?? '').trim();
  if (!s) return null;
  try {
    const n = parsePhoneNumberFromString(s.replace(/^00/, '+'), phoneCountry(country, language));
    if (!n) return { e164: null, valid: false };
    return { e164: n.number, valid: n.isValid() };
  } catch {
    return { e164: null, valid: false };
  }
}

/**
 * The memo key of a (number, country, language) for `normalizePhone`: length-prefixed, so two different triples
 * never share a key. An import normalizes each distinct key once (off the main thread: electron/core/people/phonePool).
 */
export function phoneMemoKey(phone: string | null, country: string | null, language: string): string {
  return `${language.length}:${language}${country === null ? '-' : `${country.length}:${country}`}${phone === null ? '-' : `+${phone}`}`;
}
