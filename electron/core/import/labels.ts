// Translated strings the core itself writes into files (the rejected-rows CSV, CLI reports): the `import`
// namespace of the main process's one mechanism (core/i18n.ts).
import type { Language } from '../../../shared/domain/vocabulary';
import { t } from '../i18n';

/** Looks up a dotted key in the `import` namespace (falls back to English, then to the key) and fills {{params}}. */
export function rowErrorLabel(lang: Language, key: string, params: Record<string, string | number> = {}): string {
  return t(lang, `import:${key}`, params);
}
