import type { Language } from '../domain/vocabulary';

/** The name of the person the app creates on a new database, in the desk's language (renamed with the language while unchanged). */
export const DEFAULT_PERSON: Record<Language, string> = {
  en: 'Front desk',
  fr: 'Accueil',
  de: 'Empfang',
  it: 'Accettazione',
};
