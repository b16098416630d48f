// Translations for texts made in the core (e-mails, notifications), synchronous: effect handlers run inside a
// transaction. A thin view of the main process's one mechanism (core/i18n.ts) bound to a namespace and a language.
import { asLanguage, formatWhen, t } from '../i18n';

export type SyncT = (key: string, params?: Record<string, string | number>) => string;

export { asLanguage, formatWhen };

/** A `t` for one namespace ('mail', 'notify', 'domain'…) in one language; "ns:key" reaches another namespace. */
export function syncT(ns: string, lang: string): SyncT {
  return (key, params = {}) => t(lang, key.includes(':') ? key : `${ns}:${key}`, params);
}
