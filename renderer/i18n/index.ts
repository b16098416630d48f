// i18next for the renderer: every namespace of locales/<lang>/*.json. English (also the fallback) is bundled at
// build time; French, German and Italian are separate chunks, loaded when the language is chosen
// (i18n.changeLanguage waits for them), so that the start-up bundle carries one language, not four.
import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/domain/vocabulary';

const english = import.meta.glob('../../locales/en/*.json', { eager: true, import: 'default' }) as Record<
  string,
  Record<string, unknown>
>;
const others = import.meta.glob(['../../locales/*/*.json', '!../../locales/en/*.json'], {
  import: 'default',
}) as Record<string, () => Promise<Record<string, unknown>>>;
const resources: Record<string, Record<string, Record<string, unknown>>> = { en: {} };
for (const [path, data] of Object.entries(english)) {
  const m = /locales\/en\/([\w-]+)\.json$/.exec(path);
  if (m) resources.en![m[1]!] = data;
}
export const NAMESPACES = Object.keys(resources.en!);

const lazyLocales: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(lang, ns, done) {
    const load = others[`../../locales/${lang}/${ns}.json`];
    if (!load) {
      done(null, lang === 'en' ? (resources.en![ns] ?? {}) : {});
      return;
    }
    load().then(
      (data) => done(null, data),
      (e: unknown) => done(e instanceof Error ? e.message : String(e), null),
    );
  },
};

export { localeTag } from './localeTag';

export function initI18n(language: Language = 'en') {
  void i18n
    .use(lazyLocales)
    .use(initReactI18next)
    .init({
      resources,
      partialBundledLanguages: true,
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      ns: NAMESPACES,
      defaultNS: 'app',
      interpolation: { escapeValue: false },
      returnNull: false,
      // No advert in the desk's console at every start (the main process's instance says the same).
      showSupportNotice: false,
    });
  return i18n;
}
export { i18n };
