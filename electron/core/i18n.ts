// The one translation mechanism of the main process (core, CLI, Electron glue): i18next over the same
// locales/<lang>/*.json as the renderer, every namespace, loaded synchronously once (effect handlers run inside a
// transaction and cannot wait). Fallback English, then the key. Used by the e-mails and notifications (syncT), the
// reports and the digest (reportT), the import and registry reports, the templates' campaign names and the menu.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type Resource, type TFunction } from 'i18next';
import { LANGUAGES, type Language } from '../../shared/domain/vocabulary';

/** Where locales/ is: $ASLM_LOCALES, or the first locales/en found walking up from here or from the working directory. */
export function localesDir(): string | null {
  if (process.env.ASLM_LOCALES && existsSync(process.env.ASLM_LOCALES)) return process.env.ASLM_LOCALES;
  const starts: string[] = [process.cwd()];
  try {
    starts.push(dirname(fileURLToPath(import.meta.url)));
  } catch {
    /* bundled as CJS */
  }
  if (typeof __dirname === 'string') starts.push(__dirname);
  if ((process as { resourcesPath?: string }).resourcesPath)
    starts.push((process as unknown as { resourcesPath: string }).resourcesPath);
  for (const start of starts) {
    let dir = resolve(start);
    for (let i = 0; i < 8; i++) {
      if (existsSync(join(dir, 'locales', 'en', 'kpi.json'))) return join(dir, 'locales');
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return null;
}

export const asLanguage = (l: string | null | undefined): Language =>
  (LANGUAGES as readonly string[]).includes(l ?? '') ? (l as Language) : 'en';

let instance: i18n | null = null;
/** The i18next instance with every language and namespace (read once). */
function i18nInstance(): i18n {
  if (instance) return instance;
  const dir = localesDir();
  const resources: Resource = {};
  const namespaces = new Set<string>();
  for (const l of LANGUAGES) {
    resources[l] = {};
    const langDir = dir ? join(dir, l) : null;
    if (!langDir || !existsSync(langDir)) continue;
    for (const f of readdirSync(langDir).filter((f) => f.endsWith('.json'))) {
      const ns = f.slice(0, -'.json'.length);
      try {
        resources[l]![ns] = JSON.parse(readFileSync(join(langDir, f), 'utf8'));
        namespaces.add(ns);
      } catch {
        /* an unreadable file: its keys fall back */
      }
    }
  }
  const inst = i18next.createInstance();
  void inst.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    ns: [...namespaces],
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  } as Parameters<typeof inst.init>[0]);
  instance = inst;
  return inst;
}

/** i18next's own `t` for a language with a default namespace (arrays of keys, defaultValue, plurals, returnObjects). */
export function fixedT(lang: string, ns: string): TFunction {
  return i18nInstance().getFixedT(asLanguage(lang), ns);
}

export type Params = Record<string, string | number>;
const EMPTY = () => '';

/**
 * A text: `key` is "ns:dotted.key"; `{{param}}` filled in (a missing one becomes empty); `count` chooses the plural
 * form (`key_one`, `key_other`… by the language's rules); the language's text, else English, else the key.
 */
export function t(lang: string, key: string, params: Params = {}): string {
  const [ns, k] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['app', key];
  return String(fixedT(lang, ns)(k, { ...params, missingInterpolationHandler: EMPTY } as never));
}

const TAGS: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE', it: 'it-IT' };
/** The BCP 47 tag of a language for Intl (dates, numbers). */
export const localeTag = (lang: Language): string => TAGS[lang];

/** Date and time of an instant in a language and the dealer's zone. */
export function formatWhen(ms: number, lang: string, timeZone: string): { date: string; time: string } {
  const tag = TAGS[asLanguage(lang)];
  return {
    date: new Intl.DateTimeFormat(tag, { timeZone, dateStyle: 'full' }).format(new Date(ms)),
    time: new Intl.DateTimeFormat(tag, { timeZone, timeStyle: 'short' }).format(new Date(ms)),
  };
}
