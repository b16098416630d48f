// Translated strings the core itself writes into files (the rejected-rows CSV, CLI reports).
import en from '../../../locales/en/import.json' with { type: 'json' };
import fr from '../../../locales/fr/import.json' with { type: 'json' };
import de from '../../../locales/de/import.json' with { type: 'json' };
import it from '../../../locales/it/import.json' with { type: 'json' };
import type { Language } from '../../../shared/domain/vocabulary';

const NS: Record<Language, unknown> = { en, fr, de, it };

/** Looks up a dotted key in the `import` namespace (falls back to English, then to the key) and fills {{params}}. */
export function rowErrorLabel(lang: Language, key: string, params: Record<string, string | number> = {}): string {
  const find = (root: unknown): string | undefined => {
    let cur: unknown = root;
    for (const part of key.split('.')) {
      if (cur === null || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string, unknown>)[part];
    }
    return typeof cur === 'string' ? cur : undefined;
  };
  const text = find(NS[lang]) ?? find(NS.en) ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, n: string) => String(params[n] ?? ''));
}
