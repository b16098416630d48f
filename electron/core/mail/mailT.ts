// Synchronous translations for texts made in the core (e-mails, notifications): effect handlers run
// inside a transaction, so they cannot wait for i18next. Reads locales/<lang>/<ns>.json once;
// `{{name}}` interpolation; falls back to English, then to the key.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../../../shared/domain/vocabulary';
import { localesDir } from '../kpi/i18n';

export type SyncT = (key: string, params?: Record<string, string | number>) => string;

const cache = new Map<string, Record<string, unknown>>();
function bundle(lang: string, ns: string): Record<string, unknown> {
  const id = `${lang}/${ns}`;
  let b = cache.get(id);
  if (!b) {
    const dir = localesDir();
    const file = dir ? join(dir, lang, `${ns}.json`) : null;
    b = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> : {};
    cache.set(id, b);
  }
  return b;
}

function lookup(obj: Record<string, unknown>, key: string): string | undefined {
  let cur: unknown = obj;
  for (const part of key.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'string' ? cur : undefined;
}

export const asLanguage = (l: string | null | undefined): Language => ((LANGUAGES as readonly string[]).includes(l ?? '') ? l as Language : 'en');

/** A `t` for one namespace ('mail', 'notify', 'domain'…) in one language; "ns:key" reaches another namespace. */
export function syncT(ns: string, lang: string): SyncT {
  const l = asLanguage(lang);
  return (key, params = {}) => {
    const [n, k] = key.includes(':') ? key.split(':', 2) as [string, string] : [ns, key];
    // Plurals as i18next writes them: `key_one`, `key_other`… chosen by `count` with the language's rules.
    const find = (lang: string) => {
      if (typeof params.count === 'number') {
        const form = new Intl.PluralRules(TAGS[lang as Language]).select(params.count);
        const p = lookup(bundle(lang, n), `${k}_${form}`) ?? lookup(bundle(lang, n), `${k}_other`);
        if (p !== undefined) return p;
      }
      return lookup(bundle(lang, n), k);
    };
    const raw = find(l) ?? find('en') ?? k;
    return raw.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => (params[name] === undefined ? '' : String(params[name])));
  };
}

const TAGS: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE', it: 'it-IT' };
/** Date and time of an instant in a language and the dealer's zone. */
export function formatWhen(ms: number, lang: string, timeZone: string): { date: string; time: string } {
  const tag = TAGS[asLanguage(lang)];
  return {
    date: new Intl.DateTimeFormat(tag, { timeZone, dateStyle: 'full' }).format(new Date(ms)),
    time: new Intl.DateTimeFormat(tag, { timeZone, timeStyle: 'short' }).format(new Date(ms)),
  };
}
