// i18next for the renderer: every namespace of locales/<lang>/*.json, bundled at build time.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/domain/vocabulary';

const files = import.meta.glob('../../locales/*/*.json', { eager: true, import: 'default' }) as Record<string, Record<string, unknown>>;
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, data] of Object.entries(files)) {
  const m = /locales\/(\w+)\/([\w-]+)\.json$/.exec(path);
  if (!m) continue;
  const [, lang, ns] = m as unknown as [string, string, string];
  (resources[lang] ??= {})[ns] = data;
}
export const NAMESPACES = [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))];

const LOCALE_TAG: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE', it: 'it-IT' };
export const localeTag = (lang: string): string => LOCALE_TAG[lang as Language] ?? 'en-GB';

export function initI18n(language: Language = 'en') {
  void i18n.use(initReactI18next).init({
    resources, lng: language, fallbackLng: 'en', supportedLngs: [...LANGUAGES],
    ns: NAMESPACES, defaultNS: 'app', interpolation: { escapeValue: false }, returnNull: false,
  });
  return i18n;
}
export { i18n };
