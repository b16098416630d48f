// The BCP 47 tag of each UI language (en → en-GB: day before month, 24-hour time). Kept apart from i18next so that
// the start-up chunk (app/boot.ts) can warm the date and number formats without loading the translations.
import type { Language } from '../../shared/domain/vocabulary';

const LOCALE_TAG: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE', it: 'it-IT' };
export const localeTag = (lang: string): string => LOCALE_TAG[lang as Language] ?? 'en-GB';
