// Texts of the `people` namespace for the main process / CLI (registry report, exports): a plain lookup in
// locales/<lang>/people.json with {{param}} interpolation; the key itself when missing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../../../shared/domain/vocabulary';
import { localesDir } from '../kpi/i18n';

const cache = new Map<string, Record<string, unknown>>();
function load(lang: Language, ns: string): Record<string, unknown> {
  const k = `${lang}/${ns}`;
  let v = cache.get(k);
  if (!v) {
    try { v = JSON.parse(readFileSync(join(localesDir() ?? 'locales', lang, `${ns}.json`), 'utf8')) as Record<string, unknown>; } catch { v = {}; }
    cache.set(k, v);
  }
  return v;
}

export function peopleLabel(lang: Language, key: string, params: Record<string, string | number> = {}, ns = 'people'): string {
  let cur: unknown = load(lang, ns);
  for (const part of key.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined;
  const s = typeof cur === 'string' ? cur : key;
  return s.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, p: string) => String(params[p] ?? ''));
}
